import { inverseNormalCdf } from '../sweep/design/inverseNormal.js';
import type { ReconcileFactors } from './linearFactors.js';
import type { GrossErrorSuspect, MeasurementTest } from './reconcileResult.js';

/** Rows of Q_G1 whose cosine is this close to ±1 are parallel: no balance tells them apart. */
const PARALLEL_TOLERANCE = 1e-9;

/**
 * The measurement test (Mah & Tamhane 1982; Narasimhan & Jordache 2000, §7.3): each redundant
 * measurement's normalised adjustment t_i = z_i / √(Q_G1·Q_G1ᵀ)_ii is standard normal under the
 * null hypothesis; |t_i| above the two-sided critical value of the Šidák-corrected level marks
 * the measurement as a suspected gross error, with a family-wise level `significance`.
 *
 * t_i = q_iᵀw/‖q_i‖ (z = Q_G1·w) with q_i the i-th row of Q_G1 (the i-th measurement's column of the reduced
 * constraints, in an orthonormal basis). Two measurements with parallel q's have equal |t| for
 * every data set: they are reported together, as one suspect.
 */
export function measurementTest(
  names: readonly string[],
  measured: Int32Array,
  factors: ReconcileFactors,
  statistics: Float64Array,
  significance: number,
): MeasurementTest {
  const { constrained, leverage } = factors;
  const { redundant } = factors.elimination;
  const n = measured.length;
  const rank = factors.measurementQr.rank;
  let tests = 0;
  for (let i = 0; i < n; i++) tests += redundant[i];
  // 1 − (1 − α)^(1/m) without cancellation for small α.
  const testLevel = tests > 0 ? -Math.expm1(Math.log1p(-significance) / tests) : significance;
  const criticalValue = inverseNormalCdf(1 - testLevel / 2);

  const grouped = new Uint8Array(n);
  const suspects: GrossErrorSuspect[] = [];
  for (let i = 0; i < n; i++) {
    if (!redundant[i] || grouped[i] || !(Math.abs(statistics[i]) > criticalValue)) continue;
    const members = [names[measured[i]]];
    for (let j = i + 1; j < n; j++) {
      if (!redundant[j] || grouped[j]) continue;
      let dot = 0;
      for (let a = 0; a < rank; a++) dot += constrained[a * n + i] * constrained[a * n + j];
      if (Math.abs(dot) >= (1 - PARALLEL_TOLERANCE) * Math.sqrt(leverage[i] * leverage[j])) {
        grouped[j] = 1;
        members.push(names[measured[j]]);
      }
    }
    suspects.push({ variables: members, statistic: Math.abs(statistics[i]) });
  }
  suspects.sort((a, b) => b.statistic - a.statistic);
  return { significance, tests, testLevel, criticalValue, suspects };
}
