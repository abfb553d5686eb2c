/** The kinds a results folder of `metabolis run` gives, from its saved table, as the model does. */
export const RUN_KINDS = ['waste-peaks', 'series', 'emissions'] as const;
export type RunKind = (typeof RUN_KINDS)[number];

/** The kinds only a model gives: they need runs of several scenarios, or what a results folder does not keep. */
export const MODEL_KINDS = ['savings', 'landfill-methane', 'comparison'] as const;
export type ModelKind = (typeof MODEL_KINDS)[number];
