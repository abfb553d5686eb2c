import { findPeak, totalOverItems } from '../../engine/analysis/peaks.js';
import type { Solution } from '../../engine/simulate/solution.js';
import { flowNamer } from '../adapters/displayName.js';
import { solutionWastePeakInput, wastePeakSeries, type FlowLook, type SavedRun } from '../adapters/index.js';
import { seriesQuantity } from '../adapters/seriesRef.js';
import { wastePeakSvg } from '../charts/waste-peak.js';
import { figureBlock, type ReportSection } from './figureBlock.js';
import { h, text, textTable } from './html.js';
import { peakText } from './peakText.js';

/**
 * Waste generated per year in every run that succeeded, its peak marked (censored at the ends of
 * the horizon, near ties within `tolerance`), then the peaks in a table, and per waste stream.
 * None for a model without waste streams, or for a saved run that did not record which streams
 * make up its waste generated.
 */
export function wasteSection(runs: readonly (Solution | SavedRun)[], flows: readonly FlowLook[], tolerance: number): ReportSection | undefined {
  if (runs.length === 0 || ('wasteGeneration' in runs[0] && runs[0].wasteGeneration === undefined)) return undefined;
  const streams = runs.map((run) => wastePeakSeries(run, undefined));
  if (streams[0].length === 0) return undefined;
  const input = solutionWastePeakInput(runs, { flows });
  const figure = wastePeakSvg(input, { width: 'double', tolerance });
  const { years, unit } = input;
  const horizon = `${years[0]}–${years[years.length - 1]}`;
  const peaks = figure.peaks.map(({ scenario, peak }) => `${scenario}: ${peakText(peak, unit)}`);
  const caption = `Waste generated per year, ${horizon}, in ${runs.length === 1 ? 'one scenario' : `${runs.length} scenarios`}. ${peaks.join('. ')}.`;

  const flowName = flowNamer(flows);
  const names = streams[0].map((part) => seriesQuantity(part, { flow: flowName }));
  const streamPeak = (r: number, s: number) => {
    const part = streams[r][s];
    return peakText(findPeak(totalOverItems(part.values, part.values.length / years.length), years, 0, 1, { tolerance }), part.unit);
  };
  const html =
    h('p', { class: 'lead' }, text(`The waste generated is the sum of ${names.join(', ')}: the waste streams at the head of their chains, so that no mass is counted twice on its way to treatment.`)) +
    figureBlock({ file: 'waste-peaks', svg: figure.svg, alt: `Chart of waste generated per year, ${horizon}`, caption }) +
    textTable(`Peak of waste generated (another hump within ${formatShare(tolerance)} of the peak is a near tie)`, ['scenario', 'peak'], figure.peaks.map(({ scenario, peak }) => [scenario, peakText(peak, unit)])) +
    h(
      'details',
      {},
      h('summary', {}, 'Peaks of each waste stream'),
      textTable('Peak of each waste stream, per scenario', ['stream', ...input.scenarios.map((scenario) => scenario.name)], names.map((name, s) => [name, ...runs.map((_, r) => streamPeak(r, s))])),
    );
  return { id: 'waste', title: 'Waste generated', html };
}

function formatShare(share: number): string {
  return `${Number((share * 100).toPrecision(3))} %`;
}
