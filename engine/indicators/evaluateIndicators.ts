import type { CompiledModel } from '../compile/compiledModel.js';
import type { DerivedSeries } from '../simulate/solution.js';
import type { Workspace } from '../simulate/workspace.js';
import type { CompiledIndicator, IndicatorInput } from './compileIndicators.js';

/**
 * A run's indicators as derived series (kind 'indicator'), in the model's order, each in the unit
 * it reports in. An indicator with `change_from` reports value / value in that year − 1, item by
 * item (NaN where the base value is 0). `derived` holds the run's emission series, which
 * indicators may read.
 */
export function evaluateIndicators(model: CompiledModel, indicators: readonly CompiledIndicator[], workspace: Workspace, derived: readonly DerivedSeries[]): DerivedSeries[] {
  const { horizon, years } = model;
  const dimNames = (dims: readonly number[]) => dims.map((d) => model.definition.dimensions[d].name);
  const siValues: Float64Array[] = [];
  const series: DerivedSeries[] = [];
  for (const indicator of indicators) {
    const inputs = indicator.inputs.map((input) => inputSeries(input, model, workspace, derived, siValues));
    const si = new Float64Array(horizon * indicator.size);
    indicator.expression.evaluate(inputs, years, si);
    siValues.push(si);
    const values = si.map((value) => value * indicator.factor);
    if (indicator.changeFrom !== undefined) {
      const base = (indicator.changeFrom - years[0]) * indicator.size;
      const baseValues = values.slice(base, base + indicator.size);
      for (let i = 0; i < values.length; i++) values[i] = baseValues[i % indicator.size] === 0 ? NaN : values[i] / baseValues[i % indicator.size] - 1;
    }
    series.push({ kind: 'indicator', id: indicator.name, dims: dimNames(indicator.dims), values, unit: indicator.unit });
  }
  return series;
}

/** The SI-based series an indicator reads for one of its names. */
function inputSeries(input: IndicatorInput, model: CompiledModel, workspace: Workspace, derived: readonly DerivedSeries[], indicators: readonly Float64Array[]): Float64Array {
  const { horizon } = model;
  switch (input.kind) {
    case 'symbol':
      return workspace.fields[input.symbol];
    case 'indicator':
      return indicators[input.indicator];
    case 'flow':
      return workspace.flowValues[input.flow].map((value) => value * input.toSI);
    case 'stock':
      return workspace.stockSeries[input.stock].stock.map((value) => value * input.toSI);
    case 'emissions':
      return derived.find((series) => series.kind === input.derived && series.id === 'total')!.values.map((value) => value * input.toSI);
    case 'tag': {
      // The sum of the tagged flows over all their items.
      const total = new Float64Array(horizon);
      for (const f of input.flows) {
        const values = workspace.flowValues[f];
        const size = values.length / horizon;
        for (let t = 0; t < horizon; t++) for (let k = 0; k < size; k++) total[t] += values[t * size + k];
      }
      for (let t = 0; t < horizon; t++) total[t] *= input.toSI;
      return total;
    }
  }
}
