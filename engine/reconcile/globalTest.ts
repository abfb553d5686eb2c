import { regularizedGammaQ } from '../lifetime/incompleteGamma.js';
import type { GlobalTest } from './reconcileResult.js';

/**
 * The global test: if the model is right and the errors are normal with the stated sds, the
 * minimised objective χ² = ‖z‖² follows a chi-square distribution with as many degrees of freedom
 * as there are independent constraints on the measurements (Narasimhan & Jordache 2000, §7.2).
 * p = P(χ²_dof ≥ χ²) = Q(dof/2, χ²/2), the regularised upper incomplete gamma function.
 */
export function globalTest(chiSquare: number, degreesOfFreedom: number, significance: number): GlobalTest {
  // Without a statistic (no reconciled values) there is no p-value, even with nothing to test.
  const pValue = degreesOfFreedom > 0 || Number.isNaN(chiSquare) ? regularizedGammaQ(degreesOfFreedom / 2, chiSquare / 2) : 1;
  return { chiSquare, degreesOfFreedom, pValue, significance, passed: pValue >= significance };
}
