import { existsSync, statSync } from 'node:fs';
import { UsageError } from '../failure.js';
import { hasManifest } from '../sweep/manifest.js';
import { MODEL_KINDS, RUN_KINDS } from './runKinds.js';
import { isRunFolder } from './runFolder.js';
import { SWEEP_KINDS } from './sweepFolder.js';

/** What `metabolis plot` was given: a model file, what `metabolis run --out` wrote, or what `metabolis sweep --out` wrote. */
export type PlotSource = 'model' | 'run folder' | 'sweep folder';

export const PLOT_KINDS = [...RUN_KINDS, ...MODEL_KINDS, ...SWEEP_KINDS] as const;
export type PlotKind = (typeof PLOT_KINDS)[number];

/** A path that is not there is taken for a model file, so that loading it reports the missing file. */
export function plotSource(path: string): PlotSource {
  if (!existsSync(path) || !statSync(path).isDirectory()) return 'model';
  if (hasManifest(path)) return 'sweep folder';
  if (isRunFolder(path)) return 'run folder';
  throw new UsageError(
    `${path} is not a metabolis run or sweep folder: it holds neither summary.json with results.csv or .json (metabolis run --out) nor manifest.json (metabolis sweep --out)`,
  );
}

/** The kind asked for (default: the first that fits), which must be one that `path`, described by `what`, can give. */
export function fittingKind(kind: string | undefined, fitting: readonly PlotKind[], path: string, what: string): PlotKind {
  if (kind !== undefined && !(PLOT_KINDS as readonly string[]).includes(kind)) throw new UsageError(`--kind must be one of ${PLOT_KINDS.join(', ')} (got ${kind})`);
  if (fitting.length === 0) throw new UsageError(`${path} has nothing to plot: its outputs record neither series nor peak, and its sampler gives no indices`);
  if (kind === undefined) return fitting[0];
  if (!fitting.includes(kind as PlotKind)) throw new UsageError(`--kind ${kind} does not fit ${path}, a ${what}: it plots ${fitting.join(', ')}`);
  return kind as PlotKind;
}

/** The flags that choose within one kind of figure, and the kinds they go with; a flag given for another kind is a mistake, not ignored. */
const FLAG_KINDS = {
  '--series': ['waste-peaks', 'series'],
  '--series-kind': ['waste-peaks', 'series'],
  '--by': ['series'],
  '--stacked': ['series'],
  '--tolerance': ['waste-peaks'],
  '--output': SWEEP_KINDS,
  '--statistic': ['sobol', 'morris'],
  '--year': ['sobol', 'morris', 'savings'],
  '--span': ['savings'],
  '--aggregate': ['savings'],
  '--baseline': ['savings'],
  '--route': ['landfill-methane'],
} as const satisfies Record<string, readonly PlotKind[]>;

export function checkFlagsFit(kind: PlotKind, given: Partial<Record<keyof typeof FLAG_KINDS, unknown>>): void {
  for (const [flag, kinds] of Object.entries(FLAG_KINDS) as [keyof typeof FLAG_KINDS, readonly PlotKind[]][]) {
    if (given[flag] !== undefined && !kinds.includes(kind)) throw new UsageError(`${flag} goes with --kind ${kinds.join(' or ')}, not ${kind}`);
  }
}

/** A folder holds one scenario's runs: -s may only name that one. */
export function checkFolderScenario(requested: readonly string[], held: string | undefined, path: string): void {
  const other = requested.find((scenario) => scenario !== held);
  if (other === undefined) return;
  const holds = held === undefined ? 'the base model' : `scenario ${held}`;
  throw new UsageError(`${path} holds runs of ${holds}, not of ${other}: plot the model file, or run it with --scenario ${other}`);
}
