import { describe, expect, it } from 'vitest';
import { compileProblem } from '../../../engine/reconcile/compileProblem.js';
import { createFactorCache, factorise } from '../../../engine/reconcile/factorCache.js';
import { ReconcileProblemError, reconcile, reconcileSeries, type ReconcileProblem, type ReconcileResult } from '../../../engine/reconcile/index.js';
import { createLinearisation, linearise } from '../../../engine/reconcile/linearise.js';
import { balance, measured, unknown, variable } from './problems.js';

/**
 * A landfill and a sorting plant over the years: collected = sorted + landfilled; sorted = recycled
 * + residue; residue + landfilled = deposited + landfill stock change. The stock change is a
 * known constant in some years and a measured variable in others.
 */
function year(t: number, options: { sdScale?: number; stockMeasured?: boolean; sortedUnknown?: boolean } = {}): ReconcileProblem {
  const scale = options.sdScale ?? 1;
  const growth = 1 + 0.05 * t;
  const stockChange = 30 * growth;
  const wobble = (k: number) => 1 + 0.03 * Math.sin(7 * t + k);
  const variables = [
    measured('collected', 200 * growth * wobble(1), 8 * scale),
    options.sortedUnknown ? unknown('sorted') : measured('sorted', 120 * growth * wobble(2), 6 * scale),
    measured('landfilled', 80 * growth * wobble(3), 5 * scale),
    measured('recycled', 90 * growth * wobble(4), 4 * scale),
    unknown('residue'),
    measured('deposited', 80 * growth * wobble(5), 6 * scale),
  ];
  const landfill = options.stockMeasured
    ? balance('landfill', ['residue', 'landfilled'], ['deposited', 'stock_change'])
    : balance('landfill', ['residue', 'landfilled'], ['deposited'], -stockChange);
  if (options.stockMeasured) variables.push(measured('stock_change', stockChange * wobble(6), 10 * scale));
  return { variables, constraints: [balance('collection', ['collected'], ['sorted', 'landfilled']), balance('sorting', ['sorted'], ['recycled', 'residue']), landfill] };
}

/** Equal results, numbers to 1e-12 of their size (NaN where NaN). */
function expectSameResult(actual: ReconcileResult, expected: ReconcileResult, label: string): void {
  const close = (a: number, b: number, what: string) => {
    if (Number.isNaN(b)) expect(a, `${label} ${what}`).toBeNaN();
    else expect(Math.abs(a - b), `${label} ${what}`).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(b)));
  };
  const unnumbered = (r: ReconcileResult) => ({
    ...r,
    variables: [],
    covariance: [],
    globalTest: {},
    measurementTest: { ...r.measurementTest, suspects: r.measurementTest.suspects.map((s) => s.variables) },
  });
  expect(unnumbered(actual), label).toEqual(unnumbered(expected));
  expected.measurementTest.suspects.forEach((s, i) => close(actual.measurementTest.suspects[i].statistic, s.statistic, 'suspect'));
  expected.variables.forEach((v, i) => {
    const w = actual.variables[i];
    expect([w.name, w.role, w.classification], label).toEqual([v.name, v.role, v.classification]);
    for (const field of ['value', 'sd', 'adjustment', 'normalizedAdjustment'] as const) close(w[field], v[field], `${v.name}.${field}`);
  });
  expected.covariance.forEach((c, i) => close(actual.covariance[i], c, `covariance[${i}]`));
  close(actual.globalTest.chiSquare, expected.globalTest.chiSquare, 'chi-square');
  close(actual.globalTest.pValue, expected.globalTest.pValue, 'p');
}

describe('reconcileSeries', () => {
  it('reconcileSeries(years) gives what reconcile gives each year, to rounding, whatever the years share', () => {
    const years = [
      year(0),
      year(1), // same slopes and sds: the factors reused
      year(2, { sdScale: 1.5 }), // other sds: the elimination reused
      year(3, { sdScale: 1e3 }), // sds 1000 times larger: another row scaling, factorised again
      year(4, { stockMeasured: true }), // the stock change a variable: a new structure
      year(5, { stockMeasured: true }),
      year(6, { sortedUnknown: true }),
      year(7),
    ];
    const series = reconcileSeries(years);
    years.forEach((problem, t) => expectSameResult(series[t], reconcile(problem), `year ${t}`));
  });

  it('reconcileSeries(years) takes the stock change as a balance term', () => {
    const [result] = reconcileSeries([year(0)]);
    const value = (name: string) => variable(result, name).value;
    expect(value('residue') + value('landfilled') - value('deposited')).toBeCloseTo(30, 10);
    const [measuredStock] = reconcileSeries([year(0, { stockMeasured: true })]);
    expect(variable(measuredStock, 'stock_change').classification).toBe('redundant');
  });

  it('reconcileSeries(a bad year) throws with the year in the path', () => {
    const bad = { ...year(1), variables: [...year(1).variables.slice(0, 5), measured('deposited', 80, -1)] };
    expect(() => reconcileSeries([year(0), bad])).toThrow(expect.objectContaining({ path: 'problems[1].variables[5].measurement.sd' }));
    expect(() => reconcileSeries([year(0), bad])).toThrow(ReconcileProblemError);
  });
});

describe('factorise', () => {
  it('factorise(years with the same slopes) eliminates the unknowns once, and reconciles again only when the sds change', () => {
    const cache = createFactorCache();
    for (const problem of [year(0), year(1), year(2), year(3, { sdScale: 2 }), year(4, { sortedUnknown: true })]) {
      const compiled = compileProblem(problem);
      const linearisation = createLinearisation(compiled);
      linearise(compiled, compiled.start, linearisation);
      factorise(compiled, linearisation.jacobian, cache);
    }
    expect(cache.counts).toEqual({ eliminations: 2, reconciliations: 3, reuses: 2 });
  });
});
