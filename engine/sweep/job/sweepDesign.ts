import {
  fullFactorialDesign,
  latinHypercubeDesign,
  monteCarloDesign,
  morrisDesign,
  quantileFunction,
  saltelliDesign,
  type Design,
  type Quantile,
} from '../design/index.js';
import type { SweepSpec } from '../spec/sweepSpec.js';

/**
 * The design a sweep's sampler calls for, and how its rows become factor values: 'sobol' is the
 * Saltelli design behind Sobol' indices (N(2d + 2) runs with second order, N(d + 2) without);
 * 'morris' has n trajectories of d + 1 runs; 'monte-carlo' and 'latin-hypercube' have n runs;
 * 'grid' runs every combination of the levels. Unit coordinates go through each factor's quantile
 * function; a grid's rows are the values themselves.
 */
export interface SweepDesign {
  readonly design: Design;
  /** Writes the factor values of runs [from, to) into out, row-major. */
  fillValues(from: number, to: number, out: Float64Array): void;
}

export function sweepDesign(spec: SweepSpec): SweepDesign {
  const factors = spec.factors.length;
  const n = spec.n ?? 0;
  const { seed } = spec;
  const design = ((): Design => {
    switch (spec.sampler) {
      case 'sobol':
        return saltelliDesign({ factors, baseSize: n, secondOrder: spec.secondOrder, seed });
      case 'morris':
        return morrisDesign({ factors, trajectories: n, levels: spec.levels, placement: spec.placement, seed });
      case 'monte-carlo':
        return monteCarloDesign({ dimensions: factors, size: n, seed });
      case 'latin-hypercube':
        return latinHypercubeDesign({ dimensions: factors, size: n, seed });
      case 'grid':
        return fullFactorialDesign(spec.factors.map((factor) => factor.levels!));
    }
  })();
  if (design.space === 'values') return { design, fillValues: (from, to, out) => design.fill(from, to, out) };
  const quantiles: Quantile[] = spec.factors.map((factor) => quantileFunction(factor.distribution!));
  return {
    design,
    fillValues(from, to, out) {
      design.fill(from, to, out);
      for (let row = 0; row < to - from; row++) {
        for (let factor = 0; factor < factors; factor++) out[row * factors + factor] = quantiles[factor](out[row * factors + factor]);
      }
    },
  };
}
