import { OptionsError } from '../errors.js';
import type { BoundExpression, CompiledModel, CompiledOverride, CompiledScenario } from '../compile/compiledModel.js';
import { fieldHistory, historyOf, sourceChanged, unchangedSince } from './fieldHistory.js';

/** Parameter values for one run, by name, in the parameter's declared unit (a number, or one per item). */
export type ParameterValues = Readonly<Record<string, number | ArrayLike<number>>>;

/**
 * Fills `fields[s]` (T × size, SI-based) for every driver and parameter of one run:
 * base values, then the run's parameter values, then the scenario's overrides, then expression
 * parameters in dependency order (the compiler ordered `symbols` so that inputs come first).
 * A field whose overrides and given values are those of the last fill, or an expression none of
 * whose inputs changed, keeps its values (see FieldHistory).
 */
export function fillSymbolFields(model: CompiledModel, fields: Float64Array[], scenario: CompiledScenario | undefined, parameters: ParameterValues | undefined): void {
  const { symbols, horizon } = model;
  const given = parameters ? resolveParameterValues(model, parameters) : new Map<number, ArrayLike<number>>();
  const overrides = new Map<number, CompiledOverride[]>();
  for (const override of scenario?.overrides ?? []) overrides.set(override.symbol, [...(overrides.get(override.symbol) ?? []), override]);
  const history = fieldHistory(fields);
  const fill = ++history.fills;

  symbols.forEach((symbol, s) => {
    const field = fields[s];
    const size = symbol.size;
    if (symbol.kind === 'expression') {
      if (refreshInto(symbol.bound, fields, model.years, field, size, horizon)) history.changedAt[s] = fill;
      return;
    }
    const own = overrides.get(s) ?? [];
    const value = symbol.kind === 'driver' ? symbol.series : (given.get(s) ?? symbol.value);
    if (!sourceChanged(history, s, value, own)) return;
    if (symbol.kind === 'driver') {
      field.set(symbol.series);
    } else {
      for (let k = 0; k < size; k++) {
        const si = (value.length === 1 ? value[0] : value[k]) * symbol.toSI;
        for (let t = 0; t < horizon; t++) field[t * size + k] = si;
      }
    }
    for (const override of own) applyOverride(model, override, field, size);
    history.changedAt[s] = fill;
  });
}

function applyOverride(model: CompiledModel, override: CompiledOverride, field: Float64Array, size: number): void {
  const { horizon, years } = model;
  if (override.kind === 'set-driver') {
    field.set(override.series);
    return;
  }
  if (override.kind === 'set-parameter') {
    for (let t = 0; t < horizon; t++) for (let k = 0; k < size; k++) field[t * size + k] = override.value[k];
    return;
  }
  // A ramp: the base value holds until `from`, moves linearly to `toValue` in `to`, and holds after.
  const fromIndex = Math.min(Math.max(override.from - years[0], 0), horizon - 1);
  for (let k = 0; k < size; k++) {
    const end = override.toValue[k];
    if (Number.isNaN(end)) continue;
    const start = field[fromIndex * size + k];
    for (let t = 0; t < horizon; t++) {
      const year = years[t];
      if (year <= override.from) continue;
      const progress = year >= override.to ? 1 : (year - override.from) / (override.to - override.from);
      field[t * size + k] = start + (end - start) * progress;
    }
  }
}

function resolveParameterValues(model: CompiledModel, parameters: ParameterValues): Map<number, ArrayLike<number>> {
  const resolved = new Map<number, ArrayLike<number>>();
  for (const [name, value] of Object.entries(parameters)) {
    const s = model.symbolIndex.get(name);
    const symbol = s === undefined ? undefined : model.symbols[s];
    if (symbol === undefined || symbol.kind !== 'value') {
      const names = model.symbols.filter((candidate) => candidate.kind === 'value').map((candidate) => candidate.name);
      throw new OptionsError(`parameters.${name}`, `is not a value parameter of the model (parameters: ${names.join(', ')})`);
    }
    const values = typeof value === 'number' ? [value] : value;
    if (values.length !== 1 && values.length !== symbol.size) {
      throw new OptionsError(`parameters.${name}`, `must be a number or ${symbol.size} values (one per item)`);
    }
    resolved.set(s!, values);
  }
  return resolved;
}

/**
 * Evaluates a bound expression for every year and writes it onto the quantity's items
 * (broadcast from the expression's dims) in the quantity's unit.
 */
export function evaluateInto(bound: BoundExpression, fields: readonly Float64Array[], years: Float64Array, out: Float64Array, size: number, horizon: number): void {
  const { scratch, inputs } = buffersFor(bound, fields, horizon);
  bound.expression.evaluate(inputs, years, scratch);
  const exprSize = scratch.length / horizon;
  const { broadcast, factor } = bound;
  for (let t = 0; t < horizon; t++) {
    const row = t * exprSize;
    const target = t * size;
    for (let k = 0; k < size; k++) out[target + k] = scratch[row + broadcast[k]] * factor;
  }
}

/**
 * evaluateInto when `out` may no longer hold this expression's values: last written elsewhere, or
 * some input field changed since (fields that fillSymbolFields filled keep a FieldHistory). For
 * buffers only these evaluations write. Returns whether it evaluated.
 */
export function refreshInto(bound: BoundExpression, fields: readonly Float64Array[], years: Float64Array, out: Float64Array, size: number, horizon: number): boolean {
  const buffers = buffersFor(bound, fields, horizon);
  const history = historyOf(fields);
  if (history !== undefined && buffers.out === out && unchangedSince(history, bound.inputs, buffers.evaluatedAt)) return false;
  evaluateInto(bound, fields, years, out, size, horizon);
  buffers.out = history === undefined ? undefined : out;
  buffers.evaluatedAt = history?.fills ?? 0;
  return true;
}

/**
 * Per bound expression: its result buffer and its inputs, looked up once per workspace's fields,
 * not once per run; for refreshInto, the buffer it last filled and in which fill.
 */
const evaluationBuffers = new WeakMap<BoundExpression, { scratch: Float64Array; fields: readonly Float64Array[]; inputs: Float64Array[]; out: Float64Array | undefined; evaluatedAt: number }>();

function buffersFor(bound: BoundExpression, fields: readonly Float64Array[], horizon: number) {
  let buffers = evaluationBuffers.get(bound);
  if (!buffers) {
    let exprSize = 0;
    for (let k = 0; k < bound.broadcast.length; k++) exprSize = Math.max(exprSize, bound.broadcast[k] + 1);
    buffers = { scratch: new Float64Array(horizon * exprSize), fields, inputs: bound.inputs.map((s) => fields[s]), out: undefined, evaluatedAt: 0 };
    evaluationBuffers.set(bound, buffers);
  } else if (buffers.fields !== fields) {
    buffers.fields = fields;
    buffers.inputs = bound.inputs.map((s) => fields[s]);
    buffers.out = undefined;
  }
  return buffers;
}
