/**
 * Writes models/global-waste/data/calibration_*.csv: one factor per region and regression form so
 * that the model's 2016 waste under SSP2 equals What a Waste 2.0's regional totals.
 *
 *   npx tsx models/global-waste/derive-data.ts
 *
 * The population and GDP files (data/population_ssp*.csv, data/gdp_per_person_ssp*.csv) are the
 * SSP database's country figures summed to World Bank regions, as SOURCES.md describes; the
 * regression coefficients are read from model.yaml, so they live in one place.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const model = parse(readFileSync(new URL('./model.yaml', import.meta.url), 'utf8'));
const dataFolder = fileURLToPath(new URL('./data/', import.meta.url));
const regions: string[] = model.dimensions.region;
const parameter = (name: string): number => {
  const entry = model.parameters[name];
  return typeof entry === 'number' ? entry : entry.value;
};

const CALIBRATION_YEAR = 2016;
// What a Waste 2.0 (Kaza et al. 2018), municipal solid waste generated in 2016, Mt/yr, by region.
const WHAT_A_WASTE_2016: Record<string, number> = {
  'east-asia-pacific': 468,
  'europe-central-asia': 392,
  'latin-america-caribbean': 231,
  'middle-east-north-africa': 129,
  'north-america': 289,
  'south-asia': 334,
  'sub-saharan-africa': 174,
};

/** A wide CSV (year, one column per region) as rows of numbers. */
function readWide(name: string): { header: string[]; rows: number[][] } {
  const [header, ...lines] = readFileSync(`${dataFolder}${name}`, 'utf8').trim().split('\n');
  return { header: header.split(','), rows: lines.map((line) => line.split(',').map(Number)) };
}

/** The value of a region in a year, linear between the given years (as the model interpolates). */
function valueIn(name: string, region: string, year: number): number {
  const { header, rows } = readWide(name);
  const column = header.indexOf(region);
  const after = rows.findIndex((row) => row[0] >= year);
  const [y1, v1] = [rows[after][0], rows[after][column]];
  if (y1 === year) return v1;
  const [y0, v0] = [rows[after - 1][0], rows[after - 1][column]];
  return v0 + ((v1 - v0) * (year - y0)) / (y1 - y0);
}

// Waste per person, kg/person/yr, of GDP per person g in 2005 US$ (PPP) per person and year.
const FORMS: Record<string, (g: number) => number> = {
  loglog: (g) => Math.exp(parameter('loglog_elasticity') * Math.log(g) + parameter('loglog_intercept')),
  saturating: (g) => (parameter('saturating_maximum') * g) / (parameter('saturating_half') + g) + parameter('saturating_floor'),
};

const round = (value: number) => Number(value.toPrecision(7));
for (const [form, perPerson] of Object.entries(FORMS)) {
  const factors = regions.map((region) => {
    const population = valueIn('population_ssp2.csv', region, CALIBRATION_YEAR);
    const gdp = valueIn('gdp_per_person_ssp2.csv', region, CALIBRATION_YEAR);
    // Mt = 1e9 kg.
    return (WHAT_A_WASTE_2016[region] * 1e9) / (population * perPerson(gdp));
  });
  writeFileSync(`${dataFolder}calibration_${form}.csv`, `year,${regions.join(',')}\n${CALIBRATION_YEAR},${factors.map(round).join(',')}\n`);
  console.log(`${form}: ${regions.map((region, i) => `${region} ${factors[i].toFixed(3)}`).join(', ')}`);
}
