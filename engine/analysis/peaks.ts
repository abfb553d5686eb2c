/**
 * When does a series peak? The peak is the largest value within the horizon; ties go to the
 * EARLIEST year (a plateau peaks when it is first reached). A series whose largest value is its
 * last and which is still rising there has "no peak within the horizon": the peak lies beyond it,
 * and its last value is only a lower bound. An all-zero series has no peak at all.
 */
export type Peak =
  | { readonly status: 'peak'; readonly year: number; readonly value: number }
  /** Still rising at the end of the horizon: `value` in `year` (the last) is a lower bound. */
  | { readonly status: 'rising'; readonly year: number; readonly value: number }
  /** Zero throughout. */
  | { readonly status: 'zero' }
  /** NaN somewhere: the run failed, there is nothing to say. */
  | { readonly status: 'undefined' };

/**
 * Peak of `values[offset + t * stride]` for t = 0..years.length−1.
 */
export function findPeak(values: ArrayLike<number>, years: readonly number[], offset = 0, stride = 1): Peak {
  const count = years.length;
  let best = -Infinity;
  let bestIndex = -1;
  let nonZero = false;
  for (let t = 0; t < count; t++) {
    const value = values[offset + t * stride];
    if (Number.isNaN(value)) return { status: 'undefined' };
    if (value !== 0) nonZero = true;
    if (value > best) {
      best = value;
      bestIndex = t;
    }
  }
  if (!nonZero || bestIndex < 0) return { status: 'zero' };
  const last = count - 1;
  if (bestIndex === last && count > 1 && values[offset + last * stride] > values[offset + (last - 1) * stride]) {
    return { status: 'rising', year: years[last], value: best };
  }
  return { status: 'peak', year: years[bestIndex], value: best };
}

/** The series summed over items: values laid out year-major with `size` items per year. */
export function totalOverItems(values: Float64Array, size: number): Float64Array {
  if (size === 1) return values;
  const years = values.length / size;
  const total = new Float64Array(years);
  for (let t = 0; t < years; t++) {
    let sum = 0;
    for (let k = 0; k < size; k++) sum += values[t * size + k];
    total[t] = sum;
  }
  return total;
}
