/**
 * Writes models/singapore/data/*.csv from the cited numbers below and the model's own parameters
 * (lifetimes, unit masses, building intensity, items and survival convention are read from
 * model.yaml, so they live in one place). Every number is listed with its source in SOURCES.md;
 * numbers marked "assumption" are this model's own choices.
 *
 *   npx tsx models/singapore/derive-data.ts
 *
 * Survival curves come from the engine (engine/lifetime) with the model's convention, so the
 * initial stocks age as the model will age them.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { fillSurvivalCurve, logGamma, type Lifetime } from '../../engine/lifetime/index.js';
import type { SurvivalConvention } from '../../engine/definition/types.js';

const model = parse(readFileSync(new URL('./model.yaml', import.meta.url), 'utf8'));
const dataFolder = fileURLToPath(new URL('./data/', import.meta.url));
const convention: SurvivalConvention = model.survival;
const streams: string[] = model.dimensions.stream;
const products: string[] = model.dimensions.product;
const parameter = (name: string) => model.parameters[name].value;

// Total population, mid-year (World Bank WDI SP.POP.TOTL from SingStat, 1960–2020; SingStat, 2021–2024).
const POPULATION: Record<number, number> = {
  1960: 1646400, 1961: 1702400, 1962: 1750200, 1963: 1795000, 1964: 1841600, 1965: 1886900, 1966: 1934400, 1967: 1977600,
  1968: 2012000, 1969: 2042500, 1970: 2074507, 1971: 2112900, 1972: 2152400, 1973: 2193000, 1974: 2229800, 1975: 2262600,
  1976: 2293300, 1977: 2325300, 1978: 2353600, 1979: 2383500, 1980: 2413945, 1981: 2532835, 1982: 2646466, 1983: 2681061,
  1984: 2732221, 1985: 2735957, 1986: 2733373, 1987: 2774789, 1988: 2846108, 1989: 2930901, 1990: 3047132, 1991: 3135083,
  1992: 3230698, 1993: 3313471, 1994: 3419048, 1995: 3524506, 1996: 3670704, 1997: 3796038, 1998: 3927213, 1999: 3958723,
  2000: 4027887, 2001: 4138012, 2002: 4175950, 2003: 4114826, 2004: 4166664, 2005: 4265762, 2006: 4401365, 2007: 4588599,
  2008: 4839396, 2009: 4987573, 2010: 5076732, 2011: 5183688, 2012: 5312437, 2013: 5399162, 2014: 5469724, 2015: 5535002,
  2016: 5607283, 2017: 5612253, 2018: 5638676, 2019: 5703569, 2020: 5685807, 2021: 5453566, 2022: 5637022, 2023: 5917648,
  2024: 6036860,
};
// Projection (assumption, shaped after the UN WPP 2024 medium variant: a peak in the early 2040s, then decline).
const POPULATION_PROJECTION: Record<number, number> = { 2030: 6220000, 2040: 6380000, 2045: 6400000, 2050: 6330000, 2060: 6140000 };
// Buildings follow the population without its 2020–2021 COVID-19 dip: buildings are not demolished
// when non-residents leave for a year.
const PLANNING_POPULATION_YEARS = [2013, 2019, 2024];

// NEA waste statistics, '000 t generated.
const NEA_GENERATED: Record<number, number> = {
  2013: 7851, 2014: 7515, 2015: 7673, 2016: 7814, 2017: 7704, 2018: 7759, 2019: 7278, 2020: 5880, 2021: 6944, 2022: 7385, 2023: 6859,
};
// Construction & demolition, '000 t, where a source gives it (2016: an 18.4 % share, secondary source).
const NEA_CONSTRUCTION_DEMOLITION: Record<number, number> = { 2016: 0.184 * 7814, 2020: 825, 2022: 1424, 2023: 832 };

// Stream recycling rates in 2013 (NEA 2013 via secondary sources, verify) and NEA 2023 ('000 t generated, recycled).
const RECYCLING_RATE_2013: Record<string, number> = {
  ferrous: 0.97, 'non-ferrous': 0.84, paper: 0.54, food: 0.13, wood: 0.77, 'construction-demolition': 0.99, 'used-slag': 0.97,
};
const NEA_2023: Record<string, [number, number]> = {
  ferrous: [1296, 1289], 'non-ferrous': [106, 105], paper: [1251, 387], food: [755, 132], wood: [447, 299], 'construction-demolition': [832, 828], 'used-slag': [176, 173],
};
// The trend scenario continues the 2013–2023 line of these streams to this year; the others are
// near 100 % (or have no 2013 figure) and hold.
const TRENDING_STREAMS = ['paper', 'food', 'wood'];
const TREND_END = 2030;

// Floor area per person, m² (assumption): 12 in 1960, then the points model.yaml gives, linear in between.
const FLOOR_AREA_PER_CAPITA: [number, number][] = [
  [1960, 12],
  ...Object.entries(model.drivers.floor_area_per_capita.values as Record<string, number>).map(([year, value]): [number, number] => [Number(year), value]),
];
// Buildings standing before 1960, represented as one cohort of this year (assumption).
const PRE_1960_COHORT = 1945;

// Items owned per person in 2013 and 2023 (assumption); CRT televisions are no longer sold.
const OWNED_PER_CAPITA: Record<string, [number, number]> = {
  'washing-machine': [0.23, 0.23],
  fridge: [0.26, 0.26],
  'air-conditioner': [0.5, 0.6],
  'desktop-pc': [0.16, 0.1],
  laptop: [0.32, 0.4],
  'mobile-phone': [1.5, 1.6],
  'flat-panel-tv': [0.28, 0.3],
  'crt-tv': [0, 0],
};
const FIRST_EEE_COHORT = 1980;
// Sales per person before 2013 relative to 2013 (assumption): [year, factor], linear in between, 0 before the first point.
const EEE_SALES_HISTORY: Record<string, [number, number][]> = {
  'washing-machine': [[1980, 0.6], [2012, 1]],
  fridge: [[1980, 0.6], [2012, 1]],
  'air-conditioner': [[1980, 0.2], [2012, 1]],
  'desktop-pc': [[1984, 0], [2005, 1.3], [2012, 1]],
  laptop: [[1994, 0], [2012, 1]],
  'mobile-phone': [[1994, 0], [2008, 1], [2012, 1]],
  'flat-panel-tv': [[2002, 0], [2012, 1]],
  'crt-tv': [[1980, 1], [2004, 1], [2010, 0]],
};
// CRT televisions sold per person per year before their phase-out (assumption).
const CRT_SALES_PER_CAPITA = 0.025;

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

/** sf at ages 0 … count − 1 under the model's survival convention. */
function survivalByAge(lifetime: Lifetime, count: number): Float64Array {
  const curve = new Float64Array(count);
  fillSurvivalCurve(lifetime, convention, 0, count, curve, 0);
  return curve;
}

const round = (value: number) => Number(value.toPrecision(7));
function writeCsv(name: string, header: string[], rows: (string | number)[][]): void {
  writeFileSync(`${dataFolder}${name}`, [header, ...rows].map((row) => row.join(',')).join('\n') + '\n');
}
const seriesRows = (series: Record<number, number>) => Object.entries(series).map(([year, value]) => [year, round(value)]);

// --- population ------------------------------------------------------------------------------
const observed = Object.fromEntries(Object.entries(POPULATION).filter(([year]) => Number(year) >= model.time.start));
writeCsv('population.csv', ['year', 'value'], seriesRows({ ...observed, ...POPULATION_PROJECTION }));
const planning = Object.fromEntries(PLANNING_POPULATION_YEARS.map((year) => [year, POPULATION[year]]));
writeCsv('planning_population.csv', ['year', 'value'], seriesRows({ ...planning, ...POPULATION_PROJECTION }));

// --- waste generated per person, C&D excluded (the building stock generates C&D) ----------------
const knownShares = Object.entries(NEA_CONSTRUCTION_DEMOLITION).map(([year, kt]) => kt / NEA_GENERATED[Number(year)]);
const meanShare = knownShares.reduce((a, b) => a + b, 0) / knownShares.length;
const perCapita: [number, number][] = Object.entries(NEA_GENERATED).map(([key, kt]) => {
  const year = Number(key);
  const constructionDemolition = NEA_CONSTRUCTION_DEMOLITION[year] ?? meanShare * kt;
  return [year, ((kt - constructionDemolition) * 1e6) / POPULATION[year]];
});
writeCsv('waste_per_capita.csv', ['year', 'value'], seriesRows(Object.fromEntries(perCapita)));

// Trend: least-squares line through ln(per capita) 2013–2023 without 2020 (COVID-19), continued
// from the 2023 value for 12 years (the length of the data window), constant after.
const fitted = perCapita.filter(([year]) => year !== 2020);
const meanYear = fitted.reduce((a, [year]) => a + year, 0) / fitted.length;
const meanLog = fitted.reduce((a, [, value]) => a + Math.log(value), 0) / fitted.length;
const slope =
  fitted.reduce((a, [year, value]) => a + (year - meanYear) * (Math.log(value) - meanLog), 0) /
  fitted.reduce((a, [year]) => a + (year - meanYear) ** 2, 0);
const [lastYear, lastValue] = perCapita[perCapita.length - 1];
const continued = Array.from({ length: 12 }, (_, i): [number, number] => [lastYear + i + 1, lastValue * Math.exp(slope * (i + 1))]);
writeCsv('waste_per_capita_trend.csv', ['year', 'value'], seriesRows(Object.fromEntries([...perCapita, ...continued])));

// --- recycling rates relative to 2023 ---------------------------------------------------------
// index(2013) = r(2013) / r(2023); 1 from 2023 on; the trend continues the line to TREND_END.
const indexIn2013 = (stream: string) => (stream in RECYCLING_RATE_2013 ? RECYCLING_RATE_2013[stream] / (NEA_2023[stream][1] / NEA_2023[stream][0]) : 1);
const continuedIndex = (stream: string) => (TRENDING_STREAMS.includes(stream) ? 1 + ((1 - indexIn2013(stream)) * (TREND_END - 2023)) / (2023 - 2013) : 1);
const indexRows = [
  [2013, ...streams.map((stream) => round(indexIn2013(stream)))],
  [2023, ...streams.map(() => 1)],
];
writeCsv('recycling_rate_index.csv', ['year', ...streams], indexRows);
writeCsv('recycling_rate_index_trend.csv', ['year', ...streams], [...indexRows, [TREND_END, ...streams.map((stream) => round(continuedIndex(stream)))]]);

// --- building stock by cohort at the end of the year before the start ------------------------
// Stock-driven from 1960: i(t) = (s(t) − Σ_{c<t} i(c)·sf(t − c)) / sf(0), s(t) = population · floor area · intensity.
const lastHistoric = model.time.start - 1;
const intensity: Record<string, number> = parameter('building_intensity');
const totalIntensity = streams.reduce((sum, stream) => sum + intensity[stream], 0);
const buildingLifetime: Lifetime = { distribution: 'normal', mean: parameter('building_lifetime_mean'), sd: parameter('building_lifetime_sd') };
const buildingSurvival = survivalByAge(buildingLifetime, lastHistoric - PRE_1960_COHORT + 1);
const targetIn = (year: number) => POPULATION[year] * interpolate(FLOOR_AREA_PER_CAPITA, year) * totalIntensity;
// The stock at the end of 1959, with the population carried back one year at its 1960–1961 growth.
const stock1959 = (POPULATION[1960] ** 2 / POPULATION[1961]) * interpolate(FLOOR_AREA_PER_CAPITA, 1959) * totalIntensity;
const inflows = new Map([[PRE_1960_COHORT, stock1959 / buildingSurvival[1959 - PRE_1960_COHORT]]]);
for (let year = 1960; year <= lastHistoric; year++) {
  let older = 0;
  for (const [cohort, inflow] of inflows) older += inflow * buildingSurvival[year - cohort];
  inflows.set(year, Math.max(0, targetIn(year) - older) / buildingSurvival[0]);
}
writeCsv(
  'buildings_initial.csv',
  ['year', ...streams],
  [...inflows].map(([cohort, inflow]) => [cohort, ...streams.map((stream) => round((inflow * buildingSurvival[lastHistoric - cohort] * intensity[stream]) / totalIntensity))]),
);

// --- electrical and electronic equipment ------------------------------------------------------
const shape: Record<string, number> = parameter('eee_weibull_shape');
const scale: Record<string, number> = parameter('eee_weibull_scale');
const unitMass: Record<string, number> = parameter('eee_unit_mass');
const meanLifetime = (product: string) => scale[product] * Math.exp(logGamma(1 + 1 / shape[product]));
// Sales per person = items owned per person / mean lifetime (ownership in steady state).
const salesPerCapita = (product: string, owned: number) => owned / meanLifetime(product);
writeCsv(
  'eee_sales_per_capita.csv',
  ['year', ...products],
  [0, 1].map((which) => [[2013, 2023][which], ...products.map((product) => round(salesPerCapita(product, OWNED_PER_CAPITA[product][which])))]),
);
const eeeRows: (string | number)[][] = [];
for (let cohort = FIRST_EEE_COHORT; cohort <= lastHistoric; cohort++) {
  eeeRows.push([
    cohort,
    ...products.map((product) => {
      const history = EEE_SALES_HISTORY[product];
      const relative = cohort < history[0][0] ? 0 : interpolate(history, cohort);
      const perPerson = product === 'crt-tv' ? CRT_SALES_PER_CAPITA * relative : salesPerCapita(product, OWNED_PER_CAPITA[product][0]) * relative;
      const survival = survivalByAge({ distribution: 'weibull', shape: shape[product], scale: scale[product] }, lastHistoric - cohort + 1);
      return round((POPULATION[cohort] * perPerson * unitMass[product] * survival[lastHistoric - cohort]) / 1000);
    }),
  ]);
}
writeCsv('eee_initial.csv', ['year', ...products], eeeRows);

console.log(`C&D share of generation where unknown: ${meanShare.toFixed(4)}`);
console.log(`trend of ln(generation per person): ${slope.toFixed(5)} per year`);
console.log(`building stock at the end of ${lastHistoric}: ${([...inflows].reduce((a, [c, i]) => a + i * buildingSurvival[lastHistoric - c], 0) / 1e6).toFixed(1)} Mt`);
console.log(`EEE mean lifetimes (years): ${products.map((p) => `${p} ${meanLifetime(p).toFixed(2)}`).join(', ')}`);
