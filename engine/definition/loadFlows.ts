import { unknownNameError } from '../errors.js';
import { literalNumber } from './decimal.js';
import type { LoadContext } from './loadContext.js';
import type { RawFlow } from './schema.js';
import { childPath } from './sourceMap.js';
import { OUTSIDE, type FlowDefinition } from './types.js';

/**
 * Flows by kind, with the checks that need only names: endpoints exist, one kind per flow,
 * one rest per process, demand only into a stock-driven process, unique ids. That constant
 * shares sum to 1 and that units fit is the compiler's to check.
 */
export function loadFlows(flows: readonly RawFlow[], processes: readonly string[], stockDriven: ReadonlySet<string>, context: LoadContext): FlowDefinition[] {
  const endpoints = [OUTSIDE, ...processes];
  const restOf = new Map<string, string>();
  const balanceOf = new Map<string, string>();
  const ids = new Map<string, { path: string; explicit: boolean }>();
  return flows.map((raw, index): FlowDefinition => {
    const path = childPath('flows', index);
    for (const end of ['from', 'to'] as const) {
      if (!endpoints.includes(raw[end])) throw unknownNameError('process', raw[end], endpoints, context.at(childPath(path, end)));
    }
    const defaultId = `${raw.from}->${raw.to}`;
    if (raw.from === OUTSIDE && raw.to === OUTSIDE) throw context.fail(`invalid flow: ${defaultId}`, path, 'a flow goes into or out of a process; outside to outside moves nothing in the model');
    const given = (['value', 'share', 'demand', 'balance'] as const).filter((key) => raw[key] !== undefined);
    if (given.length !== 1) {
      throw context.fail(
        `invalid flow: ${defaultId} needs exactly one of value, share, demand and balance`,
        path,
        given.length === 0 ? 'say how much flows: value: "…", share: …, demand: true or balance: "…"' : `it gives ${given.join(' and ')}; keep one`,
      );
    }
    const id = raw.id ?? defaultId;
    const previous = ids.get(id);
    if (previous) {
      const hint = previous.explicit || raw.id !== undefined ? 'flow ids must be unique' : `two flows go from ${raw.from} to ${raw.to}; give them ids (id: …) to tell them apart`;
      throw context.fail(`duplicate flow id: ${id}`, raw.id === undefined ? path : childPath(path, 'id'), `${hint} (the other is ${previous.path})`);
    }
    ids.set(id, { path, explicit: raw.id !== undefined });
    const flow = { id, from: raw.from, to: raw.to, waste: raw.waste === true, label: raw.label, tags: [...new Set(raw.tags ?? [])], path };
    if (raw.demand) {
      if (!stockDriven.has(raw.to)) {
        throw context.fail(`invalid demand flow: ${id} goes into ${raw.to}, which has no stock-driven stock`, childPath(path, 'demand'), 'a demand flow carries the inflow a stock-driven stock needs; use value or share for other flows');
      }
      return { ...flow, kind: 'demand', expression: undefined };
    }
    if (raw.balance !== undefined) {
      if (raw.from !== OUTSIDE) throw context.fail(`invalid balance flow: ${id} comes from ${raw.from}`, childPath(path, 'balance'), 'a balance flow is an import: it comes from outside and makes up what the other inflows of its process leave short');
      if (stockDriven.has(raw.to)) throw context.fail(`invalid balance flow: ${id} goes into ${raw.to}, which a demand flow feeds`, childPath(path, 'balance'), 'a stock-driven process takes its demand flow only');
      const other = balanceOf.get(raw.to);
      if (other) throw context.fail(`two balance flows into ${raw.to}: ${other} and ${id}`, childPath(path, 'balance'), 'one flow per process makes up its total; give the other a value');
      balanceOf.set(raw.to, id);
      return { ...flow, kind: 'balance', expression: String(raw.balance) };
    }
    if (raw.value !== undefined) {
      const literal = literalNumber(raw.value);
      if (literal !== undefined && literal < 0) throw context.fail(`negative value in flow ${id} (${literal})`, childPath(path, 'value'), 'a flow moves mass from `from` to `to`; reverse the flow instead');
      return { ...flow, kind: 'value', expression: String(raw.value) };
    }
    const share = raw.share!;
    if (raw.from === OUTSIDE) throw context.fail(`invalid flow: ${id} is a share of outside`, childPath(path, 'share'), 'outside has no outflow to share; give imports as value: "…"');
    if (share === 'rest') {
      const other = restOf.get(raw.from);
      if (other) throw context.fail(`two rest shares out of ${raw.from}: ${other} and ${id}`, childPath(path, 'share'), 'one share per process may be rest; give the others as numbers or expressions');
      restOf.set(raw.from, id);
      return { ...flow, kind: 'rest', expression: undefined };
    }
    const literal = literalNumber(share);
    if (literal !== undefined && !(literal >= 0 && literal <= 1)) {
      throw context.fail(`invalid share: ${literal} in flow ${id} is not within [0, 1]`, childPath(path, 'share'), 'a share is the fraction of the source process outflow, between 0 and 1');
    }
    return { ...flow, kind: 'share', expression: String(share) };
  });
}
