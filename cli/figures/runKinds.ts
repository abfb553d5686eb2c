/** What `metabolis plot` draws of runs (a model's or a results folder's). */
export const RUN_KINDS = ['waste-peaks', 'series'] as const;
export type RunKind = (typeof RUN_KINDS)[number];
