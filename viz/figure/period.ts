/**
 * What time a figure shows: one year, or a span of years whose values were summed (totals over
 * the span) or averaged (a mean year). It decides both the stated period and the rate unit.
 */
export type Period =
  | { readonly year: number }
  | { readonly from: number; readonly to: number; readonly aggregate: 'sum' | 'mean' };

export function describePeriod(period: Period): string {
  if ('year' in period) return String(period.year);
  const span = `${period.from}–${period.to}`;
  return period.aggregate === 'sum' ? `${span}, total` : `${span}, annual mean`;
}

/** "/yr" for flows in one year or a mean year; nothing for totals over a span. */
export function rateSuffix(period: Period): string {
  return 'year' in period || period.aggregate === 'mean' ? '/yr' : '';
}
