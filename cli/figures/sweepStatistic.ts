import type { OutputStatistic } from '../../engine/sweep/sweepJob.js';
import { UsageError } from '../failure.js';
import { outputUnit, type SweepFolder, type SweepOutput } from './sweepFolder.js';

/** Which number of an output the sensitivity indices are of; `year` is set for a yearly value. */
export interface OutputNumber {
  readonly statistic: OutputStatistic;
  readonly year: number | null;
}

/**
 * The order a default is chosen in. Totals and peak values sum up the whole horizon and vary in
 * every run; a peak year is often the same in every run (a series still rising at the end), and
 * then has no indices.
 */
const PREFERENCE: readonly OutputStatistic[] = ['total', 'peak_value', 'value', 'peak_year'];

function recorded(output: SweepOutput): OutputStatistic[] {
  return output.record.flatMap((record): OutputStatistic[] => (record === 'series' ? ['value'] : record === 'peak' ? ['peak_year', 'peak_value'] : ['total']));
}

/**
 * The statistic asked for (a `--year` alone asks for the value of that year), or the first the
 * output records in PREFERENCE; a yearly value is of the output's last year unless one is given.
 */
export function outputNumber(output: SweepOutput, statistic: string | undefined, year: number | undefined): OutputNumber {
  const available = recorded(output);
  if (statistic !== undefined && !(PREFERENCE as readonly string[]).includes(statistic)) {
    throw new UsageError(`--statistic must be one of ${PREFERENCE.join(', ')} (got ${statistic})`);
  }
  const chosen = (statistic as OutputStatistic | undefined) ?? (year === undefined ? PREFERENCE.find((candidate) => available.includes(candidate))! : 'value');
  if (!available.includes(chosen)) throw new UsageError(`${output.name} records no ${chosen} (it has ${available.join(', ')})`);
  if (chosen !== 'value') {
    if (year !== undefined) throw new UsageError(`--year chooses a yearly value: it goes with --statistic value, not ${chosen}`);
    return { statistic: chosen, year: null };
  }
  const [first, last] = output.years;
  if (year !== undefined && (year < first || year > last)) throw new UsageError(`--year must lie within the years of ${output.name}, ${first}–${last} (got ${year})`);
  return { statistic: chosen, year: year ?? last };
}

/** How a figure names an output: its label, else its name with spaces. */
export function outputLabel(output: SweepOutput): string {
  return output.label ?? output.name.replace(/_+/g, ' ');
}

/** How a figure names the number: "the total of demolition waste 2013–2060". */
export function numberLabel(output: SweepOutput, number: OutputNumber): string {
  const name = outputLabel(output);
  const [first, last] = output.years;
  switch (number.statistic) {
    case 'value':
      return `${name} in ${number.year}`;
    case 'peak_value':
      return `the peak of ${name}`;
    case 'peak_year':
      return `the peak year of ${name}`;
    default:
      return `the total of ${name} ${first}–${last}`;
  }
}

/** The unit of the number: a peak year's is years; a total over years drops the output's "/yr" (or adds "·yr" to a stock level). */
export function numberUnit(sweep: SweepFolder, output: SweepOutput, number: OutputNumber): string {
  if (number.statistic === 'peak_year') return 'yr';
  const unit = outputUnit(sweep, output);
  if (number.statistic !== 'total') return unit;
  return unit.endsWith('/yr') ? unit.slice(0, -'/yr'.length) : `${unit}·yr`;
}
