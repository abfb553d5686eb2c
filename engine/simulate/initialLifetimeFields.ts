import type { CompiledInitialLifetime, CompiledModel, CompiledStock } from '../compile/compiledModel.js';

/**
 * The initial cohorts' own lifetime parameters for one run: `values[p][cohort * size + item]`,
 * in years. Value parameters enter at their first-year values (what a run sets them to, before a
 * scenario ramp moves them). Buffers are allocated once per stock and refilled per run.
 */
export interface InitialLifetimeFields {
  readonly values: readonly Float64Array[];
  /** Evaluates them for this run; returns whether any value differs (to the bit, by Object.is) from the last fill's. */
  fill(fields: readonly Float64Array[]): boolean;
}

export function initialLifetimeFields(model: CompiledModel, stock: CompiledStock, lifetime: CompiledInitialLifetime): InitialLifetimeFields {
  const cohorts = lifetime.cohortYears.length;
  const values = lifetime.parameters.map(() => new Float64Array(cohorts * stock.size));
  const evaluations = lifetime.parameters.map((parameter) => {
    const exprSize = parameter.broadcast.reduce((size, item) => Math.max(size, item + 1), 1);
    const inputs = parameter.inputs.map((symbol) => new Float64Array(cohorts * model.symbols[symbol].size));
    return { inputs, scratch: new Float64Array(cohorts * exprSize), exprSize };
  });
  return {
    values,
    fill(fields) {
      let changed = false;
      lifetime.parameters.forEach((parameter, p) => {
        const { inputs, scratch, exprSize } = evaluations[p];
        parameter.inputs.forEach((symbol, i) => repeatFirstYear(fields[symbol], model.symbols[symbol].size, cohorts, inputs[i]));
        parameter.expression.evaluate(inputs, lifetime.cohortYears, scratch);
        const out = values[p];
        for (let c = 0; c < cohorts; c++) {
          for (let k = 0; k < stock.size; k++) {
            const value = scratch[c * exprSize + parameter.broadcast[k]] * parameter.factor;
            if (!Object.is(value, out[c * stock.size + k])) changed = true;
            out[c * stock.size + k] = value;
          }
        }
      });
      return changed;
    },
  };
}

/** A parameter's first-year values (the first `size` of its year-major field), once per cohort. */
function repeatFirstYear(field: Float64Array, size: number, cohorts: number, out: Float64Array): void {
  for (let c = 0; c < cohorts; c++) for (let k = 0; k < size; k++) out[c * size + k] = field[k];
}
