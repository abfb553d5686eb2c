/**
 * Writes models/reference-city/data/*.csv: the synthetic population and demand series, and the
 * initial stocks by cohort. Lifetimes, intensities, shares and items are read from model.yaml so
 * that they live in one place; the survival curves come from the engine.
 *
 *   npx tsx models/reference-city/derive-data.ts
 *
 * Initial stocks assume the city grew steadily before the start: the inflow of cohort c is
 * i(c) = i₀ · (1 + g)^(c − c₀), c₀ the year before the start, so the stock by cohort at the end
 * of c₀ is i(c) · sf(c₀ − c). Building stocks are scaled to their target one year before the
 * start; product stocks take i₀ as the first model year's inflow divided by (1 + g).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { fillSurvivalCurve, lifetimeFromParameters } from '../../engine/lifetime/index.js';
import type { LifetimeDistribution, SurvivalConvention } from '../../engine/definition/types.js';

const model = parse(readFileSync(new URL('./model.yaml', import.meta.url), 'utf8'));
const dataFolder = fileURLToPath(new URL('./data/', import.meta.url));
const convention: SurvivalConvention = model.survival ?? 'integer-age';
const materials: string[] = model.dimensions.material;
const start: number = model.time.start;
const lastHistoric = start - 1;
const parameters = model.parameters;

// Synthetic drivers: a city of 3 million growing to 3.5 million by 2055, then shrinking slowly;
// the high-growth variant keeps growing to 4.2 million.
const POPULATION = { 2020: 3.0e6, 2035: 3.3e6, 2055: 3.5e6, 2079: 3.3e6 };
const POPULATION_HIGH = { 2020: 3.0e6, 2035: 3.45e6, 2055: 3.9e6, 2079: 4.2e6 };
// Material for locally used goods, kg per person per year.
const GOODS_DEMAND: Record<number, Record<string, number>> = {
  2020: { concrete: 0, steel: 80, timber: 50, plastics: 60, paper: 120 },
  2050: { concrete: 0, steel: 90, timber: 55, plastics: 70, paper: 100 },
};
// Growth of inflows before the start (per year) and the first cohort kept.
const PAST_GROWTH = 0.015;
const FIRST_COHORT = { buildings: 1900, products: 1950 };

function writeCsv(name: string, header: string[], rows: (string | number)[][]): void {
  writeFileSync(`${dataFolder}${name}`, [header, ...rows].map((row) => row.join(',')).join('\n') + '\n');
}
const round = (value: number) => Number(value.toPrecision(6));

writeCsv('population.csv', ['year', 'value'], Object.entries(POPULATION));
writeCsv('population_high.csv', ['year', 'value'], Object.entries(POPULATION_HIGH));
writeCsv('goods_demand_per_capita.csv', ['year', ...materials], Object.entries(GOODS_DEMAND).map(([year, demand]) => [year, ...materials.map((m) => demand[m])]));

/** A lifetime parameter as this model writes it: a number, a parameter name, or a product of them. */
function numberOf(expression: string | number): number {
  if (typeof expression === 'number') return expression;
  const named = (name: string) => {
    const parameter = parameters[name];
    return typeof parameter === 'number' ? parameter : parameter.value;
  };
  return expression.split('*').reduce((product, factor) => product * (Number.isNaN(Number(factor)) ? named(factor.trim()) : Number(factor)), 1);
}

/** sf at ages 0 … count − 1 of a stock's lifetime as model.yaml writes it. */
function survivalOf(stock: string, count: number): Float64Array {
  const lifetime = model.stocks[stock].lifetime;
  const distribution = Object.keys(lifetime)[0] as LifetimeDistribution;
  const values = Object.fromEntries(Object.entries(lifetime[distribution]).map(([name, source]) => [name, numberOf(source as string | number)]));
  const curve = new Float64Array(count);
  fillSurvivalCurve(lifetimeFromParameters(distribution, values), convention, 0, count, curve, 0);
  return curve;
}

/** Stock by cohort at the end of the year before the start for a newest inflow of `newest` (per material). */
function writeInitial(stock: string, file: string, firstCohort: number, newest: (material: string) => number, scaleTo?: (material: string) => number) {
  const survival = survivalOf(stock, lastHistoric - firstCohort + 1);
  const weight = (cohort: number) => (1 + PAST_GROWTH) ** (cohort - lastHistoric) * survival[lastHistoric - cohort];
  // Cohorts with less than a millionth of the newest cohort's share left are dropped.
  const cohorts = Array.from({ length: lastHistoric - firstCohort + 1 }, (_, i) => firstCohort + i).filter((cohort) => weight(cohort) >= 1e-6 * weight(lastHistoric));
  const total = cohorts.reduce((sum, cohort) => sum + weight(cohort), 0);
  const scale = (material: string) => (scaleTo ? scaleTo(material) / total : newest(material));
  writeCsv(file, ['year', ...materials], cohorts.map((cohort) => [cohort, ...materials.map((m) => round(scale(m) * weight(cohort)))]));
}

const population2020 = POPULATION[2020];
// Manufacturing output in the first year: the demand per person (primary and secondary together).
const firstOutput = (material: string) => (population2020 * GOODS_DEMAND[2020][material]) / 1000 / (1 + PAST_GROWTH);
const perYear = (share: string) => (material: string) => firstOutput(material) * parameters[share].value[material];
const productShares = ['vehicle_share', 'durables_share', 'furniture_share'];
const restOfOutput = (material: string) => firstOutput(material) * (1 - productShares.reduce((sum, share) => sum + parameters[share].value[material], 0));
for (const [stock, floorArea, intensity] of [
  ['residential', 'residential_floor_area', 'residential_intensity'],
  ['commercial', 'commercial_floor_area', 'commercial_intensity'],
] as const) {
  const area = model.drivers[floorArea].values[start];
  const target = (material: string) => (population2020 * area * parameters[intensity].value[material]) / (1 + PAST_GROWTH);
  writeInitial(stock, `${stock}_initial.csv`, FIRST_COHORT.buildings, target, target);
}
writeInitial('vehicles', 'vehicles_initial.csv', FIRST_COHORT.products, perYear('vehicle_share'));
writeInitial('appliances', 'durables_initial.csv', FIRST_COHORT.products, perYear('durables_share'));
writeInitial('furniture_in_use', 'furniture_initial.csv', FIRST_COHORT.products, perYear('furniture_share'));
writeInitial('goods_in_use', 'goods_initial.csv', FIRST_COHORT.products, restOfOutput);
