/**
 * The IPCC first-order decay (FOD) of degradable organic carbon in a landfill (IPCC 2006
 * Guidelines, Volume 5, Chapter 3, Equations 3.4–3.6, with the start month of Annex 3A.1):
 *
 *   deposited DDOCm(T) = W(T) · DOC · DOCf · MCF               (the caller's `deposited`)
 *   decomposing in its own year: DDOCm(T) · (1 − e^(−k(13 − M)/12))
 *   DDOCma(T) = DDOCm(T) · e^(−k(13 − M)/12) + DDOCma(T − 1) · e^(−k)
 *   decomposed(T) = DDOCm(T) · (1 − e^(−k(13 − M)/12)) + DDOCma(T − 1) · (1 − e^(−k))
 *
 * M is the month in which decomposition starts (M = 13: on 1 January of the year after the
 * deposit, none in the deposit year; an average delay of six months). What decomposes is carbon
 * that leaves as CH4 (fraction F) and CO2; the caller applies F · 16/12. Carbon is conserved:
 * everything deposited decomposes over time, so Σ decomposed + DDOCma(last) = Σ deposited.
 *
 * deposited[offset + t · stride] for t = 0 … count − 1 (years in order, history first);
 * decomposed and accumulated (DDOCma at the end of each year) in the same layout. One loop per
 * item, no allocation; 1 − e^(−x) as −expm1(−x) so a slow decay keeps its digits. The rate
 * k may differ from year to year (`rates`, same layout): year T's decay uses k(T), for what was
 * deposited before and in T alike.
 */
export function firstOrderDecay(
  deposited: ArrayLike<number>,
  rates: ArrayLike<number>,
  startMonth: number,
  decomposed: Float64Array,
  accumulated: Float64Array,
  offset: number,
  stride: number,
  count: number,
): void {
  const firstYearShare = (13 - startMonth) / 12;
  let stock = 0;
  for (let t = 0; t < count; t++) {
    const i = offset + t * stride;
    const rate = rates[i];
    const fresh = deposited[i];
    decomposed[i] = -fresh * Math.expm1(-rate * firstYearShare) - stock * Math.expm1(-rate);
    stock = fresh * Math.exp(-rate * firstYearShare) + stock * Math.exp(-rate);
    accumulated[i] = stock;
  }
}

/** The decay rate k of a half-life in years: k = ln 2 / half-life (IPCC 2006 Vol. 5, Eq. 3.5 note). */
export function decayRateOfHalfLife(halfLife: number): number {
  return Math.LN2 / halfLife;
}
