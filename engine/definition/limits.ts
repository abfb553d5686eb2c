import { ModelError, type SourceLocation } from '../errors.js';

/**
 * Every size limit on what a model, sweep or data file may ask for, in one place (the README's
 * "Limits and safety" lists them). Each is checked before the thing it bounds is parsed,
 * allocated or recursed into, so that no file, however hostile, can exhaust memory, overflow the
 * stack or hang the loader: it gets a ModelError that names the limit instead. They are far above
 * what city models need (the shipped ones are 13 KB, 60 years, 6 items per dimension).
 */
export const LIMITS = Object.freeze({
  /** Bytes of a model or sweep file (parsing YAML takes about 3 µs and 200 bytes of memory per character). */
  modelFileBytes: 4 * 2 ** 20,
  /** Bytes of one data file (its rows take about twenty times that in memory while read). */
  dataFileBytes: 16 * 2 ** 20,
  /** Levels of maps and lists inside each other in a model or sweep file. */
  nesting: 64,
  /** Values (map entries, list items, scalars) in a model or sweep file once its aliases are expanded. */
  documentValues: 1_000_000,
  /** Years of a horizon; also of the data of one series and of a lifetime table. */
  years: 1_000,
  /** Items of one dimension. */
  itemsPerDimension: 10_000,
  /** Values of one series: years × items of a driver, parameter, stock or expression result. */
  seriesValues: 10_000_000,
  /**
   * Values of a whole model, for each of three groups: its drivers, parameters and initial stocks
   * (checked at load); the intermediate results of all its expressions; its flows and processes
   * (both at compile). Each group is a series per quantity, years × items.
   */
  modelValues: 100_000_000,
  /** Processes, flows, drivers and parameters together, and scenarios of one model. */
  processes: 1_000,
  flows: 5_000,
  quantities: 5_000,
  scenarios: 1_000,
  /** Cohort values of one stock with a lifetime: years × (years + initial cohorts) × items. */
  cohortValues: 20_000_000,
  /** Characters of one expression. */
  expressionLength: 10_000,
  /** Parentheses, calls, signs, powers and conditionals nested in one expression. */
  expressionNesting: 100,
  /** Operations in one chain of an expression (`a + b - c` is two). */
  expressionChain: 1_000,
  /** Runs of one sweep (the design's size, all shards together). */
  sweepRuns: 100_000_000,
});

/** `1,048,576`: limits and sizes in messages, readable at a glance. */
export function count(value: number): string {
  return value.toLocaleString('en-US');
}

/** `64 MiB`, for file sizes in messages. */
export function mebibytes(bytes: number): string {
  return `${bytes / 2 ** 20} MiB`;
}

/**
 * A series of `years` × `items` values within LIMITS.seriesValues, checked before it is allocated
 * (items are a product of dimensions, so they may be past what a typed array can even hold). A
 * subject that costs work to write out is given as a function, called only for the message.
 */
export function checkSeriesSize(subject: string | (() => string), years: number, items: number, at: SourceLocation, hint: string): void {
  if (years * items <= LIMITS.seriesValues) return;
  throw limitError(`too many values: ${typeof subject === 'string' ? subject : subject()} has ${count(years)} years × ${count(items)} items, more than ${count(LIMITS.seriesValues)} values`, at, hint);
}

/**
 * A stock with a lifetime keeps, per item, its survival for every year and cohort: within
 * LIMITS.cohortValues, checked when its items are known (at compile), before it is allocated.
 */
export function checkCohortSize(stock: string, years: number, initialCohorts: number, items: number, at: SourceLocation): void {
  const values = years * (years + initialCohorts) * items;
  if (values <= LIMITS.cohortValues) return;
  throw limitError(
    `too many values: stock ${stock} has ${count(years)} years × ${count(years + initialCohorts)} cohorts × ${count(items)} items, more than ${count(LIMITS.cohortValues)}`,
    at,
    'use fewer items for this stock (a coarser dimension), fewer initial cohorts or a shorter horizon',
  );
}

/**
 * A running count of values against LIMITS.modelValues: `add` counts a series (years × items)
 * of `subject` before it is allocated, and throws once the group has too many.
 */
export function valueBudget(group: string): { add(years: number, items: number, at: SourceLocation): void } {
  let held = 0;
  return {
    add(years, items, at) {
      held += years * items;
      if (held <= LIMITS.modelValues) return;
      throw limitError(`too many values: the ${group} of the model hold more than ${count(LIMITS.modelValues)} values`, at, 'use fewer items or a shorter horizon, or split the model');
    },
  };
}

/** The error for a size over its limit: what was asked for, and how to stay within it. */
export function limitError(message: string, at: SourceLocation, hint: string): ModelError {
  return new ModelError(message, at, `${hint} (see Limits and safety in the README)`);
}
