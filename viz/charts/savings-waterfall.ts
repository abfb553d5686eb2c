import { scaleLinear } from 'd3-scale';
import { OptionsError } from '../../engine/errors.js';
import { xAxisSvg } from '../axes/axis.js';
import type { Figure } from '../figure/figure.js';
import { subtitleParts } from '../figure/header.js';
import { BOUNDARY_FILL, INK, MUTED_INK, ROLE_COLORS } from '../figure/palette.js';
import { displayUnit, formatNumber } from '../figure/quantity.js';
import { FONT_SIZE, figureWidthPoints } from '../figure/size.js';
import { blockHeight, blockSvg, textBlock } from '../labels/text-block.js';
import { wrapText } from '../labels/wrap.js';
import { element, pathData, textElement } from '../svg/element.js';
import { TEXT_ASCENT, TEXT_DESCENT, textWidth } from '../text/measure.js';
import { chartFrame, type ChartOptions } from './chart-frame.js';

/** What one route saves, split into its three effects (positive: less CO2e in the scenario). */
export interface SavingsStep {
  readonly label: string;
  /** The route's colour in the model's figures, shown beside its name. */
  readonly color: string;
  readonly scale: number;
  readonly mix: number;
  readonly intensity: number;
}

export interface SavingsWaterfallInput {
  readonly title: string;
  /** "t CO2e" for totals over a span, "t CO2e/yr" for one year. */
  readonly unit: string;
  /** What the numbers cover: "2015–2060, total". */
  readonly period: string;
  readonly baseline: { readonly name: string; readonly net: number };
  readonly scenario: { readonly name: string; readonly net: number };
  readonly steps: readonly SavingsStep[];
  /** How the gases are weighed into CO2e: "GWP100 AR5". */
  readonly gwp: string;
  readonly notes?: readonly string[];
}

export const EFFECTS = [
  { key: 'scale', label: 'waste generated (scale)' },
  { key: 'mix', label: 'waste moved between routes (mix)' },
  { key: 'intensity', label: 'emissions per tonne (intensity)' },
] as const;

const SUB_BAR = 4;
const TOTAL_BAR = 9;
const ROW_GAP = 6;
const SWATCH = 5;
const VALUE_GAP = 3;

interface Row {
  readonly lines: readonly string[];
  readonly color: string | undefined;
  readonly height: number;
  /** Net emissions before and after the row, and the intermediate positions of a route's effects. */
  readonly positions: readonly number[];
  readonly value: string;
}

/**
 * The saving of a scenario against a baseline as a horizontal waterfall: the baseline's net
 * emissions on top, then one row per route moving the net by what that route saves (to the left
 * when the scenario emits less or avoids more), and the scenario's net emissions at the bottom.
 * Each route's row is three thin steps, one per effect of the decomposition (scale, mix,
 * intensity), which sum to the route's change; the number beside the row is that change.
 */
export function savingsWaterfallSvg(input: SavingsWaterfallInput, options: ChartOptions = {}): Figure {
  if (input.steps.length === 0) throw new OptionsError('steps', 'must hold at least one route');
  const values = [input.baseline.net, input.scenario.net, ...input.steps.flatMap((step) => [step.scale, step.mix, step.intensity])];
  if (!values.every(Number.isFinite)) throw new OptionsError('steps', 'must hold finite numbers, as must both nets');
  const saved = input.steps.reduce((sum, step) => sum + step.scale + step.mix + step.intensity, 0);
  const magnitude = Math.max(...values.map(Math.abs));
  if (Math.abs(input.baseline.net - saved - input.scenario.net) > 1e-9 * magnitude) {
    throw new OptionsError('steps', `must lead from the baseline's net to the scenario's: ${input.baseline.net} − ${saved} is not ${input.scenario.net}`);
  }

  const shown = displayUnit(magnitude, input.unit);
  const size = FONT_SIZE.label;
  // Route names take at most about a third of the width, wrapping onto more lines beyond it.
  const labelWidth = 0.36 * figureWidthPoints(options.width ?? 'single');
  const lineHeight = (lines: readonly string[]) => blockHeight(textBlock(lines, size));
  const rows: Row[] = [];
  const total = (name: string, role: string, net: number): Row => {
    const lines = wrapText(`${name} (${role})`, labelWidth, size);
    return { lines, color: undefined, height: Math.max(TOTAL_BAR, lineHeight(lines)), positions: [0, net], value: formatNumber(net / shown.factor) };
  };
  rows.push(total(input.baseline.name, 'baseline', input.baseline.net));
  let net = input.baseline.net;
  for (const step of input.steps) {
    const positions = [net];
    for (const { key } of EFFECTS) positions.push((net -= step[key]));
    const lines = wrapText(step.label, labelWidth - SWATCH - 3, size);
    const change = positions[3] - positions[0];
    rows.push({ lines, color: step.color, height: Math.max(3 * SUB_BAR, lineHeight(lines)), positions, value: `${change > 0 ? '+' : ''}${formatNumber(change / shown.factor)}` });
  }
  rows.push(total(input.scenario.name, 'scenario', input.scenario.net));

  const all = rows.flatMap((row) => row.positions);
  const x = scaleLinear().domain([Math.min(0, ...all) / shown.factor, Math.max(0, ...all) / shown.factor || 1]).nice();
  const plotHeight = rows.reduce((sum, row) => sum + row.height + ROW_GAP, ROW_GAP);
  const legend = [{ title: 'Effect', entries: EFFECTS.map(({ key, label }) => ({ label, color: ROLE_COLORS[key], mark: 'swatch' as const })) }];
  const notes = [
    `Each route's change in net emissions (the number beside it, in ${shown.unit}) is split by LMDI into its scale, mix and intensity effects, which sum to it; a step to the left is a saving. A credit saves when the scenario avoids more.`,
    ...(input.notes ?? []),
  ].map((text) => ({ text }));
  const frame = chartFrame({
    title: input.title,
    subtitle: subtitleParts(input.period, `${input.scenario.name} against ${input.baseline.name}`, `CO2e by ${input.gwp}`),
    options: { ...options, plotHeight: options.plotHeight ?? plotHeight },
    leftWidth: labelWidth + 4,
    rightWidth: Math.max(...rows.map((row) => textWidth(row.value, size))) + VALUE_GAP + 2,
    legend,
    notes,
  });
  const { plot } = frame;
  x.range([plot.x0, plot.x1]);
  const at = (value: number) => x(value / shown.factor);

  let bars = '';
  let connectors = '';
  let labels = '';
  let top = plot.y0 + ROW_GAP;
  rows.forEach((row, r) => {
    const middle = top + row.height / 2;
    const block = textBlock(row.lines, size, 'end');
    const baseline = middle - blockHeight(block) / 2 + TEXT_ASCENT * size;
    labels += blockSvg(block, plot.x0 - 4 - (row.color ? SWATCH + 3 : 0), baseline);
    if (row.color) labels += element('rect', { x: plot.x0 - 4 - SWATCH, y: middle - SWATCH / 2, width: SWATCH, height: SWATCH, fill: row.color });
    const isTotal = row.positions.length === 2;
    if (isTotal) {
      const [a, b] = [at(0), at(row.positions[1])];
      bars += element('rect', { x: Math.min(a, b), y: middle - TOTAL_BAR / 2, width: Math.abs(b - a), height: TOTAL_BAR, fill: BOUNDARY_FILL });
    } else {
      const first = middle - (3 * SUB_BAR) / 2;
      EFFECTS.forEach(({ key }, e) => {
        const [a, b] = [at(row.positions[e]), at(row.positions[e + 1])];
        bars += element('rect', { x: Math.min(a, b), y: first + e * SUB_BAR, width: Math.abs(b - a), height: SUB_BAR, fill: ROLE_COLORS[key] });
      });
    }
    const right = Math.max(...row.positions.map(at));
    labels += textElement(row.value, { x: right + VALUE_GAP, y: middle + ((TEXT_ASCENT - TEXT_DESCENT) * size) / 2, fill: isTotal ? INK : MUTED_INK });
    // A dotted line carries the net from the end of this row to the start of the next.
    const next = rows[r + 1];
    if (next) {
      const end = at(row.positions[row.positions.length - 1]);
      connectors += pathData('M', end, middle + (isTotal ? TOTAL_BAR : 3 * SUB_BAR) / 2, 'V', top + row.height + ROW_GAP + next.height / 2 - (next.positions.length === 2 ? TOTAL_BAR : 3 * SUB_BAR) / 2) + ' ';
    }
    top += row.height + ROW_GAP;
  });
  const zero = element('path', { d: pathData('M', at(0), plot.y0, 'V', plot.y1), stroke: INK, 'stroke-width': 0.6 });
  const body =
    xAxisSvg(x, plot, { title: `Net emissions (${shown.unit})` }) +
    zero +
    bars +
    element('path', { d: connectors.trim(), stroke: MUTED_INK, 'stroke-width': 0.5, 'stroke-dasharray': '1 1', fill: 'none' }) +
    element('g', { 'font-size': size, fill: INK }, labels);
  return { svg: frame.document(body), width: frame.width, height: frame.height };
}
