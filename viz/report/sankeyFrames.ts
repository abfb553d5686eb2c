import { OUTSIDE } from '../../engine/definition/types.js';
import type { Solution } from '../../engine/simulate/solution.js';
import { solutionSankeyInputs, type FlowLook, type ProcessLook } from '../adapters/index.js';
import type { ItemValues, SankeyInput } from '../sankey/input.js';
import { envelopes, valuesOf } from './sankeyEnvelope.js';
import { sankeySvg } from '../sankey/sankey-svg.js';
import { subtitleParts } from '../figure/header.js';
import { describePeriod, rateSuffix } from '../figure/period.js';
import { escapeXml } from '../svg/format.js';

/** A flow of the interactive diagram: `data-flow` of its bands is its index. */
export interface FrameFlow {
  readonly id: string;
  readonly name: string;
  readonly from: string;
  readonly to: string;
  /** Its first value in a frame; a flow split by item has one per legend item. */
  readonly slot: number;
  readonly split: boolean;
}

/** A stock of the interactive diagram: `data-stock` of its bands is its process. */
export interface FrameStock {
  readonly process: string;
  /** The stock's name in the model, and as figures show it. */
  readonly id: string;
  readonly name: string;
  /** Its first net change in a frame (positive: added); one per legend item when split. */
  readonly slot: number;
  readonly split: boolean;
  /** Its level at the end of the year. */
  readonly levelSlot: number;
}

/**
 * A Sankey diagram that a page redraws for any year and scenario without moving anything: the
 * SVG of one layout, and per run the values of every band in every year. The layout is that of
 * the envelope, each band at the largest value it takes in any year of any run, so every band
 * fits its place in every frame; a frame only sets band widths (value × scale).
 */
export interface SankeyFrames {
  readonly svg: string;
  /** Band width per mass unit, in the SVG's points. */
  readonly pointsPerUnit: number;
  /** Narrowest band drawn, in points, as the static figures draw it. */
  readonly minWidth: number;
  /** Mass unit; flows are per year. */
  readonly unit: string;
  readonly years: readonly number[];
  /** The scenario each run states ('base model' for none). */
  readonly scenarios: readonly string[];
  /** Legend items (colour categories), `data-item` of a band is its index. */
  readonly items: readonly string[];
  readonly flows: readonly FrameFlow[];
  readonly stocks: readonly FrameStock[];
  /** Values per year. */
  readonly slots: number;
  /** Per run: `values[run][t * slots + slot]`. */
  readonly values: readonly Float64Array[];
}

export interface SankeyFrameOptions {
  /** The model's processes and flows, for labels and stages. */
  readonly processes?: readonly ProcessLook[];
  readonly flows?: readonly FlowLook[];
}

/** Narrowest band, as sankeySvg draws it by default. */
const MIN_WIDTH = 0.6;

/**
 * The frames of successful runs of one model (one per scenario), each year drawn as
 * solutionSankeyInput draws it for the static figures, colour categories chosen over all runs.
 */
export function sankeyFrames(solutions: readonly Solution[], options: SankeyFrameOptions = {}): SankeyFrames {
  const { years, unit } = solutions[0];
  const periods = years.map((year) => ({ year }));
  const inputs = solutions.map((solution) => solutionSankeyInputs(solution, periods, { processes: options.processes, flows: options.flows, colourRuns: solutions }));
  const first = inputs[0][0];
  const items = first.dimension?.items ?? [];

  // Each frame's values as arrays in the legend's order, converted once.
  const frameValues = inputs.map((frames) =>
    frames.map((input) => ({
      flows: new Map(input.flows.map((flow) => [flow.id!, valuesOf(flow.value, items)])),
      stocks: new Map((input.stocks ?? []).map((stock) => [stock.process, { change: valuesOf(stock.change, items), level: stock.level }])),
    })),
  );
  const { byId, stocksByProcess } = envelopes(inputs.flat(), frameValues.flat());

  // The model's order of flows, those with a value in some frame.
  const flowIds = solutions[0].flows.map((flow) => flow.id).filter((id) => byId.has(id));
  const processLabel = new Map(first.processes.map((process) => [process.name, process.label ?? process.name]));
  const endName = (name: string, label: string | undefined) => (name === OUTSIDE ? (label ?? name) : processLabel.get(name)!);
  const modelLabel = new Map((options.flows ?? []).flatMap((flow) => (flow.label === undefined ? [] : [[flow.id, flow.label] as const])));
  let slots = 0;
  const flows: FrameFlow[] = flowIds.map((id) => {
    const { from, to, label, split, envelope } = byId.get(id)!;
    const slot = slots;
    slots += envelope.length;
    return { id, name: modelLabel.get(id) ?? `${endName(from, label)} → ${endName(to, label)}`, from: endName(from, label), to: endName(to, label), slot, split };
  });
  const stockProcesses = [...stocksByProcess.keys()];
  const stockSlots = stockProcesses.map((process) => {
    const slot = slots;
    slots += stocksByProcess.get(process)!.additions.length;
    return slot;
  });
  const stocks: FrameStock[] = stockProcesses.map((process, s) => {
    const { name, split } = stocksByProcess.get(process)!;
    const id = solutions[0].stocks.find((stock) => stock.process === process)!.name;
    return { process, id, name, slot: stockSlots[s], split, levelSlot: slots + s };
  });
  slots += stocks.length;

  const split = (values: readonly number[], isSplit: boolean): ItemValues => (isSplit ? Object.fromEntries(items.map((item, k) => [item, values[k]])) : values[0]);
  const scenarios = solutions.map((solution) => solution.scenario ?? 'base model');
  const envelope: SankeyInput = {
    ...first,
    // The longest name, so that the header keeps room for any the page writes into it.
    scenario: scenarios.reduce((longest, name) => (name.length > longest.length ? name : longest)),
    flows: flowIds.map((id) => {
      const { from, to, label, split: isSplit, envelope: values } = byId.get(id)!;
      return { id, from, to, value: split(values, isSplit), ...(label === undefined ? {} : { label }) };
    }),
    stocks: stocks.map(({ process, name, split: isSplit }) => {
      const { additions, releases } = stocksByProcess.get(process)!;
      return { process, name, change: split(additions, isSplit), releases: split(releases, isSplit), level: 0 };
    }),
  };
  // The envelope's values are maxima of different years, so its processes need not balance: no imbalance is drawn.
  const figure = sankeySvg(envelope, { width: 'double', minWidth: MIN_WIDTH, labelValues: false, tagBands: true, imbalanceTolerance: Number.MAX_VALUE });

  const values = frameValues.map((frames) => {
    const table = new Float64Array(years.length * slots);
    frames.forEach((frame, t) => {
      const row = t * slots;
      for (const flow of flows) {
        const value = frame.flows.get(flow.id);
        if (value !== undefined) table.set(value, row + flow.slot);
      }
      for (const stock of stocks) {
        const { change, level } = frame.stocks.get(stock.process)!;
        table.set(change, row + stock.slot);
        table[row + stock.levelSlot] = level ?? Number.NaN;
      }
    });
    return table;
  });

  return {
    svg: markSubtitle(figure.svg, envelope),
    pointsPerUnit: 1 / figure.unitsPerPoint,
    minWidth: MIN_WIDTH,
    unit,
    years,
    scenarios,
    items,
    flows,
    stocks,
    slots,
    values,
  };
}

/**
 * Marks the subtitle ("2030 · scenario baseline · flows in t/yr") with `data-subtitle`, so that
 * the page can state the year and scenario it shows. A subtitle wrapped over several lines is
 * left unmarked: the page states them above the figure as well.
 */
function markSubtitle(svg: string, input: SankeyInput): string {
  const subtitle = escapeXml(subtitleParts(describePeriod(input.period), `scenario ${input.scenario}`, `flows in ${input.unit}${rateSuffix(input.period)}`));
  const at = svg.indexOf(`>${subtitle}</text>`);
  if (at < 0) return svg;
  const start = svg.lastIndexOf('<text', at);
  return `${svg.slice(0, start)}<text data-subtitle=""${svg.slice(start + '<text'.length)}`;
}
