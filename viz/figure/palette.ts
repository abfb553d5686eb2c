/**
 * Categorical colours that stay distinguishable with the common colour-vision deficiencies.
 * Up to 7 categories: Okabe & Ito (2008) without black, ordered so that neighbours contrast.
 * 8 to 10: Paul Tol's "muted" scheme. Beyond that no palette keeps categories apart, and the
 * colours repeat; `categoricalColors` says so, and figures report it.
 */
const OKABE_ITO = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442'];
const TOL_MUTED = ['#332288', '#88CCEE', '#44AA99', '#117733', '#999933', '#DDCC77', '#CC6677', '#882255', '#AA4499', '#DDDDDD'];

/**
 * Colours of what is no item of a model (the effects of a decomposition, the fates of landfill
 * methane), from Paul Tol's muted scheme, so that they never read as one of the model's items,
 * which take Okabe & Ito's colours in every figure.
 */
export const ROLE_COLORS = { scale: '#332288', mix: '#44AA99', intensity: '#DDCC77', recovered: '#88CCEE' } as const;

/** Imbalances are drawn in a red that is no palette colour, with a dark outline and a label. */
export const IMBALANCE_COLOR = '#E31A1C';
export const INK = '#1A1A1A';
export const MUTED_INK = '#595959';
export const GRID = '#E0E0E0';
export const PROCESS_FILL = '#4D4D4D';
export const BOUNDARY_FILL = '#B3B3B3';

export interface CategoricalColors {
  readonly colors: readonly string[];
  /** False when there were more categories than distinguishable colours, so colours repeat. */
  readonly distinct: boolean;
}

export function categoricalColors(count: number): CategoricalColors {
  const palette = count <= OKABE_ITO.length ? OKABE_ITO : TOL_MUTED;
  const colors = Array.from({ length: count }, (_, i) => palette[i % palette.length]);
  return { colors, distinct: count <= palette.length };
}
