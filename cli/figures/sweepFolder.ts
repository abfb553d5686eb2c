import type { OutputRecord } from '../../engine/sweep/spec/sweepSpec.js';
import { UsageError } from '../failure.js';
import { readCompleteManifest, type SweepManifest } from '../sweep/manifest.js';

/** An output of a sweep, as its manifest describes it. */
export interface SweepOutput {
  readonly name: string;
  readonly record: readonly OutputRecord[];
  /** First and last year of its values, its peak and its total. */
  readonly years: readonly [number, number];
  /** Unit of its yearly values and its peak value, where the manifest records it. */
  readonly unit: string | undefined;
  /** Its label in the sweep file, if it has one: figures show it instead of the name. */
  readonly label: string | undefined;
}

/** A complete sweep folder, as its figures read it. */
export interface SweepFolder {
  readonly folder: string;
  readonly manifest: SweepManifest;
  readonly model: string;
  /** The scenario swept; undefined for the base model. */
  readonly scenario: string | undefined;
  readonly sampler: string;
  /** Sobol' base points, Morris trajectories, or runs (null for a grid). */
  readonly n: number | null;
  readonly outputs: readonly SweepOutput[];
}

export const SWEEP_KINDS = ['fan', 'sobol', 'morris', 'peak-years'] as const;
export type SweepKind = (typeof SWEEP_KINDS)[number];

/** What a kind needs an output to record: fan its yearly values, peak-years its peak; the indices take any. */
const NEEDS: Record<SweepKind, OutputRecord | undefined> = { fan: 'series', sobol: undefined, morris: undefined, 'peak-years': 'peak' };

export function openSweepFolder(folder: string): SweepFolder {
  const manifest = readCompleteManifest(folder);
  const design = manifest.design as {
    model?: { name?: string };
    scenario?: string | null;
    sampler?: string;
    n?: number | null;
    outputs?: readonly { name: string; record: readonly OutputRecord[]; years: readonly [number, number] }[];
  };
  return {
    folder,
    manifest,
    model: design.model?.name ?? 'sweep',
    scenario: design.scenario ?? undefined,
    sampler: design.sampler ?? 'unknown',
    n: design.n ?? null,
    outputs: (design.outputs ?? []).map(({ name, record, years }) => ({ name, record, years, unit: manifest.units?.[name], label: manifest.labels?.outputs[name] })),
  };
}

/** The kinds of figure a sweep can give: fan and peak-years by what its outputs record, sobol or morris by its sampler. */
export function sweepKinds(sweep: SweepFolder): SweepKind[] {
  return SWEEP_KINDS.filter((kind) => {
    const need = NEEDS[kind];
    return need === undefined ? sweep.sampler === kind : sweep.outputs.some((output) => output.record.includes(need));
  });
}

/** The output to draw: the one named, which must record what the kind needs, or the first that does. */
export function sweepOutput(sweep: SweepFolder, kind: SweepKind, name: string | undefined): SweepOutput {
  const need = NEEDS[kind];
  const fitting = sweep.outputs.filter((output) => need === undefined || output.record.includes(need));
  if (name === undefined) return fitting[0];
  const output = sweep.outputs.find((candidate) => candidate.name === name);
  if (!output) throw new UsageError(`unknown output: ${name} (outputs: ${sweep.outputs.map((candidate) => candidate.name).join(', ')})`);
  if (!fitting.includes(output)) {
    throw new UsageError(`--kind ${kind} needs an output recorded with ${need}; ${name} records ${output.record.join(', ')} (outputs with ${need}: ${fitting.map((candidate) => candidate.name).join(', ')})`);
  }
  return output;
}

/** An output's unit, which a figure must state: a folder that does not record it cannot give that figure. */
export function outputUnit(sweep: SweepFolder, output: SweepOutput): string {
  if (output.unit !== undefined) return output.unit;
  throw new UsageError(`${sweep.folder} does not record the unit of ${output.name} (it was written by an older metabolis): run the sweep again to plot it`);
}
