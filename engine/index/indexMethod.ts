/**
 * The choices a composite index makes (OECD/JRC Handbook, Nardo et al. 2008, steps 5–6), each
 * one named option. The uncertainty analysis draws among them; the CLI overrides them.
 */
export const NORMALISATIONS = ['min-max', 'z-score', 'distance-to-target', 'rank'] as const;
export const AGGREGATIONS = ['arithmetic', 'geometric'] as const;
/**
 * equal: every indicator the same weight; nested: every dimension its weight (equal unless
 * given), shared among its indicators by theirs (equal unless given); given: the indicators'
 * own weights, ignoring dimensions.
 */
export const WEIGHTINGS = ['equal', 'nested', 'given'] as const;
export const IMPUTATIONS = ['none', 'mean', 'median', 'drop-indicator'] as const;

export type Normalisation = (typeof NORMALISATIONS)[number];
export type Aggregation = (typeof AGGREGATIONS)[number];
export type Weighting = (typeof WEIGHTINGS)[number];
export type Imputation = (typeof IMPUTATIONS)[number];

/** One set of choices: what a deterministic computation of the index needs. */
export interface IndexMethod {
  readonly normalisation: Normalisation;
  readonly aggregation: Aggregation;
  readonly weights: Weighting;
  /** For indicators that declare no imputation of their own. */
  readonly imputation: Imputation;
}

export const DEFAULT_METHOD: IndexMethod = { normalisation: 'min-max', aggregation: 'arithmetic', weights: 'nested', imputation: 'none' };
