/**
 * Campolongo, Cariboni & Saltelli (2007) choose r of M candidate Morris trajectories to spread
 * them over the input space: the distance between trajectories m and l is the sum of the Euclidean
 * distances between all their points, d_ml = Σ_i Σ_j ‖X_i^m − X_j^l‖, and the chosen set should
 * maximise D² = Σ_{m<l} d_ml². Trying every subset is combinatorial; this takes the greedy
 * backward route: drop, one at a time, the candidate whose loss lowers D² least (the one with the
 * smallest Σ_l d_ml² over the candidates still in), until r remain. Ties go to the lowest index.
 *
 * `points` holds the M candidates one after the other, each (d + 1) × d. Returns the kept candidate
 * indices in increasing order. Cost: O(M² (d + 1)² d) for the distances.
 */
export function selectSpreadTrajectories(points: Float64Array, candidates: number, factors: number, keep: number): Uint32Array {
  const pointsPerTrajectory = factors + 1;
  const stride = pointsPerTrajectory * factors;
  const squaredDistance = new Float64Array(candidates * candidates);
  for (let m = 0; m < candidates; m++) {
    for (let l = m + 1; l < candidates; l++) {
      let distance = 0;
      for (let i = 0; i < pointsPerTrajectory; i++) {
        const p = m * stride + i * factors;
        for (let j = 0; j < pointsPerTrajectory; j++) {
          const q = l * stride + j * factors;
          let sum = 0;
          for (let z = 0; z < factors; z++) {
            const difference = points[p + z] - points[q + z];
            sum += difference * difference;
          }
          distance += Math.sqrt(sum);
        }
      }
      squaredDistance[m * candidates + l] = distance * distance;
      squaredDistance[l * candidates + m] = distance * distance;
    }
  }
  const contribution = new Float64Array(candidates);
  for (let m = 0; m < candidates; m++) {
    for (let l = 0; l < candidates; l++) contribution[m] += squaredDistance[m * candidates + l];
  }
  const kept = new Uint8Array(candidates).fill(1);
  for (let remaining = candidates; remaining > keep; remaining--) {
    let weakest = -1;
    for (let m = 0; m < candidates; m++) {
      if (kept[m] && (weakest < 0 || contribution[m] < contribution[weakest])) weakest = m;
    }
    kept[weakest] = 0;
    for (let m = 0; m < candidates; m++) contribution[m] -= squaredDistance[m * candidates + weakest];
  }
  const selected = new Uint32Array(keep);
  for (let m = 0, next = 0; m < candidates; m++) if (kept[m]) selected[next++] = m;
  return selected;
}
