export { erfc } from './erfc.js';
export { regularizedGammaP, regularizedGammaQ } from './incompleteGamma.js';
export { logGamma } from './logGamma.js';
export { LIFETIME_DISTRIBUTIONS, LIFETIME_PARAMETERS, lifetimeFromParameters, type Lifetime } from './lifetime.js';
export { lifetimeProblem } from './lifetimeProblem.js';
export { lognormalLogMean, lognormalLogSd } from './lognormal.js';
export { QUADRATURE_POINTS } from './quadratureSurvival.js';
export { SURVIVAL_CONVENTIONS, fillSurvivalCurve } from './survivalCurve.js';
export { createSurvival, setCohortSurvival, setSurvival, survivalShare, type Survival } from './survival.js';
