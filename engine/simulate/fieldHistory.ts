import type { CompiledOverride } from '../compile/compiledModel.js';

/**
 * What a workspace's symbol fields were last filled from, so that a run refills only the fields
 * whose source changed (a sweep varies a few parameters, a benchmark none) and an evaluation that
 * reads only unchanged fields keeps its result (refreshInto). Fills are counted; `changedAt[s]`
 * is the fill in which field s last got new values (0: never filled).
 */
export interface FieldHistory {
  fills: number;
  readonly changedAt: Int32Array;
  /** Per symbol: every number its field was last filled from (see sourceChanged), undefined before. */
  readonly sources: (Float64Array | undefined)[];
  /** Scratch for this fill's sources. */
  scratch: Float64Array;
}

const histories = new WeakMap<readonly Float64Array[], FieldHistory>();

export function fieldHistory(fields: readonly Float64Array[]): FieldHistory {
  let history = histories.get(fields);
  if (!history) {
    history = { fills: 0, changedAt: new Int32Array(fields.length), sources: new Array(fields.length).fill(undefined), scratch: new Float64Array(64) };
    histories.set(fields, history);
  }
  return history;
}

/** The history of fields that fillSymbolFields filled, or undefined for other fields. */
export function historyOf(fields: readonly Float64Array[]): FieldHistory | undefined {
  return histories.get(fields);
}

const OVERRIDE_KINDS = { 'set-parameter': 1, 'set-driver': 2, ramp: 3 } as const;

/**
 * True (and remembered) when field s is to be filled from other numbers than last time, compared
 * to the bit: its values (a driver's series, a parameter's value or the run's given one) and its
 * overrides' kinds, years and values. Compared by content, not identity, since callers may refill
 * arrays in place (a sweep scales a driver's series, a policy search rewrites a ramp).
 */
export function sourceChanged(history: FieldHistory, s: number, values: ArrayLike<number>, overrides: readonly CompiledOverride[]): boolean {
  let length = 1 + values.length;
  for (const override of overrides) length += 4 + overrideValues(override).length;
  if (history.scratch.length < length) history.scratch = new Float64Array(Math.max(length, 2 * history.scratch.length));
  const source = history.scratch;
  let at = 0;
  source[at++] = values.length;
  for (let i = 0; i < values.length; i++) source[at++] = values[i];
  for (const override of overrides) {
    const data = overrideValues(override);
    source[at++] = OVERRIDE_KINDS[override.kind];
    source[at++] = override.kind === 'ramp' ? override.from : 0;
    source[at++] = override.kind === 'ramp' ? override.to : 0;
    source[at++] = data.length;
    for (let i = 0; i < data.length; i++) source[at++] = data[i];
  }
  const last = history.sources[s];
  if (last !== undefined && last.length === length && sameBits(last, source, length)) return false;
  history.sources[s] = source.slice(0, length);
  return true;
}

function overrideValues(override: CompiledOverride): Float64Array {
  return override.kind === 'set-parameter' ? override.value : override.kind === 'set-driver' ? override.series : override.toValue;
}

/** The first `length` values of a and b have the same bits (±0 and NaNs told apart). */
function sameBits(a: Float64Array, b: Float64Array, length: number): boolean {
  const left = new Int32Array(a.buffer, a.byteOffset, 2 * length);
  const right = new Int32Array(b.buffer, b.byteOffset, 2 * length);
  for (let i = 0; i < left.length; i++) if (left[i] !== right[i]) return false;
  return true;
}

/** True when none of `inputs` changed after fill `fill`. */
export function unchangedSince(history: FieldHistory, inputs: readonly number[], fill: number): boolean {
  for (let i = 0; i < inputs.length; i++) if (history.changedAt[inputs[i]] > fill) return false;
  return true;
}
