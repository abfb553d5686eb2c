import { describe, expect, it } from 'vitest';
import { fitParameters } from '../../../engine/calibrate/fitParameters.js';
import { fittedFactors } from '../../../engine/calibrate/fittedFactors.js';
import type { CompiledModel } from '../../../engine/compile/compiledModel.js';
import { ModelError, OptionsError } from '../../../engine/errors.js';
import { compileObservations } from '../../../engine/observations/compileObservations.js';
import { modelValues } from '../../../engine/observations/modelValues.js';
import type { CompiledObservation } from '../../../engine/observations/observationTypes.js';
import { uniformAt } from '../../../engine/random/index.js';
import { run } from '../../../engine/simulate/run.js';
import { inverseNormalCdf } from '../../../engine/sweep/design/inverseNormal.js';
import { compileYaml } from '../../support/modelFromYaml.js';
import { observedReferenceCity, REFERENCE_CITY_FIT } from '../../../benchmarks/observedCity.js';
import { TRUTH as CITY_TRUTH } from '../../fixtures/observations/reference-city/derive.js';

/** Products sold by population and per-capita demand, kept for a normal lifetime, discarded, partly recycled. */
const MODEL = `metabolis: 1
name: synthetic
time: { start: 2000, end: 2030 }
unit: t
dimensions:
  material: [paper, plastic]
drivers:
  population: { unit: person, values: { 2000: 10000, 2030: 16000 } }
parameters:
  per_capita: { unit: kg/person/yr, dims: [material], value: { paper: 300, plastic: 100 } }
  lifetime_mean: { unit: yr, value: 12 }
  recycling_rate: { dims: [material], value: { paper: 0.4, plastic: 0.2 } }
  import_offset: { unit: t/yr, dims: [material], value: 0 }
scenarios:
  fixed_lifetime: { lifetime_mean: 10 }
  broken: { recycling_rate: 1.2 }
processes: [use, collection]
flows:
  - { id: sales, from: outside, to: use, value: "population * per_capita" }
  - { id: extra, from: outside, to: collection, value: import_offset }
  - { id: discards, from: use, to: collection, share: 1 }
  - { id: recycled, from: collection, to: outside, share: recycling_rate }
  - { id: landfilled, from: collection, to: outside, share: rest }
stocks:
  in_use: { process: use, kind: inflow-driven, lifetime: { normal: { mean: lifetime_mean, sd: 3 } } }
`;

const TRUTH = { 'per_capita[paper]': 320, lifetime_mean: 11, 'recycling_rate[paper]': 0.45 };
const FITTED = Object.keys(TRUTH);
const CV = 0.03;
/** What is observed, and when. */
const OBSERVED = `observations:
  sales_total: { flow: sales, values: ${years(2005, 2020)}, sd: 1 }
  paper_discarded: { flow: discards, item: paper, values: ${years(2008, 2028)}, sd: 1 }
  paper_recycled: { flow: recycled, item: paper, values: ${years(2012, 2028, 2)}, sd: 1 }
`;

function years(first: number, last: number, step = 1): string {
  const entries: string[] = [];
  for (let year = first; year <= last; year += step) entries.push(`${year}: 1`);
  return `{ ${entries.join(', ')} }`;
}

function standardNormal(seed: number, sample: number, draw: number): number {
  return inverseNormalCdf(uniformAt(seed, sample, 7, draw));
}

/** The model's values at the observed points with the true parameters, and noise of sd = CV × value from a seeded Philox stream. */
function syntheticData(model: CompiledModel, observations: readonly CompiledObservation[], seed: number, sample: number): CompiledObservation[] {
  const truth = run(model, { parameters: { per_capita: [320, 100], lifetime_mean: 11, recycling_rate: [0.45, 0.2] } });
  expect(truth.status).toBe('success');
  let draw = 0;
  return observations.map((observation) => {
    const exact = modelValues(truth, observation);
    const sd = exact.map((value) => CV * value);
    const value = exact.map((value, i) => value + sd[i] * standardNormal(seed, sample, draw++));
    return { ...observation, points: { ...observation.points, value, sd } };
  });
}

/** The observations as a model file writes them: { year: { value, sd } }. */
function observationsYaml(model: CompiledModel, observations: readonly CompiledObservation[]): string {
  const item = (name: string) => (name === 'sales_total' ? '' : ', item: paper');
  const flow = { sales_total: 'sales', paper_discarded: 'discards', paper_recycled: 'recycled' } as Record<string, string>;
  return `observations:\n${observations
    .map((observation) => {
      const entries = [...observation.points.t].map((t, i) => `${model.definition.time.start + t}: { value: ${observation.points.value[i]}, sd: ${observation.points.sd[i]} }`);
      return `  ${observation.name}: { flow: ${flow[observation.name]}${item(observation.name)}, values: { ${entries.join(', ')} } }`;
    })
    .join('\n')}\n`;
}

const template = compileYaml(MODEL + OBSERVED);
const templateObservations = compileObservations(template);

describe('fitParameters(model, observations)', () => {
  it('fitParameters(model, its own outputs with noise, written as observations) recovers the parameters within three standard errors', () => {
    const text = MODEL + observationsYaml(template, syntheticData(template, templateObservations, 1, 0));
    const model = compileYaml(text);
    const fit = fitParameters(model, compileObservations(model), { parameters: FITTED });
    expect(fit.status).toBe('converged');
    fit.estimates.forEach((estimate) => {
      const truth = TRUTH[estimate.label as keyof typeof TRUTH];
      expect(Math.abs(estimate.estimate - truth), estimate.label).toBeLessThan(3 * estimate.standardError);
      expect(estimate.standardError).toBeGreaterThan(0);
    });
    expect(fit.chiSquare).toBeLessThan(fit.initialChiSquare);
    expect(fit.degreesOfFreedom).toBe(16 + 21 + 9 - 3);
    const k = fit.estimates.length;
    for (let i = 0; i < k; i++) {
      expect(fit.correlation[i * k + i]).toBeCloseTo(1, 12);
      for (let j = 0; j < k; j++) expect(fit.correlation[i * k + j]).toBeCloseTo(fit.correlation[j * k + i], 12);
    }
    expect(fit.fit.map((series) => series.observation)).toEqual(['sales_total', 'paper_discarded', 'paper_recycled']);
    expect(fit.fit.every((series) => series.mape < 10)).toBe(true);
  });

  it('fitParameters(model, many noisy data sets) reports standard errors that match the spread of the estimates (simulation)', () => {
    const replicates = 40;
    const estimates = FITTED.map(() => [] as number[]);
    const reported = FITTED.map(() => [] as number[]);
    for (let r = 0; r < replicates; r++) {
      const fit = fitParameters(template, syntheticData(template, templateObservations, 2, r), { parameters: FITTED });
      expect(fit.status).toBe('converged');
      fit.estimates.forEach((estimate, j) => {
        estimates[j].push(estimate.estimate);
        // The unscaled (sds taken as known) error: what the spread should match when the sds are right.
        reported[j].push(estimate.standardError / fit.errorScale);
      });
    }
    FITTED.forEach((label, j) => {
      const mean = estimates[j].reduce((sum, value) => sum + value, 0) / replicates;
      const spread = Math.sqrt(estimates[j].reduce((sum, value) => sum + (value - mean) ** 2, 0) / (replicates - 1));
      const standardError = reported[j].reduce((sum, value) => sum + value, 0) / replicates;
      // 40 replicates estimate an sd to about ±11 % (one sd): loose bounds, a fixed seed.
      expect(spread / standardError, label).toBeGreaterThan(0.7);
      expect(spread / standardError, label).toBeLessThan(1.4);
      expect(Math.abs(mean - TRUTH[label as keyof typeof TRUTH]), label).toBeLessThan((4 * standardError) / Math.sqrt(replicates));
    });
  });

  it('fitParameters(reference city, its synthetic observations) recovers the three parameters it was made with (the benchmark\'s fit)', () => {
    const model = observedReferenceCity();
    const fit = fitParameters(model, compileObservations(model), { parameters: REFERENCE_CITY_FIT });
    expect(fit.status).toBe('converged');
    const truth = [CITY_TRUTH.residential_lifetime, CITY_TRUTH.separate_collection_paper, CITY_TRUTH.residual_landfill_share];
    fit.estimates.forEach((estimate, j) => expect(Math.abs(estimate.estimate - truth[j]), estimate.label).toBeLessThan(3 * estimate.standardError));
  });

  it('fitParameters keeps a parameter that may not be negative at 0, and says that it ends on its bound', () => {
    const data = syntheticData(template, templateObservations, 3, 0).map((observation) => ({
      ...observation,
      // Far less discarded and recycled than the model can give without a negative import.
      points: { ...observation.points, value: observation.points.value.map((value) => (observation.name === 'sales_total' ? value : 0.5 * value)) },
    }));
    const fit = fitParameters(template, data, { parameters: ['import_offset[paper]'] });
    expect(fit.estimates[0]).toMatchObject({ estimate: 0, atBound: true, lower: 0 });
  });

  it('fitParameters says which parameter the observations do not determine', () => {
    const fit = fitParameters(template, syntheticData(template, templateObservations, 4, 0), { parameters: ['lifetime_mean', 'recycling_rate[plastic]'] });
    expect(fit.status).toBe('singular');
    expect(fit.message).toMatch(/do not determine recycling_rate\[plastic\]/);
    expect(fit.estimates[1].standardError).toBeNaN();
  });

  it('fitParameters of a model that does not run at its starting values says so (no-run) with the run\'s status', () => {
    const fit = fitParameters(template, templateObservations, { parameters: ['lifetime_mean'], scenario: 'broken' });
    expect(fit.status).toBe('no-run');
    expect(fit.message).toMatch(/^the model does not run to success at the starting values \(status invalid-shares/);
  });

  it('fitParameters rejects what it cannot fit: an unknown parameter, a missing or needless item, an expression, a scenario that sets it, an exact value', () => {
    const fit = (parameters: string[], scenario?: string) => () => fitParameters(template, templateObservations, { parameters, scenario });
    expect(fit(['lifetime_men'])).toThrow(OptionsError);
    expect(fit(['lifetime_men'])).toThrow(/unknown parameter: lifetime_men \(did you mean 'lifetime_mean'/);
    expect(fit(['per_capita'])).toThrow(/must choose one item of per_capita, which is over material: no item given \(e\.g\. per_capita\[paper\]/);
    expect(fit(['per_capita[glass]'])).toThrow(/no item glass/);
    expect(fit(['lifetime_mean[paper]'])).toThrow(/must not name an item: lifetime_mean is a single number/);
    expect(fit(['population'])).toThrow(/population is a driver, not a value parameter/);
    expect(fit(['lifetime_mean', 'lifetime_mean'])).toThrow(/must not repeat lifetime_mean/);
    expect(fit(['lifetime_mean'], 'fixed_lifetime')).toThrow(/scenario fixed_lifetime sets lifetime_mean/);
    const exact = templateObservations.map((observation) => ({ ...observation, points: { ...observation.points, sd: observation.points.sd.map(() => 0) } }));
    expect(() => fitParameters(template, exact, { parameters: ['lifetime_mean'] })).toThrow(ModelError);
  });

  it('fittedFactors(estimates) writes each estimate as a sweep factor: a normal truncated at 0 unless signed, the item of a per-item parameter', () => {
    const fit = fitParameters(template, syntheticData(template, templateObservations, 5, 0), { parameters: ['lifetime_mean', 'recycling_rate[paper]'] });
    const factors = fittedFactors(fit.estimates);
    expect(Object.keys(factors)).toEqual(['lifetime_mean', 'recycling_rate_paper']);
    expect(factors.recycling_rate_paper).toMatchObject({ parameter: 'recycling_rate', item: 'paper', label: 'recycling_rate[paper] (fitted)' });
    expect(factors.lifetime_mean['truncated-normal']).toEqual({ mean: Number(fit.estimates[0].estimate.toPrecision(6)), sd: Number(fit.estimates[0].standardError.toPrecision(6)), min: 0 });
  });
});
