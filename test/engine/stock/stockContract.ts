import { expect } from 'vitest';

export interface StockSeries {
  readonly inflow: ArrayLike<number>;
  readonly outflow: ArrayLike<number>;
  readonly stock: ArrayLike<number>;
}

/**
 * What every dynamic stock must satisfy, whichever kind drives it: each year inflow − outflow −
 * stock change is zero to DESIGN.md's tolerance (100 ε times the largest value involved), so the
 * totals balance too (Σ inflow + initial stock − Σ outflow = final stock), and neither stock nor
 * outflow goes negative beyond rounding.
 */
export function expectStockContract(series: StockSeries, initialTotal: number): void {
  const { inflow, outflow, stock } = series;
  let previous = initialTotal;
  let totalIn = initialTotal;
  let totalOut = 0;
  let scale = Math.abs(initialTotal);
  for (let t = 0; t < stock.length; t++) {
    const largest = Math.max(Math.abs(inflow[t]), Math.abs(outflow[t]), Math.abs(stock[t]), Math.abs(previous));
    const residual = inflow[t] - outflow[t] - (stock[t] - previous);
    if (!(Math.abs(residual) <= 100 * Number.EPSILON * largest)) expect.fail(`year ${t}: balance residual ${residual} (largest value ${largest})`);
    scale = Math.max(scale, largest);
    if (!(stock[t] >= -1e-12 * scale)) expect.fail(`year ${t}: negative stock ${stock[t]}`);
    if (!(outflow[t] >= -1e-12 * scale)) expect.fail(`year ${t}: negative outflow ${outflow[t]}`);
    totalIn += inflow[t];
    totalOut += outflow[t];
    previous = stock[t];
  }
  const final = stock.length > 0 ? stock[stock.length - 1] : initialTotal;
  expect(Math.abs(totalIn - totalOut - final)).toBeLessThanOrEqual(1e-12 * (Math.abs(totalIn) + Math.abs(totalOut) + scale));
}
