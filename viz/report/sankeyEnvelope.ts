import type { ItemValues, SankeyInput } from '../sankey/input.js';

/** Item values as an array in the legend's order (one value for a flow given as a total). */
export function valuesOf(value: ItemValues, items: readonly string[]): number[] {
  return typeof value === 'number' ? [value] : items.map((item) => value[item] ?? 0);
}

interface FlowEnvelope {
  readonly from: string;
  readonly to: string;
  readonly label: string | undefined;
  readonly split: boolean;
  /** The largest value of each item in any frame. */
  readonly envelope: number[];
}

interface StockEnvelope {
  readonly name: string;
  readonly split: boolean;
  /** The largest gain and the largest loss of each item in any frame. */
  readonly additions: number[];
  readonly releases: number[];
}

export type FrameValues = { readonly flows: Map<string, number[]>; readonly stocks: Map<string, { readonly change: number[] }> };

/** Each flow's (by id) and each stock's (by process) largest values over the frames given, with their values converted alike. */
export function envelopes(inputs: readonly SankeyInput[], values: readonly FrameValues[]) {
  const byId = new Map<string, FlowEnvelope>();
  const stocksByProcess = new Map<string, StockEnvelope>();
  inputs.forEach((input, f) => {
    for (const flow of input.flows) {
      const items = values[f].flows.get(flow.id!)!;
      const entry = byId.get(flow.id!) ?? { from: flow.from, to: flow.to, label: flow.label, split: typeof flow.value !== 'number', envelope: items.map(() => 0) };
      for (let k = 0; k < items.length; k++) entry.envelope[k] = Math.max(entry.envelope[k], items[k]);
      byId.set(flow.id!, entry);
    }
    for (const stock of input.stocks ?? []) {
      const items = values[f].stocks.get(stock.process)!.change;
      const entry = stocksByProcess.get(stock.process) ?? { name: stock.name ?? stock.process, split: typeof stock.change !== 'number', additions: items.map(() => 0), releases: items.map(() => 0) };
      for (let k = 0; k < items.length; k++) {
        entry.additions[k] = Math.max(entry.additions[k], items[k]);
        entry.releases[k] = Math.max(entry.releases[k], -items[k]);
      }
      stocksByProcess.set(stock.process, entry);
    }
  });
  return { byId, stocksByProcess };
}
