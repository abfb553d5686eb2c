import { ModelError, type SourceLocation } from '../errors.js';

/** What is being checked, for messages: `driver population`, and where each value is. */
export interface ValueSubject {
  readonly subject: string;
  /** Where value `i` was written (the first offending one is reported there). */
  locate(index: number): SourceLocation;
  /** `2031, food`: what index `i` of the values is. */
  describe(index: number): string;
  /** Negative values are allowed (the model said `signed: true`). */
  readonly signed: boolean;
  /** NaN marks an item left out on purpose (a ramp's `to_value`: keep the base value). */
  readonly nanMeansUnset?: boolean;
}

const LISTED = 5;

/**
 * Every value finite, and non-negative unless signed. The message lists the offending entries
 * (the first few), so the user sees at once whether it is one typo or a whole column.
 */
export function checkValues(values: ArrayLike<number>, { subject, locate, describe, signed, nanMeansUnset = false }: ValueSubject): void {
  const check = (bad: (value: number) => boolean, message: string, hint: string) => {
    const found: number[] = [];
    for (let i = 0; i < values.length && found.length <= LISTED; i++) if (bad(values[i])) found.push(i);
    if (found.length === 0) return;
    const listed = found.slice(0, LISTED).map((i) => (describe(i) ? `${describe(i)}: ${values[i]}` : `${values[i]}`));
    if (found.length > LISTED) listed.push('…');
    throw new ModelError(`${message} in ${subject} (${listed.join('; ')})`, locate(found[0]), hint);
  };
  check((value) => !Number.isFinite(value) && !(nanMeansUnset && Number.isNaN(value)), 'non-finite value', 'every value must be a finite number');
  if (!signed) check((value) => value < 0, 'negative value', 'values must be non-negative; if negative values are meant, say signed: true');
}
