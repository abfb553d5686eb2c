import { join } from 'node:path';
import type { ModelDefinition } from '../../engine/definition/types.js';
import type { Solution } from '../../engine/simulate/solution.js';
import { solutionEmissionsInput, solutionSankeyInput, solutionWastePeakInput, wastePeakSeries } from '../../viz/adapters/index.js';
import { emissionsSvg, sankeyHasBands, sankeySvg, wastePeakSvg } from '../../viz/index.js';
import { writeFigure, type FigureFormat } from './figureFile.js';

export interface RunFigureOptions {
  /** Year of the Sankey diagram; default the middle year of the run. */
  readonly year?: number;
  /** Default SVG and PNG. */
  readonly formats?: readonly FigureFormat[];
  /** PNG resolution; default 300. */
  readonly dpi?: number;
  /** Waste-peak chart: another hump within this share of the peak is marked as a near tie (default 0). */
  readonly tolerance?: number;
}

/** The year a Sankey diagram of a run shows unless told otherwise: the middle of the horizon (the earlier of two). */
export function middleYear(years: readonly number[]): number {
  return years[Math.floor((years.length - 1) / 2)];
}

/**
 * The figures `metabolis run` leaves in its results folder: sankey.<format> of one year (unless
 * nothing moves in it), waste-peaks.<format> of the waste generated (when the model has any) and
 * emissions.<format> by route (when the model has emissions). Returns the paths written and, for
 * a figure left out, why.
 */
export async function writeRunFigures(directory: string, definition: ModelDefinition, solution: Solution, options: RunFigureOptions = {}): Promise<{ written: string[]; notes: string[] }> {
  const year = options.year ?? middleYear(solution.years);
  const sankeyInput = solutionSankeyInput(solution, { period: { year }, processes: definition.processes, flows: definition.flows });
  const figures: [string, string][] = [];
  const notes: string[] = [];
  if (sankeyHasBands(sankeyInput)) figures.push(['sankey', sankeySvg(sankeyInput).svg]);
  else notes.push(`no Sankey diagram: nothing flows in ${year} (metabolis sankey --year draws another year)`);
  // A model with no waste stream and no stock to discard from has no waste-peak chart.
  if (wastePeakSeries(solution, undefined).length > 0) figures.push(['waste-peaks', wastePeakSvg(solutionWastePeakInput([solution], { flows: definition.flows }), { tolerance: options.tolerance }).svg]);
  if (solution.emissions) figures.push(['emissions', emissionsSvg(solutionEmissionsInput(solution)).svg]);
  const written: string[] = [];
  for (const format of options.formats ?? ['svg', 'png']) {
    for (const [name, svg] of figures) {
      const path = join(directory, `${name}.${format}`);
      await writeFigure(path, svg, options.dpi);
      written.push(path);
    }
  }
  return { written, notes };
}
