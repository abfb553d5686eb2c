/**
 * One Morris trajectory (Morris 1991): d + 1 points on a p-level grid, each differing from the
 * previous one in one factor by the jump Δ = p/(2(p − 1)) (p/2 grid steps), every factor moving once.
 * This is Morris's B* = (J x* + (Δ/2)[(2B − J) D* + J]) P* written as what it does: a random base
 * level x*_i in {0, …, p/2 − 1}, a random direction D*_i = ±1 (start at x*_i and move up, or start
 * at x*_i + Δ and move down), and a random order P* of the factors. Every grid level is then
 * equally likely as a start.
 *
 * Level k is placed at k/(p − 1) ('grid', Morris's own grid on [0, 1], as in SALib) or at (k + 1/2)/p
 * ('centred', the midpoints of p equal strata, which keeps unbounded distributions finite).
 */
export type MorrisPlacement = 'grid' | 'centred';

/** Uniform draws one trajectory uses: d base levels, d directions, d − 1 for the factor order. */
export function morrisDrawCount(factors: number): number {
  return 3 * factors - 1;
}

/**
 * Writes the (d + 1) × d points of the trajectory made from `draws` into out[offset …].
 * `order` is scratch space of d integers.
 */
export function writeMorrisTrajectory(
  draws: Float64Array,
  factors: number,
  levels: number,
  placement: MorrisPlacement,
  order: Int32Array,
  out: Float64Array,
  offset: number,
): void {
  const jump = levels / 2;
  // Level k lies at (k + shift)/spacing: k/(p − 1) on the grid, (k + ½)/p centred.
  const shift = placement === 'grid' ? 0 : 0.5;
  const spacing = placement === 'grid' ? levels - 1 : levels;
  for (let factor = 0; factor < factors; factor++) {
    const baseLevel = Math.floor(draws[factor] * jump);
    const up = draws[factors + factor] < 0.5;
    out[offset + factor] = ((up ? baseLevel : baseLevel + jump) + shift) / spacing;
    order[factor] = factor;
  }
  // Fisher–Yates shuffle of the factor order.
  for (let i = factors - 1; i > 0; i--) {
    const j = Math.floor(draws[2 * factors + i - 1] * (i + 1));
    const swap = order[i];
    order[i] = order[j];
    order[j] = swap;
  }
  for (let step = 0; step < factors; step++) {
    const previous = offset + step * factors;
    const current = previous + factors;
    for (let factor = 0; factor < factors; factor++) out[current + factor] = out[previous + factor];
    const moved = order[step];
    const baseLevel = Math.floor(draws[moved] * jump);
    const up = draws[factors + moved] < 0.5;
    out[current + moved] = ((up ? baseLevel + jump : baseLevel) + shift) / spacing;
  }
}
