/**
 * Writes the model's data files (models/singapore/data/*.csv and data/observed/*.csv) from the
 * transcribed sources in data/nea, data/singstat and data/hdb and from model.yaml's own
 * parameters (domestic composition, lifetimes, unit masses, building mass), so that every number
 * lives in one place. SOURCES.md gives every source and says which numbers are this model's
 * assumptions.
 *
 *   npx tsx models/singapore/derive-data.ts
 *
 * Nothing here is fitted: the parameters `metabolis fit` estimates are read from model.yaml.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { parseCsv } from '../../engine/definition/csv.js';
import { fillSurvivalCurve, logGamma, type Lifetime } from '../../engine/lifetime/index.js';
import type { SurvivalConvention } from '../../engine/definition/types.js';

const model = parse(readFileSync(new URL('./model.yaml', import.meta.url), 'utf8'));
const dataFolder = fileURLToPath(new URL('./data/', import.meta.url));
const streams: string[] = model.dimensions.stream;
const products: string[] = model.dimensions.product;
/** A parameter's value, written plain (`name: 0.3`) or with its unit (`name: { unit: yr, value: 30 }`). */
const parameter = (name: string) => (typeof model.parameters[name] === 'object' ? model.parameters[name].value : model.parameters[name]);
const START = model.time.start as number;
const LAST_OBSERVED = 2023;

/** Rows of a transcribed CSV as records of strings (comment lines skipped). */
function table(file: string): Record<string, string>[] {
  const csv = parseCsv(readFileSync(`${dataFolder}${file}`, 'utf8'), file);
  return csv.rows.map((row) => Object.fromEntries(csv.header.map((name, i) => [name, row.cells[i].trim()])));
}
const printed = (cell: string | undefined) => cell !== undefined && cell !== '';

// NEA's stream names (data/nea/waste_by_stream.csv) → the model's.
const STREAM_OF: Record<string, string> = {
  ferrous_metal: 'ferrous', non_ferrous_metal: 'non-ferrous', paper_cardboard: 'paper', plastics: 'plastics', food: 'food',
  horticultural: 'horticultural', wood: 'wood', textile_leather: 'textile', glass: 'glass', construction_demolition: 'construction-demolition',
  ash_sludge: 'ash-sludge', used_slag: 'used-slag', scrap_tyres: 'scrap-tyres', others: 'others',
};
const CONSTRUCTION = 'construction-demolition';

// --- the transcribed sources ------------------------------------------------------------------
const population = new Map(table('nea/population.csv').map((row) => [Number(row.year), Number(row.total_population)]));
const gdpPerCapita = new Map(table('singstat/gdp_per_capita.csv').map((row) => [Number(row.year), Number(row.gdp_per_capita_sgd)]));
const totals = table('nea/waste_totals.csv');
const byStream = table('nea/waste_by_stream.csv').filter((row) => Number(row.year) >= START && row.stream !== 'total');
const streamTotals = table('nea/waste_by_stream.csv').filter((row) => Number(row.year) >= START && row.stream === 'total');
const sectors = table('nea/waste_by_sector.csv');
const progressPayments = table('singstat/construction_progress_payments.csv').map((row) => [Number(row.year), Number(row.progress_payments_sgd_million)] as const);
const hdb = table('hdb/dwelling_units_by_year_completed.csv').map((row) => [Number(row.year), Number(row.dwelling_units)] as const);
const streamYears = [...new Set(byStream.map((row) => Number(row.year)))].sort((a, b) => a - b);
const kt = (year: number, stream: string, column: 'generated_kt' | 'recycled_kt' | 'disposed_kt'): number | undefined => {
  const row = byStream.find((r) => Number(r.year) === year && STREAM_OF[r.stream] === stream);
  return row && printed(row[column]) ? Number(row[column]) : undefined;
};
// NEA's 2022 table as read lost its textile/leather row: its printed totals leave 255 kt generated and 5 kt recycled
// for it (DATA.md). The drivers need every item in every given year, so they take that residual; no observation does.
function streamValue(year: number, stream: string, column: 'generated_kt' | 'recycled_kt'): number {
  const value = kt(year, stream, column);
  if (value !== undefined) return value;
  const total = Number(streamTotals.find((row) => Number(row.year) === year)![column]);
  return total - streams.filter((s) => s !== stream).reduce((sum, s) => sum + kt(year, s, column)!, 0);
}

// --- domestic waste generated per person -----------------------------------------------------
// 2013: 1.08 kg per person per day (NEA 2023 page, Fig. 1); 2018–2023: NEA's domestic generation (Mt, two decimals) over
// the population; of two printings of one year the later is taken (2020: 1.77 Mt of April 2022, not 1.76 of April 2021).
const DAYS = 365.25;
const domesticMt = new Map<number, number>();
for (const row of sectors) if (row.sector === 'domestic' && printed(row.generated_mt)) domesticMt.set(Number(row.year), Number(row.generated_mt));
const domesticPerCapita = new Map<number, number>([[2013, 1.08 * DAYS], ...[...domesticMt].map(([year, mt]): [number, number] => [year, (mt * 1e9) / population.get(year)!])]);
const domesticYears = [...domesticPerCapita.keys()].sort((a, b) => a - b);
/** kg per person and year in any year 2013–2023: linear between the given years (2014–2017 are not printed). */
function domesticPerCapitaIn(year: number): number {
  const after = domesticYears.find((y) => y >= year)!;
  const before = [...domesticYears].reverse().find((y) => y <= year)!;
  if (after === before) return domesticPerCapita.get(year)!;
  const share = (year - before) / (after - before);
  return domesticPerCapita.get(before)! * (1 - share) + domesticPerCapita.get(after)! * share;
}

// --- non-domestic intensity and recycling rates by stream ------------------------------------
// Non-domestic generation of a stream = NEA's generation − domestic generation × the stream's domestic composition
// (model.yaml, an assumption); per dollar of GDP (chained 2015 S$). C&D comes from the building stock, not from here.
const composition: Record<string, number> = parameter('domestic_composition');
const gdp = (year: number) => population.get(year)! * gdpPerCapita.get(year)!;
const intensity = new Map<number, number[]>();
const rate = new Map<number, number[]>();
for (const year of streamYears) {
  const domestic = (domesticPerCapitaIn(year) * population.get(year)!) / 1e6; // kt
  intensity.set(year, streams.map((stream) => {
    const generated = streamValue(year, stream, 'generated_kt');
    const nonDomestic = stream === CONSTRUCTION ? 0 : generated - domestic * composition[stream];
    if (nonDomestic < 0) throw new Error(`${year} ${stream}: the domestic composition puts more in the domestic sector (${(domestic * composition[stream]).toFixed(1)} kt) than NEA's ${generated} kt`);
    return (nonDomestic * 1e9) / gdp(year); // g per S$
  }));
  rate.set(year, streams.map((stream) => streamValue(year, stream, 'recycled_kt') / generated(year, stream)));
}
function generated(year: number, stream: string): number {
  return streamValue(year, stream, 'generated_kt');
}
// NEA's 2021 stream table is missing: the drivers take the mean of 2020 and 2022 (what linear interpolation gives), written
// out so that the trend scenario's damped Holt forecasts, which need consecutive years, can fit them.
const MISSING_YEAR = 2021;
for (const series of [intensity, rate]) series.set(MISSING_YEAR, series.get(MISSING_YEAR - 1)!.map((value, k) => (value + series.get(MISSING_YEAR + 1)![k]) / 2));
// --- the domestic sector's recycling ------------------------------------------------------------
// A domestic tonne of a stream is recycled at r_d = f·r / (1 − r + f·r), r the stream's overall rate (its odds times f).
// f is solved for each year NEA prints a domestic rate (2018–2023) so that the domestic rate over the composition is
// NEA's; the model holds 2018's before (2013–2017 are not printed) and 2023's after.
const domesticRate = (factor: number, year: number) =>
  streams.reduce((sum, stream, k) => {
    const r = Math.min(Math.max(rate.get(year)![k], 0), 1);
    return sum + (composition[stream] * factor * r) / (1 - r + factor * r);
  }, 0);
const observedDomesticRate = new Map<number, number>();
for (const row of sectors) if (row.sector === 'domestic' && printed(row.recycling_rate_pct)) observedDomesticRate.set(Number(row.year), Number(row.recycling_rate_pct) / 100);
const domesticFactor = [...observedDomesticRate].sort(([a], [b]) => a - b).map(([year, target]): [number, number] => {
  let [low, high] = [0, 1];
  while (domesticRate(high, year) < target) high *= 2;
  for (let i = 0; i < 60; i++) [low, high] = domesticRate((low + high) / 2, year) < target ? [(low + high) / 2, high] : [low, (low + high) / 2];
  return [year, round((low + high) / 2)];
});
const longRows = (series: Map<number, number[]>) => [...series].sort(([a], [b]) => a - b).flatMap(([year, values]) => streams.map((stream, k) => [year, stream, round(values[k])]));
// The intensity splits into its total (g/S$ of all non-C&D streams) and each stream's share of it, so that a scenario can
// continue the total's trend (the decoupling of waste from GDP) without extrapolating fourteen short, noisy series.
const totalIntensity = new Map([...intensity].map(([year, values]) => [year, values.reduce((sum, value) => sum + value, 0)]));
const compositionRows = [...intensity].sort(([a], [b]) => a - b).flatMap(([year, values]) => streams.map((stream, k) => [year, stream, round(values[k] / totalIntensity.get(year)!)]));
const rateRows = longRows(rate);

// --- buildings ---------------------------------------------------------------------------------
// HDB dwelling units by year completed (blocks standing in early 2024) stand for the age structure of the whole
// building stock; building_mass_per_dwelling (model.yaml, an assumption) turns a dwelling into tonnes of material.
const massPerDwelling: number = parameter('building_mass_per_dwelling');
const cdColumn = (value: number) => streams.map((stream) => (stream === CONSTRUCTION ? round(value) : 0));
const completions = hdb.filter(([year]) => year >= START && year <= LAST_OBSERVED);
// The blocks are those standing in early 2024: what was demolished before is not in the list. Each cohort is carried back
// to what was built with model.yaml's building lifetime (built = standing at the end of 2023 / S(2023 − cohort)) and
// forward to the end of 2012 (× S(2012 − cohort)), so the initial stock holds the buildings demolished 2013–2023 too.
const buildingConvention: SurvivalConvention = model.survival;
const lifetimeMean: number = parameter('building_lifetime_mean');
const buildingLifetime: Lifetime = { distribution: 'normal', mean: lifetimeMean, sd: parameter('building_lifetime_cv') * lifetimeMean };
const FIRST_COHORT = hdb[0][0];
const buildingSurvival = survivalByAge(buildingLifetime, LAST_OBSERVED - FIRST_COHORT + 1, buildingConvention);
// The blocks completed before 1960 are kept (model.yaml gives them a lifetime beyond the horizon): standing in 2024,
// they stood at the end of 2012 as they are.
const KEPT_BEFORE = 1960;
const initialCohorts = hdb
  .filter(([year]) => year < START)
  .map(([year, units]): [number, number] => [year, year < KEPT_BEFORE ? units : (units * buildingSurvival[START - 1 - year]) / buildingSurvival[LAST_OBSERVED - year]]);

// --- electrical and electronic equipment --------------------------------------------------------
const convention: SurvivalConvention = model.stocks.eee_stock.survival;
const shape: Record<string, number> = parameter('eee_weibull_shape');
const scale: Record<string, number> = parameter('eee_weibull_scale');
const unitMass: Record<string, number> = parameter('eee_unit_mass');
const meanLifetime = (product: string) => scale[product] * Math.exp(logGamma(1 + 1 / shape[product]));
// Items owned per person in 2013 and 2023 (assumption; SingStat's table of consumer durables could not be read here).
const OWNED_PER_CAPITA: Record<string, [number, number]> = {
  'washing-machine': [0.23, 0.23], fridge: [0.26, 0.26], 'air-conditioner': [0.5, 0.6], 'desktop-pc': [0.16, 0.1],
  laptop: [0.32, 0.4], 'mobile-phone': [1.5, 1.6], 'flat-panel-tv': [0.28, 0.3],
};
// CRT televisions: no ownership is stated; their stock is what was sold (0.025 per person a year until 2004, phased out
// by 2010; assumption) times its survival to 2012, with the population of each cohort (World Bank WDI SP.POP.TOTL).
const CRT_SALES_PER_CAPITA = 0.025;
const WDI_POPULATION: Record<number, number> = {
  1980: 2413945, 1981: 2532835, 1982: 2646466, 1983: 2681061, 1984: 2732221, 1985: 2735957, 1986: 2733373, 1987: 2774789,
  1988: 2846108, 1989: 2930901, 1990: 3047132, 1991: 3135083, 1992: 3230698, 1993: 3313471, 1994: 3419048, 1995: 3524506,
  1996: 3670704, 1997: 3796038, 1998: 3927213, 1999: 3958723, 2000: 4027887, 2001: 4138012, 2002: 4175950, 2003: 4114826,
  2004: 4166664, 2005: 4265762, 2006: 4401365, 2007: 4588599, 2008: 4839396, 2009: 4987573, 2010: 5076732, 2011: 5183688,
  2012: 5312437,
};
const FIRST_EEE_COHORT = 1980;
// Sales per person before 2013 relative to 2012 (assumption): [year, factor], linear in between, 0 before the first point.
// They shape the age structure of the stock only; its size is the ownership above.
const EEE_SALES_HISTORY: Record<string, [number, number][]> = {
  'washing-machine': [[1980, 0.6], [2012, 1]], fridge: [[1980, 0.6], [2012, 1]], 'air-conditioner': [[1980, 0.2], [2012, 1]],
  'desktop-pc': [[1984, 0], [2005, 1.3], [2012, 1]], laptop: [[1994, 0], [2012, 1]], 'mobile-phone': [[1994, 0], [2008, 1], [2012, 1]],
  'flat-panel-tv': [[2002, 0], [2012, 1]], 'crt-tv': [[1980, 1], [2004, 1], [2010, 0]],
};

/** Linear interpolation through [year, value] points, constant outside them. */
function interpolate(points: [number, number][], year: number): number {
  if (year <= points[0][0]) return points[0][1];
  for (let i = 1; i < points.length; i++) {
    const [x1, y1] = points[i];
    if (year <= x1) {
      const [x0, y0] = points[i - 1];
      return y0 + ((y1 - y0) * (year - x0)) / (x1 - x0);
    }
  }
  return points[points.length - 1][1];
}
function survivalByAge(lifetime: Lifetime, count: number, survival: SurvivalConvention = convention): Float64Array {
  const curve = new Float64Array(count);
  fillSurvivalCurve(lifetime, survival, 0, count, curve, 0);
  return curve;
}
// The stock at the end of 2012 holds what people own: 2013's ownership × the 2012 population × the unit mass, spread over
// the cohorts by their relative sales × survival to 2012.
const eeeRows: (string | number)[][] = Array.from({ length: START - FIRST_EEE_COHORT }, (_, i) => [FIRST_EEE_COHORT + i]);
for (const product of products) {
  const survival = survivalByAge({ distribution: 'weibull', shape: shape[product], scale: scale[product] }, START - FIRST_EEE_COHORT);
  const weights = eeeRows.map(([cohort]) => {
    const history = EEE_SALES_HISTORY[product];
    return (cohort as number) < history[0][0] ? 0 : interpolate(history, cohort as number) * survival[START - 1 - (cohort as number)];
  });
  if (product === 'crt-tv') {
    eeeRows.forEach((row, i) => row.push(round((WDI_POPULATION[row[0] as number] * CRT_SALES_PER_CAPITA * weights[i] * unitMass[product]) / 1000)));
    continue;
  }
  const total = weights.reduce((a, b) => a + b, 0);
  const stock = (OWNED_PER_CAPITA[product][0] * WDI_POPULATION[START - 1] * unitMass[product]) / 1000; // t
  eeeRows.forEach((row, i) => row.push(round((stock * weights[i]) / total)));
}
// Sales per person = items owned per person / mean lifetime (ownership in steady state); CRT televisions are no longer sold.
const salesPerCapita = (product: string, which: 0 | 1) => (product === 'crt-tv' ? 0 : OWNED_PER_CAPITA[product][which] / meanLifetime(product));

// --- observations: NEA's tables in the model's items, each value with its standard deviation ------------------
// sd = max(printed resolution / √12, 1 % of the value): NEA itself revised its 2018 and 2019 totals by 0.6–1.4 %, the
// measured size of the statistics' own uncertainty. The 2018–2019 stream tables are the first-published ones, whose totals
// NEA later revised by ΔG (generated) and ΔR (recycled); which streams changed is not known, so each stream value of those
// years gets, in quadrature, the revision spread evenly over the 14 streams: ΔX/√14.
const CV = 0.01;
const revised = (year: number, column: 'generated_kt' | 'recycled_kt') => {
  const first = streamTotals.find((row) => Number(row.year) === year && row.source.endsWith('-FIRST'));
  return first ? Math.abs(Number(totals.find((row) => Number(row.year) === year)![column]) - Number(first[column])) : 0;
};
const sdOf = (value: number, resolution: number, revision = 0) =>
  round(Math.sqrt(Math.max(resolution / Math.sqrt(12), CV * value) ** 2 + revision ** 2 / streams.length), 4);
function streamObservations(column: 'generated_kt' | 'recycled_kt' | 'disposed_kt'): (string | number)[][] {
  return byStream
    .filter((row) => printed(row[column]))
    .map((row) => {
      const year = Number(row.year);
      const value = Number(row[column]);
      const revision = column === 'disposed_kt' ? 0 : revised(year, column);
      return [year, STREAM_OF[row.stream], round(value * 1000), round(sdOf(value, Number(row.resolution_kt), revision) * 1000)];
    });
}
const totalObservations = (column: 'generated_kt' | 'recycled_kt' | 'disposed_kt') =>
  totals.map((row) => [row.year, Number(row[column]) * 1000, round(sdOf(Number(row[column]), 1) * 1000)]);
// By sector: the latest printing of each year; Mt with two decimals; rates in whole percent.
function sectorObservations(sector: string, column: 'generated_mt' | 'recycling_rate_pct'): (string | number)[][] {
  const latest = new Map<number, number>();
  for (const row of sectors) if (row.sector === sector && printed(row[column])) latest.set(Number(row.year), Number(row[column]));
  return [...latest].sort(([a], [b]) => a - b).map(([year, value]) =>
    column === 'generated_mt' ? [year, value * 1e6, round(Math.max(1e4 / Math.sqrt(12), CV * value * 1e6))] : [year, value / 100, round(0.01 / Math.sqrt(12), 4)],
  );
}

// --- writing ----------------------------------------------------------------------------------
function round(value: number, digits = 7): number {
  return Number(value.toPrecision(digits));
}
function writeCsv(name: string, comment: string, header: string[], rows: (string | number)[][]): void {
  const lines = comment.split('\n').map((line) => `# ${line}`);
  writeFileSync(`${dataFolder}${name}`, [...lines, header.join(','), ...rows.map((row) => row.join(','))].join('\n') + '\n');
}
const derived = 'Written by models/singapore/derive-data.ts; sources in models/singapore/SOURCES.md.';

// Projection (assumption, shaped after the UN WPP 2024 medium variant: a peak in the early 2040s, then decline); SOURCES.md.
const POPULATION_PROJECTION: Record<number, number> = { 2030: 6220000, 2040: 6380000, 2045: 6400000, 2050: 6330000, 2060: 6140000 };
writeCsv('population.csv', `Total population: World Bank WDI 2013–2024 (data/nea/population.csv), then a projection (assumption). ${derived}`, ['year', 'value'],
  [...[...population].filter(([year]) => year >= START), ...Object.entries(POPULATION_PROJECTION).map(([year, value]) => [Number(year), value])]);
writeCsv('gdp_per_capita.csv', `GDP per person, chained (2015) S$ (SingStat via data/singstat/gdp_per_capita.csv). ${derived}`, ['year', 'value'],
  [...gdpPerCapita].filter(([year]) => year >= START).map(([year, value]) => [year, value]));
writeCsv('domestic_per_capita.csv', `Domestic waste generated per person, kg/yr (NEA; 2014–2017 not printed). ${derived}`, ['year', 'value'],
  domesticYears.map((year) => [year, round(domesticPerCapita.get(year)!)]));
writeCsv('non_domestic_intensity.csv', `Non-domestic waste generated (C&D excluded) per S$ of GDP (chained 2015), g/S$. ${derived}`,
  ['year', 'value'], [...totalIntensity].sort(([a], [b]) => a - b).map(([year, value]) => [year, round(value)]));
writeCsv('non_domestic_composition.csv', `Each stream's share of non-domestic waste generated, C&D excluded (C&D: from the buildings). ${derived}`,
  ['year', 'stream', 'value'], compositionRows);
writeCsv('domestic_recycling_factor.csv', `Odds ratio of recycling a domestic tonne against the stream's overall odds, solved so that the domestic rate is NEA's (data/nea/waste_by_sector.csv, latest printing). ${derived}`,
  ['year', 'value'], domesticFactor);
writeCsv('recycling_rate.csv', `Share of each stream's generation recycled (NEA, recycled / generated as printed in '000 t). ${derived}`, ['year', 'stream', 'value'], rateRows);
writeCsv('dwellings_completed.csv', `HDB dwelling units completed (standing in 2024) per year (data/hdb). ${derived}`, ['year', 'value'], completions.map(([year, units]) => [year, units]));
writeCsv('construction_output.csv', `Construction work done: progress payments certified, S$ at current prices (data/singstat). ${derived}`, ['year', 'value'],
  progressPayments.filter(([year]) => year >= START).map(([year, value]) => [year, round(value * 1e6)]));
writeCsv('buildings_initial.csv', `Building material by cohort at the end of ${START - 1}: HDB dwelling units standing in 2024 by year completed, carried back with the building lifetime (SOURCES.md), × building_mass_per_dwelling, t. ${derived}`,
  ['year', ...streams], initialCohorts.map(([year, units]) => [year, ...cdColumn(units * massPerDwelling)]));
writeCsv('eee_sales_per_capita.csv', `Items sold per person and year = items owned per person / mean lifetime (assumption, SOURCES.md). ${derived}`,
  ['year', ...products], ([0, 1] as const).map((which) => [[2013, 2023][which], ...products.map((product) => round(salesPerCapita(product, which)))]));
writeCsv('eee_initial.csv', `Equipment in use by cohort at the end of ${START - 1}, t: 2013 ownership × 2012 population × unit mass. ${derived}`, ['year', ...products], eeeRows);
const grid = table('nea/grid_emission_factor.csv').filter((row) => Number(row.year) >= START);
writeCsv('grid_emission_factor.csv', `EMA average operating margin grid emission factor, kg CO2/kWh, the years transcribed in data/nea. ${derived}`, ['year', 'value'],
  grid.map((row) => [row.year, row.average_operating_margin]));

mkdirSync(`${dataFolder}observed`, { recursive: true });
const observedComment = (what: string) => `${what}; value and sd in t (sd: SOURCES.md, Observations). ${derived}`;
for (const [column, name] of [['generated_kt', 'generated'], ['recycled_kt', 'recycled'], ['disposed_kt', 'disposed']] as const) {
  writeCsv(`observed/stream_${name}.csv`, observedComment(`NEA waste ${name} by stream, as printed (data/nea/waste_by_stream.csv)`), ['year', 'stream', 'value', 'sd'], streamObservations(column));
  writeCsv(`observed/total_${name}.csv`, observedComment(`NEA waste ${name} in all, 2013–2023 as revised (data/nea/waste_totals.csv)`), ['year', 'value', 'sd'], totalObservations(column));
}
for (const sector of ['domestic', 'non_domestic']) {
  writeCsv(`observed/${sector}_generated.csv`, observedComment(`NEA ${sector.replace('_', '-')} waste generated (data/nea/waste_by_sector.csv)`), ['year', 'value', 'sd'], [
    ...(sector === 'domestic' ? [[2013, round((1.08 * DAYS * population.get(2013)!) / 1000), round((0.01 / Math.sqrt(12)) * DAYS * population.get(2013)! / 1000)]] : []),
    ...sectorObservations(sector, 'generated_mt'),
  ]);
  writeCsv(`observed/${sector}_recycling_rate.csv`, `NEA ${sector.replace('_', '-')} recycling rate (data/nea/waste_by_sector.csv); sd: whole percent / √12. ${derived}`, ['year', 'value', 'sd'],
    sectorObservations(sector, 'recycling_rate_pct'));
}

console.log(`domestic kg/person/yr: ${domesticYears.map((y) => `${y} ${domesticPerCapita.get(y)!.toFixed(1)}`).join(', ')}`);
console.log(`initial building stock: ${((initialCohorts.reduce((a, [, u]) => a + u, 0) * massPerDwelling) / 1e6).toFixed(1)} Mt in ${initialCohorts.length} cohorts (lifetime ${lifetimeMean} yr)`);
console.log(`EEE mean lifetimes (years): ${products.map((p) => `${p} ${meanLifetime(p).toFixed(2)}`).join(', ')}`);
