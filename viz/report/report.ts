import type { FactorSource } from '../../engine/definition/loadLibraries.js';
import type { Solution } from '../../engine/simulate/solution.js';
import type { FlowLook, ProcessLook, SavedRun } from '../adapters/index.js';
import type { IndicatorDefinition, TargetDefinition } from '../../engine/definition/indicatorTypes.js';
import { emissionsSection } from './emissionsSection.js';
import { indicatorsSection } from './indicatorsSection.js';
import type { ReportSection } from './figureBlock.js';
import { overviewSection, type ReportConventions } from './overviewSection.js';
import type { ReportPage } from './page.js';
import { sankeyFrames, type SankeyFrames } from './sankeyFrames.js';
import { sankeySection } from './sankeySection.js';
import { seriesTable, type SeriesTable } from './seriesTable.js';
import { sourcesSection } from './sourcesSection.js';
import { sweepSections, type SweepReport } from './sweepSection.js';
import { tablesSection } from './tablesSection.js';
import { wasteSection } from './wasteSection.js';

/** Everything a report shows, as the CLI reads it from a model, a results folder or a sweep folder. */
export interface ReportInput {
  readonly title: string;
  /** What the report was made from, in words: "models/singapore/model.yaml, every scenario run". */
  readonly source: string;
  /** "by metabolis 0.1.0 on 2025-06-01". */
  readonly written: string;
  /** Runs of one model (a model's scenarios, or the one run of a results folder); none for a sweep. */
  readonly runs: readonly (Solution | SavedRun)[];
  /** The model's flows (labels) and, where known, its processes (labels and stages). */
  readonly flows: readonly FlowLook[];
  readonly processes?: readonly ProcessLook[];
  readonly conventions?: ReportConventions;
  /** The run emission savings are counted against. */
  readonly baseline?: string;
  /** The model folder's SOURCES.md. */
  readonly sources?: { readonly file: string; readonly markdown: string };
  readonly factorSources: readonly FactorSource[];
  /** The model's indicators and targets (a model file; a results folder keeps the indicators' series only). */
  readonly indicators?: readonly IndicatorDefinition[];
  readonly targets?: readonly TargetDefinition[];
  readonly sweep?: SweepReport;
  /** The year the Sankey diagram opens at (default: the middle year, as `metabolis run` draws it). */
  readonly year?: number;
}

/** What the page's script reads: the Sankey frames and the series, their values as base64 of little-endian Float64Arrays. */
export interface ReportData {
  readonly title: string;
  /** Names downloaded files. */
  readonly file: string;
  readonly sankey?: Omit<SankeyFrames, 'svg' | 'values'> & { readonly values: readonly string[] };
  readonly table?: Omit<SeriesTable, 'values'> & { readonly values: readonly string[] };
  /** Texts the page offers as downloads, by key. */
  readonly files: Readonly<Record<string, string>>;
}

export type Report = Omit<ReportPage, 'data'> & { readonly data: ReportData };

function base64(values: Float64Array): string {
  return Buffer.from(values.buffer, values.byteOffset, values.byteLength).toString('base64');
}

function isSolution(run: Solution | SavedRun): run is Solution {
  return 'balance' in run;
}

/**
 * The sections and data of a report. Each section appears when its data exist: the Sankey
 * diagram needs runs of the model itself (a results folder keeps no network), the waste section
 * waste streams, the emissions section an `emissions` model, the sweep sections a sweep folder.
 * Figures draw the runs that succeeded; the tables hold every run.
 */
export function buildReport(input: ReportInput): Report {
  const file = input.title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'model';
  if (input.sweep) {
    const sweep = input.sweep;
    const subtitle = `Sweep of ${sweep.model}: ${sweep.sampler}, ${sweep.runs} runs`;
    const sources = sourcesSection(input.sources, input.factorSources);
    return {
      title: input.title,
      subtitle,
      sections: [...sweepSections(sweep), ...(sources ? [sources] : [])],
      footer: footer(input),
      data: { title: input.title, file, files: { summary: sweep.summaryCsv } },
    };
  }

  const runs = input.runs;
  const succeeded = runs.filter((run) => run.status === 'success');
  const solutions = succeeded.filter(isSolution);
  const { years } = runs[0];
  const frames = solutions.length > 0 && solutions.length === succeeded.length ? sankeyFrames(solutions, { processes: input.processes, flows: input.flows }) : undefined;
  const table = seriesTable(runs);
  const scenarios = runs.length === 1 ? `${runs[0].scenario ? `scenario ${runs[0].scenario}` : 'the base model'}` : `${runs.length} scenarios`;
  const notes = runs.some((run) => !isSolution(run)) ? ['A results folder keeps no network of processes: make the report of the model file for its Sankey diagram.'] : [];
  const sections: (ReportSection | undefined)[] = [
    overviewSection(runs, { source: input.source, written: input.written, conventions: input.conventions, notes }),
    frames && sankeySection(frames, input.year ?? years[Math.floor((years.length - 1) / 2)]),
    wasteSection(succeeded, input.flows, input.conventions?.peakTolerance ?? 0),
    emissionsSection(succeeded, input.baseline),
    indicatorsSection(succeeded, input.indicators ?? [], input.targets ?? []),
    tablesSection(table),
    sourcesSection(input.sources, input.factorSources),
  ];
  return {
    title: input.title,
    subtitle: `${scenarios}, ${years[0]}–${years[years.length - 1]}`,
    sections: sections.filter((section): section is ReportSection => section !== undefined),
    footer: footer(input),
    data: {
      title: input.title,
      file,
      ...(frames ? { sankey: frameData(frames) } : {}),
      table: { ...table, values: table.values.map(base64) },
      files: {},
    },
  };
}

function frameData({ svg: _drawn, values, ...frames }: SankeyFrames): ReportData['sankey'] {
  return { ...frames, values: values.map(base64) };
}

function footer(input: ReportInput): string {
  return `Written ${input.written} from ${input.source}. This file is complete in itself: it needs no network and no other file.`;
}
