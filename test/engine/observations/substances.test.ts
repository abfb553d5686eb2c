import { describe, expect, it } from 'vitest';
import { fitParameters } from '../../../engine/calibrate/fitParameters.js';
import { compile } from '../../../engine/compile/compileModel.js';
import { compileObservations } from '../../../engine/observations/compileObservations.js';
import { modelValues } from '../../../engine/observations/modelValues.js';
import { observationFit } from '../../../engine/observations/observationFit.js';
import { reconcileModel, type ModelReconciliation } from '../../../engine/observations/reconcileModel.js';
import { reconcile, type ReconcileProblem, type ReconciledVariable } from '../../../engine/reconcile/index.js';
import { run } from '../../../engine/simulate/run.js';
import { load, modelError } from '../definition/loadHelpers.js';
import { compileYaml } from '../../support/modelFromYaml.js';
import { constraintGradient, minimiseUnderConstraints, type ConstraintFunction } from '../reconcile/constrainedOptimiser.js';
import { kktReconciliation } from '../reconcile/reference.js';

/** The head of a test model over 2020–2021 in t. */
const head = (name: string) => `metabolis: 1\nname: ${name}\ntime: { start: 2020, end: 2021 }\nunit: t\n`;

/** One process p mixing two inflows a and b into one outflow c. */
const MIXER = `${head('mixer')}processes: [p]
flows:
  - { id: a, from: outside, to: p, value: 100 }
  - { id: b, from: outside, to: p, value: 50 }
  - { id: c, from: p, to: outside, share: 1 }
observations:
`;

function reconciled(observations: string, model = MIXER): ModelReconciliation {
  const compiled = compileYaml(model + observations);
  return reconcileModel(compiled, compileObservations(compiled), { initial: run(compiled) });
}

function variable(reconciliation: ModelReconciliation, name: string): ReconciledVariable {
  const found = reconciliation.results[0].variables.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no variable ${name}`);
  return found;
}

const massesAndConcentrations = (c: number, cc: number) => `  a_mass: { flow: a, values: { 2020: 100 }, sd: 5 }
  b_mass: { flow: b, values: { 2020: 50 }, sd: 3 }
  c_mass: { flow: c, values: { 2020: ${c} }, sd: 6 }
  cd_a: { concentration: a, substance: cadmium, unit: mg/kg, values: { 2020: 20 }, sd: 2 }
  cd_b: { concentration: b, substance: cadmium, unit: mg/kg, values: { 2020: 60 }, sd: 6 }
  cd_c: { concentration: c, substance: cadmium, unit: mg/kg, values: { 2020: ${cc} }, sd: 3 }
`;

describe('compileObservations(model with substance observations)', () => {
  it('compileObservations(model) reads concentrations in mg/kg, g/t, %, ppm or none as mass fractions, and substance flows in the model unit', () => {
    const observations = compileObservations(
      compileYaml(`${MIXER}  mg: { concentration: a, substance: cadmium, unit: mg/kg, values: { 2020: 20 }, sd: 2 }
  gt: { concentration: a, substance: cadmium, unit: g/t, values: { 2020: 20 }, sd: 2 }
  percent: { concentration: b, substance: zinc, unit: '%', values: { 2020: 1.5 }, sd: 0.1 }
  ppm: { concentration: b, substance: zinc, unit: ppm, values: { 2020: 15000 }, sd: 1000 }
  fraction: { concentration: c, substance: zinc, values: { 2020: 0.01 }, sd: 0.001 }
  zinc_out: { flow: c, substance: zinc, unit: kg/yr, values: { 2020: 1500 }, sd: 100 }
`),
    );
    const value = (index: number) => observations[index].points.value[0];
    expect(value(0)).toBeCloseTo(20e-6, 18);
    expect(observations[0].points.sd[0]).toBeCloseTo(2e-6, 18);
    expect(value(1)).toBeCloseTo(20e-6, 18);
    expect(value(2)).toBeCloseTo(0.015, 15);
    expect(value(3)).toBeCloseTo(0.015, 15);
    expect(value(4)).toBe(0.01);
    expect(value(5)).toBeCloseTo(1.5, 12);
    expect(observations.map((observation) => [observation.kind, observation.unit, observation.substance])).toEqual([
      ...Array.from({ length: 5 }, (_, index) => ['concentration', '1', index < 2 ? 'cadmium' : 'zinc']),
      ['flow', 't/yr', 'zinc'],
    ]);
    expect(observations.map((observation) => observation.subject)).toEqual([
      'concentration of cadmium in flow a',
      'concentration of cadmium in flow a',
      'concentration of zinc in flow b',
      'concentration of zinc in flow b',
      'concentration of zinc in flow c',
      'zinc in flow c',
    ]);
  });

  it('loadModel/compileObservations reject a concentration of a flow that does not exist, a unit that is not a mass fraction, one over 100 %, no substance, and a share of a substance, each at its line with a hint', () => {
    const missing = modelError(() => load(`${MIXER}  cd: { concentration: d, substance: cadmium, values: { 2020: 0.1 }, sd: 0.01 }\n`));
    expect(missing.message).toMatch(/^unknown flow: d/);
    expect(missing.at).toMatchObject({ path: 'observations.cd.concentration', line: 11 });
    const compiled = (observation: string) => compileObservations(compile(load(MIXER + observation)));
    const volume = modelError(() => compiled('  cd: { concentration: a, substance: cadmium, unit: mg/L, values: { 2020: 20 }, sd: 2 }\n'));
    expect(volume.message).toBe('unit mismatch: observation cd is in mg/L, not a mass fraction');
    expect(volume.at).toMatchObject({ path: 'observations.cd.unit', line: 11 });
    expect(volume.hint).toMatch(/mg\/kg, g\/t, %, ppm or 1/);
    expect(modelError(() => compiled('  cd: { concentration: a, substance: cadmium, unit: m/km, values: { 2020: 20 }, sd: 2 }\n')).message).toBe('unit mismatch: observation cd is in m/km, not a mass fraction');
    const over = modelError(() => compiled("  cd: { concentration: a, substance: cadmium, unit: '%', values: { 2020: 120 }, sd: 2 }\n"));
    expect(over.message).toBe('invalid concentration: observation cd gives 120 % in 2020, over 1 (100 %)');
    const flowUnit = modelError(() => compiled('  cd: { flow: a, substance: cadmium, unit: mg/kg, values: { 2020: 20 }, sd: 2 }\n'));
    expect(flowUnit.message).toBe('unit mismatch: observation cd is in mg/kg, not a mass per time, such as t/yr or kg/d');
    const none = modelError(() => load(`${MIXER}  cd: { concentration: a, values: { 2020: 0.1 }, sd: 0.01 }\n`));
    expect(none.message).toBe('invalid observation: cd is a concentration of no substance');
    expect(none.hint).toMatch(/substance: cadmium/);
    expect(modelError(() => load(`${MIXER}  cd: { share: c, substance: cadmium, values: { 2020: 0.1 }, sd: 0.01 }\n`)).message).toBe('invalid observation: cd is a share of substance cadmium');
  });

  it('modelValues(solution, substance observation) is NaN and observationFit leaves it out: a run computes the goods only', () => {
    const model = compileYaml(`${MIXER}  a_mass: { flow: a, values: { 2020: 110 }, sd: 5 }
  cd_a: { concentration: a, substance: cadmium, values: { 2020: 0.00002 }, sd: 0.000002 }
`);
    const observations = compileObservations(model);
    const solution = run(model);
    expect([...modelValues(solution, observations[1])]).toEqual([NaN]);
    expect(observationFit(solution, observations).map((series) => series.observation)).toEqual(['a_mass']);
  });

  it('fitParameters(model, goods and substance observations) fits to the goods alone, as without the substance', () => {
    const model = compileYaml(`${MIXER.replace('value: 100 }', 'value: inflow }').replace('processes:', 'parameters:\n  inflow: { unit: t/yr, value: 100 }\nprocesses:')}  a_mass: { flow: a, values: { 2020: 110, 2021: 112 }, sd: 5 }
  cd_a: { concentration: a, substance: cadmium, values: { 2020: 0.00002 }, sd: 0.000002 }
`);
    const observations = compileObservations(model);
    const fit = fitParameters(model, observations, { parameters: ['inflow'] });
    expect(fit.status).toBe('converged');
    expect(fit.estimates[0].estimate).toBeCloseTo(111, 6);
    expect(fit.estimates[0].estimate).toBe(fitParameters(model, observations.slice(0, 1), { parameters: ['inflow'] }).estimates[0].estimate);
  });
});

describe('reconcileModel(model with substance observations)', () => {
  it('reconcileModel(one process, two inflows and one outflow, masses and cadmium concentrations measured) matches a general constrained optimiser, covariance included', () => {
    const result = reconciled(massesAndConcentrations(160, 30));
    expect(result.results[0].status).toBe('converged');
    expect(result.system.problems[0].substances.map((layer) => layer.substance)).toEqual(['cadmium']);
    // By hand, concentrations in mg/kg (so substance flows in g/yr): v = [a, b, c, ca, cb, cc, sa, sb, sc].
    const constraints: ConstraintFunction[] = [
      (v) => v[0] + v[1] - v[2],
      (v) => v[6] - v[3] * v[0],
      (v) => v[7] - v[4] * v[1],
      (v) => v[8] - v[5] * v[2],
      (v) => v[6] + v[7] - v[8],
    ];
    const measured = [100, 50, 160, 20, 60, 30];
    const sds = [5, 3, 6, 2, 6, 3];
    const measurements = measured.map((value, index) => ({ index, value, sd: sds[index] }));
    const optimum = minimiseUnderConstraints(9, measurements, constraints, [100, 50, 160, 20, 60, 30, 2000, 3000, 4800]);
    const names = ['a', 'b', 'c', ...['a', 'b', 'c'].map((flow) => `concentration of cadmium in ${flow}`), ...['a', 'b', 'c'].map((flow) => `cadmium in ${flow}`)];
    // The kernel's concentrations are mass fractions (mg/kg · 1e-6), its substance flows t/yr.
    const scale = names.map((_, i) => (i < 3 ? 1 : 1e-6));
    names.forEach((name, i) => expect(variable(result, name).value / (optimum[i] * scale[i]) - 1, name).toBeCloseTo(0, 7));
    const jacobian = constraints.map((h) => constraintGradient(h, optimum));
    const offsets = constraints.map((h, c) => h(optimum) - jacobian[c].reduce((sum, slope, i) => sum + slope * optimum[i], 0));
    const reference = kktReconciliation(jacobian, offsets, [...measured, 0, 0, 0], [...sds, Infinity, Infinity, Infinity]);
    const { covariance, variables } = result.results[0];
    const n = variables.length;
    const at = (name: string) => variables.findIndex((candidate) => candidate.name === name);
    names.forEach((x, i) =>
      names.forEach((y, j) => {
        const expected = reference.covariance[i][j] * scale[i] * scale[j];
        const size = Math.sqrt(reference.covariance[i][i] * reference.covariance[j][j]) * scale[i] * scale[j];
        expect(Math.abs(covariance[at(x) * n + at(y)] - expected) / size, `${x}, ${y}`).toBeLessThan(1e-6);
      }),
    );
    expect(result.results[0].globalTest.degreesOfFreedom).toBe(2);
    expect(variable(result, 'cadmium in c').classification).toBe('observable');
  });

  it('reconcileModel(consistent masses and concentrations) gives the substance flows the sds that finite-difference error propagation through the reconciliation gives', () => {
    const result = reconciled(massesAndConcentrations(150, 5000 / 150));
    const problem = result.system.problems[0].problem;
    const reconciledValue = (changed: ReconcileProblem, name: string) => reconcile(changed).variables.find((candidate) => candidate.name === name)!.value;
    for (const name of ['cadmium in a', 'cadmium in b', 'cadmium in c']) {
      // var(s̃) = Σ_i (∂s̃/∂x_i)² σ_i², the derivatives by central differences of 1e-4 σ_i.
      let variance = 0;
      problem.variables.forEach((entry, v) => {
        if (entry.measurement === undefined) return;
        const { value, sd } = entry.measurement;
        const shifted = (by: number): ReconcileProblem => ({ ...problem, variables: problem.variables.map((other, w) => (w === v ? { ...other, measurement: { value: value + by, sd } } : other)) });
        const h = 1e-4 * sd;
        variance += ((reconciledValue(shifted(h), name) - reconciledValue(shifted(-h), name)) / (2 * h)) ** 2 * sd * sd;
      });
      expect(variable(result, name).sd / Math.sqrt(variance) - 1, name).toBeCloseTo(0, 6);
    }
  });

  it('reconcileModel(concentrations of a and c measured) determines the concentration in b by hand; with only a measured, those of b and c are unobservable (NaN)', () => {
    const masses = massesAndConcentrations(160, 30).split('\n').slice(0, 3).join('\n');
    const both = reconciled(`${masses}
  cd_a: { concentration: a, substance: cadmium, unit: mg/kg, values: { 2020: 20 }, sd: 2 }
  cd_c: { concentration: c, substance: cadmium, unit: mg/kg, values: { 2020: 30 }, sd: 3 }
`);
    // The substance layer has no redundancy: ca and cc stay as measured; the masses reconcile as goods alone.
    const [a, b, c] = ['a', 'b', 'c'].map((name) => variable(both, name).value);
    expect(variable(both, 'concentration of cadmium in a')).toMatchObject({ classification: 'non-redundant', adjustment: 0 });
    expect(variable(both, 'concentration of cadmium in a').value).toBeCloseTo(20e-6, 18);
    expect(variable(both, 'cadmium in a').value).toBeCloseTo(20e-6 * a, 15);
    expect(variable(both, 'concentration of cadmium in b').value).toBeCloseTo((30e-6 * c - 20e-6 * a) / b, 15);
    expect(variable(both, 'concentration of cadmium in b').classification).toBe('observable');

    const one = reconciled(`${masses}
  cd_a: { concentration: a, substance: cadmium, unit: mg/kg, values: { 2020: 20 }, sd: 2 }
`);
    expect(one.results[0].status).toBe('converged');
    for (const name of ['concentration of cadmium in b', 'concentration of cadmium in c', 'cadmium in b', 'cadmium in c']) {
      expect(variable(one, name).classification, name).toBe('unobservable');
      expect(variable(one, name).value).toBeNaN();
      expect(variable(one, name).sd).toBeNaN();
    }
    expect(variable(one, 'cadmium in a').classification).toBe('observable');
  });

  it('reconcileModel(substance flows into a landfill measured, a concentration over items and one of an item) gives the substance in each item of the stock change, by hand', () => {
    const result = reconciled(`${head('landfill')}dimensions:
  material: [ash, slag]
drivers:
  waste: { unit: t/yr, dims: [material], values: { ash: { 2020: 30, 2021: 30 }, slag: { 2020: 70, 2021: 70 } } }
  leached: { unit: t/yr, dims: [material], values: { ash: { 2020: 0.5, 2021: 0.5 }, slag: { 2020: 1, 2021: 1 } } }
processes: [landfill]
flows:
  - { id: deposits, from: outside, to: landfill, value: waste }
  - { id: leachate, from: landfill, to: outside, value: leached }
stocks:
  landfilled: { process: landfill, kind: accumulate }
observations:
  deposits_mass: { flow: deposits, dims: [material], values: { ash: { 2020: 30 }, slag: { 2020: 70 } }, sd: 1 }
  leachate_mass: { flow: leachate, dims: [material], values: { ash: { 2020: 0.5 }, slag: { 2020: 1 } }, sd: 0.1 }
  lead_deposited: { flow: deposits, substance: lead, unit: kg/yr, dims: [material], values: { ash: { 2020: 12 }, slag: { 2020: 7 } }, sd: 0.5 }
  lead_in_leachate: { concentration: leachate, substance: lead, unit: mg/kg, values: { 2020: 40 }, sd: 4 }
  lead_in_slag_leachate: { concentration: leachate, item: slag, substance: lead, unit: mg/kg, values: { 2020: 50 }, sd: 5 }
`, '');
    expect(result.results[0].status).toBe('converged');
    const s = (name: string) => variable(result, name).value;
    // No redundancy anywhere: every value as measured. Lead leached: 50e-6 · 1 t/yr from slag, and
    // 40e-6 · 1.5 in all, so 1e-5 from ash; the rest of what is deposited stays.
    expect(s('lead in leachate[slag]')).toBeCloseTo(5e-5, 15);
    expect(s('lead in leachate[ash]')).toBeCloseTo(1e-5, 15);
    expect(s('concentration of lead in leachate[ash]')).toBeCloseTo(1e-5 / 0.5, 15);
    expect(s('Δ lead in landfilled[ash]')).toBeCloseTo(0.012 - 1e-5, 15);
    expect(s('Δ lead in landfilled[slag]')).toBeCloseTo(0.007 - 5e-5, 15);
    expect(variable(result, 'Δ lead in landfilled[ash]').sd).toBeGreaterThan(0);
    const info = result.system.problems[0].variables;
    expect(info.find((entry) => entry.id === 'lead_in_leachate')).toMatchObject({ kind: 'concentration', substance: 'lead', unit: '1', observation: 'lead_in_leachate' });
    expect(info.find((entry) => entry.kind === 'flow' && entry.substance === 'lead' && entry.id === 'deposits' && entry.item === 'ash')).toMatchObject({ observation: 'lead_deposited', unit: 't/yr' });
    expect(info.find((entry) => entry.kind === 'stock-change' && entry.substance === 'lead' && entry.item === 'slag')?.model).toBeNaN();
  });

  it('reconcileModel(substance levels of a stock in consecutive years and the substance flow into it) weighs the change against the flow, and lists the first level as unused', () => {
    const result = reconciled(`${head('landfill')}processes: [landfill]
flows:
  - { id: deposits, from: outside, to: landfill, value: 100 }
stocks:
  landfilled: { process: landfill, kind: accumulate }
observations:
  deposits_mass: { flow: deposits, values: { 2021: 100 }, sd: 2 }
  lead_level: { stock: landfilled, substance: lead, unit: kg, values: { 2020: 100, 2021: 112 }, sd: 2 }
  lead_in: { flow: deposits, substance: lead, unit: kg/yr, values: { 2021: 13 }, sd: 1 }
`, '');
    expect(result.system.problems.map((problem) => problem.year)).toEqual([2020, 2021]);
    expect(result.system.unused).toEqual([{ observation: 'lead_level', year: 2020, item: '' }]);
    const year = result.results[1];
    const change = year.variables.find((entry) => entry.name === 'Δ lead in landfilled')!;
    expect(change.measured).toBeCloseTo(0.012, 15);
    expect(change.measuredSd).toBeCloseTo(0.002 * Math.SQRT2, 15);
    // Deposited lead = its change in the stock: the weighted mean of 13 ± 1 and 12 ± √8 kg.
    const weights = [1, 1 / 8];
    expect(change.value).toBeCloseTo((0.013 * weights[0] + 0.012 * weights[1]) / (weights[0] + weights[1]), 14);
    expect(year.variables.find((entry) => entry.name === 'concentration of lead in deposits')!.value).toBeCloseTo(change.value / 100, 15);
  });
});
