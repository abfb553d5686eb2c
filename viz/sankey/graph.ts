import { OUTSIDE } from '../../engine/definition/types.js';
import { OptionsError, nearestNames } from '../../engine/errors.js';
import type { ItemValues, SankeyInput } from './input.js';
import { describePeriod } from '../figure/period.js';


export interface ValuePart {
  /** The dimension item, or undefined for a flow given as a total. */
  readonly item: string | undefined;
  readonly value: number;
}

export interface GraphNode {
  readonly key: string;
  readonly label: string;
  /** Imports are boundary sources (left), exports boundary sinks (right). */
  readonly kind: 'process' | 'import' | 'export';
  readonly stage: number | undefined;
  readonly order: number | undefined;
  /** Total in and out over every flow with a value, drawn or hidden. */
  readonly inflow: number;
  readonly outflow: number;
  readonly stock: GraphStock | undefined;
  /** inflow − outflow − stock change: mass that the figure's numbers do not account for. */
  readonly residual: number;
}

export interface GraphStock {
  readonly name: string | undefined;
  readonly level: number | undefined;
  readonly changeSd: number | undefined;
  /** Net change over all items: positive is a net addition. */
  readonly change: number;
  /** Items the stock gained (values positive). */
  readonly additions: readonly ValuePart[];
  /** Items the stock released (values positive: the amounts released). */
  readonly releases: readonly ValuePart[];
}

export interface GraphLink {
  /** Its index in the input's flows. */
  readonly flow: number;
  readonly source: number;
  readonly target: number;
  readonly label: string | undefined;
  readonly parts: readonly ValuePart[];
  readonly total: number;
  /** Standard deviation of the total, when the input gives one. */
  readonly sd: number | undefined;
}

export interface SankeyGraph {
  readonly nodes: readonly GraphNode[];
  /** Flows that are drawn: a positive total of at least `minFlow`. */
  readonly links: readonly GraphLink[];
  /** Flows with a positive total below `minFlow`. */
  readonly hiddenFlows: number;
  /** Dimension items in legend order: the declared order, then first appearance. */
  readonly items: readonly string[];
}

function valueParts(values: ItemValues, option: string, allowNegative: boolean): ValuePart[] {
  const entries: [string | undefined, number][] = typeof values === 'number' ? [[undefined, values]] : Object.entries(values);
  const parts: ValuePart[] = [];
  for (const [item, value] of entries) {
    if (!Number.isFinite(value) || (!allowNegative && value < 0)) {
      throw new OptionsError(`${option}${item === undefined ? '' : `.${item}`}`, `must be a finite${allowNegative ? '' : ', non-negative'} number (got ${value})`);
    }
    if (value !== 0) parts.push({ item, value });
  }
  return parts;
}

function checkedSd(sd: number | undefined, option: string): number | undefined {
  if (sd !== undefined && !(sd >= 0 && sd < Infinity)) throw new OptionsError(option, `must be a finite, non-negative number (got ${sd})`);
  return sd;
}

export function partsTotal(parts: readonly ValuePart[]): number {
  let total = 0;
  for (const part of parts) total += part.value;
  return total;
}

function unknownProcess(option: string, name: string, known: Iterable<string>): OptionsError {
  const nearest = nearestNames(name, known);
  const hint = nearest.length > 0 ? ` (did you mean ${nearest.map((n) => `'${n}'`).join(', ')}?)` : '';
  return new OptionsError(option, `must name a process or '${OUTSIDE}': unknown process: ${name}${hint}`);
}

interface MutableNode {
  key: string;
  label: string;
  kind: GraphNode['kind'];
  stage: number | undefined;
  order: number | undefined;
  inflow: number;
  outflow: number;
  stock: GraphStock | undefined;
}

/**
 * Resolves names, splits values into parts by item, adds one boundary node per import or export
 * label, and computes every node's balance from all flows, including those too small to draw.
 */
export function buildSankeyGraph(input: SankeyInput, minFlow: number): SankeyGraph {
  const nodes: MutableNode[] = [];
  const indexOf = new Map<string, number>();
  input.processes.forEach((process, i) => {
    if (process.name === OUTSIDE || indexOf.has(process.name)) {
      throw new OptionsError(`processes[${i}].name`, `must be unique and not '${OUTSIDE}' (got ${process.name})`);
    }
    if (process.stage !== undefined && !(Number.isInteger(process.stage) && process.stage >= 0)) {
      throw new OptionsError(`processes[${i}].stage`, `must be a column: an integer of at least 0 (got ${process.stage})`);
    }
    indexOf.set(process.name, nodes.length);
    nodes.push({ key: process.name, label: process.label ?? process.name, kind: 'process', stage: process.stage, order: process.order, inflow: 0, outflow: 0, stock: undefined });
  });
  const processNames = [...indexOf.keys()];

  const boundaryNode = (kind: 'import' | 'export', label: string): number => {
    const key = `${OUTSIDE}:${kind}:${label}`;
    let index = indexOf.get(key);
    if (index === undefined) {
      index = nodes.length;
      indexOf.set(key, index);
      nodes.push({ key, label, kind, stage: undefined, order: undefined, inflow: 0, outflow: 0, stock: undefined });
    }
    return index;
  };
  const endpoint = (name: string, option: string, boundary: 'import' | 'export', label: string | undefined): number => {
    if (name === OUTSIDE) return boundaryNode(boundary, label ?? (boundary === 'import' ? 'Imports' : 'Exports'));
    const index = indexOf.get(name);
    if (index === undefined || nodes[index].kind !== 'process') throw unknownProcess(option, name, processNames);
    return index;
  };

  const links: GraphLink[] = [];
  const items: string[] = [...(input.dimension?.items ?? [])];
  const noteItems = (parts: readonly ValuePart[]) => {
    for (const { item } of parts) if (item !== undefined && !items.includes(item)) items.push(item);
  };
  let hiddenFlows = 0;
  input.flows.forEach((flow, i) => {
    if (flow.from === OUTSIDE && flow.to === OUTSIDE) throw new OptionsError(`flows[${i}]`, `must touch a process (got ${OUTSIDE} -> ${OUTSIDE})`);
    const source = endpoint(flow.from, `flows[${i}].from`, 'import', flow.label);
    const target = endpoint(flow.to, `flows[${i}].to`, 'export', flow.label);
    const parts = valueParts(flow.value, `flows[${i}].value`, false);
    const total = partsTotal(parts);
    nodes[source].outflow += total;
    nodes[target].inflow += total;
    if (total === 0) return;
    if (total < minFlow) {
      hiddenFlows++;
      return;
    }
    noteItems(parts);
    links.push({ flow: i, source, target, label: flow.label, parts, total, sd: checkedSd(flow.sd, `flows[${i}].sd`) });
  });

  (input.stocks ?? []).forEach((stock, i) => {
    const index = indexOf.get(stock.process);
    if (index === undefined || nodes[index].kind !== 'process') throw unknownProcess(`stocks[${i}].process`, stock.process, processNames);
    if (nodes[index].stock) throw new OptionsError(`stocks[${i}].process`, `must name a process without another stock (got ${stock.process})`);
    if (stock.level !== undefined && !Number.isFinite(stock.level)) throw new OptionsError(`stocks[${i}].level`, `must be a finite number (got ${stock.level})`);
    const parts = valueParts(stock.change, `stocks[${i}].change`, true);
    const released = stock.releases === undefined ? [] : valueParts(stock.releases, `stocks[${i}].releases`, false);
    noteItems(parts);
    noteItems(released);
    const additions = parts.filter((part) => part.value > 0);
    const releases = [...parts.filter((part) => part.value < 0).map((part) => ({ item: part.item, value: -part.value })), ...released];
    nodes[index].stock = { name: stock.name, level: stock.level, changeSd: checkedSd(stock.changeSd, `stocks[${i}].changeSd`), change: partsTotal(parts) - partsTotal(released), additions, releases };
  });

  // Nothing to draw: the layout would scale zero mass onto the node area.
  if (links.length === 0 && nodes.every((node) => !node.stock || (node.stock.additions.length === 0 && node.stock.releases.length === 0))) {
    throw new OptionsError('flows', `must hold one of at least minFlow (${minFlow}) and above zero: nothing moves in ${describePeriod(input.period)}`);
  }

  const finished = nodes.map((node): GraphNode => ({
    ...node,
    residual: node.kind === 'process' ? node.inflow - node.outflow - (node.stock?.change ?? 0) : 0,
  }));
  return { nodes: finished, links, hiddenFlows, items };
}

/** Whether a diagram of `input` has a band to draw: a flow of at least `minFlow` and above zero, or a stock that changes. */
export function sankeyHasBands(input: SankeyInput, minFlow = 0): boolean {
  const total = (values: ItemValues) => (typeof values === 'number' ? Math.abs(values) : Object.values(values).reduce((sum, value) => sum + Math.abs(value), 0));
  return input.flows.some((flow) => total(flow.value) > 0 && total(flow.value) >= minFlow) || (input.stocks ?? []).some((stock) => total(stock.change) > 0 || (stock.releases !== undefined && total(stock.releases) > 0));
}
