import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { LifetimeDistribution } from '../../../engine/definition/types.js';
import { lifetimeFromParameters } from '../../../engine/lifetime/lifetime.js';
import { createSurvival, setCohortSurvival, setSurvival, type Survival } from '../../../engine/lifetime/survival.js';
import { BLOCKED_HORIZON } from '../../../engine/stock/cohortStock.js';
import { inflowDrivenStock } from '../../../engine/stock/inflowDrivenStock.js';
import { stockDrivenStock } from '../../../engine/stock/stockDrivenStock.js';

/** Cases computed by ODYM's DynamicStockModel; see test/fixtures/odym/README.md. */
interface OdymCase {
  readonly name: string;
  readonly kind: 'inflow-driven' | 'stock-driven';
  readonly lifetime: { readonly distribution: LifetimeDistribution } & Readonly<Record<string, number | number[]>>;
  readonly horizon: number;
  readonly inflow?: number[];
  readonly target?: number[];
  readonly negativeInflowCorrection?: boolean;
  readonly initialStock?: number[];
  readonly initialCohortOffsets?: number[];
  readonly expected: Readonly<Record<string, number[]>>;
}

function fixtureCases(file: string): OdymCase[] {
  return (JSON.parse(readFileSync(new URL(`../../fixtures/odym/${file}`, import.meta.url), 'utf8')) as { cases: OdymCase[] }).cases;
}

const fixtures = { cases: fixtureCases('cases.json') };
/** Horizons of 200 years and more, where the kernels sum six years at a time (BLOCKED_HORIZON). */
const longFixtures = { cases: fixtureCases('cases-long.json') };

/** The survival ODYM uses: integer-age, parameters per cohort when the fixture lists them. */
function survivalOf(fixture: OdymCase): Survival {
  const { distribution, ...parameters } = fixture.lifetime;
  const varying = Object.values(parameters).some(Array.isArray);
  const survival = createSurvival(fixture.horizon, fixture.initialCohortOffsets ?? [], varying);
  const cohortParameters = (cohort: number) =>
    Object.fromEntries(Object.entries(parameters).map(([name, value]) => [name, Array.isArray(value) ? value[cohort] : value]));
  if (!varying) setSurvival(survival, lifetimeFromParameters(distribution, cohortParameters(0)), 'integer-age');
  for (let k = 0; varying && k < survival.births.length; k++) {
    setCohortSurvival(survival, k, lifetimeFromParameters(distribution, cohortParameters(k)), 'integer-age');
  }
  return survival;
}

/** 1e-9 relative, with an absolute floor of 1e-12 of the series' largest value for entries that are about 0. */
function expectClose(actual: Float64Array, expected: number[], what: string): void {
  const scale = Math.max(...expected.map(Math.abs));
  for (let t = 0; t < expected.length; t++) {
    const tolerance = 1e-9 * Math.abs(expected[t]) + 1e-12 * scale;
    if (!(Math.abs(actual[t] - expected[t]) <= tolerance)) {
      expect.fail(`${what}[${t}] = ${actual[t]}, ODYM ${expected[t]} (difference ${actual[t] - expected[t]})`);
    }
  }
}

describe('dynamic stock model against ODYM (integer-age convention)', () => {
  for (const fixture of [...fixtures.cases, ...longFixtures.cases]) {
    it(`${fixture.kind === 'inflow-driven' ? 'inflowDrivenStock' : 'stockDrivenStock'}(${fixture.name}) matches ODYM to 1e-9`, () => {
      const survival = survivalOf(fixture);
      if (fixture.kind === 'inflow-driven') {
        const result = inflowDrivenStock(fixture.inflow!, survival);
        expectClose(result.stock, fixture.expected.stock, 'stock');
        expectClose(result.outflow, fixture.expected.outflow, 'outflow');
        return;
      }
      const result = stockDrivenStock(fixture.target!, survival, {
        negativeInflowCorrection: fixture.negativeInflowCorrection,
        initialStock: fixture.initialStock,
      });
      expectClose(result.inflow, fixture.expected.inflow, 'inflow');
      expectClose(result.outflow, fixture.expected.outflow, 'outflow');
      expectClose(result.stock, fixture.expected.stock, 'stock');
      const odymNegative = fixture.expected.inflow.flatMap((inflow, year) => (inflow < 0 ? [year] : []));
      expect(result.negativeInflowYears).toEqual(odymNegative);
      if (fixture.negativeInflowCorrection) expect(result.correctedYears.length).toBeGreaterThan(0);
    });
  }

  it('the fixtures cover every kind ODYM must be matched on', () => {
    const cases = fixtures.cases;
    expect(cases.some((c) => c.kind === 'inflow-driven')).toBe(true);
    expect(cases.some((c) => c.kind === 'stock-driven' && !c.negativeInflowCorrection && c.expected.inflow.some((i) => i < 0))).toBe(true);
    expect(cases.some((c) => c.kind === 'stock-driven' && c.negativeInflowCorrection)).toBe(true);
    expect(cases.some((c) => c.initialStock !== undefined)).toBe(true);
  });

  it('the long fixtures reach the six-year sums of every layout and stock kind', () => {
    const cases = longFixtures.cases;
    expect(cases.every((c) => c.horizon >= BLOCKED_HORIZON)).toBe(true);
    expect(cases.some((c) => c.horizon >= 1000)).toBe(true);
    expect(cases.some((c) => c.kind === 'inflow-driven' && Object.values(c.lifetime).some(Array.isArray))).toBe(true);
    expect(cases.some((c) => c.kind === 'stock-driven' && c.negativeInflowCorrection && c.expected.inflow.includes(0))).toBe(true);
    expect(cases.some((c) => c.kind === 'stock-driven' && c.initialStock !== undefined && c.negativeInflowCorrection)).toBe(true);
  });
});
