import { ModelError } from '../errors.js';
import { locate } from '../definition/locate.js';
import type { ModelDefinition } from '../definition/types.js';
import type { CompiledFlow, CompiledProcess, CompiledStock } from './compiledModel.js';

/** Shares are compared to 1 within this tolerance (they are usually typed as decimals). */
export const SHARE_TOLERANCE = 1e-9;

/**
 * Every process must send its mass somewhere the way its stock kind allows: mass must never
 * vanish silently, and a stock's outflow needs share flows to leave by.
 */
export function checkProcessRoles(definition: ModelDefinition, processes: readonly CompiledProcess[], flows: readonly CompiledFlow[], stocks: readonly CompiledStock[]): void {
  const at = (p: number) => locate(definition, definition.processes[p].path);
  for (const flow of flows) {
    if (flow.kind === 'demand' && flow.demandOf < 0) {
      throw new ModelError(
        `invalid demand flow: ${flow.id} goes into ${definition.processes[flow.to]?.name ?? 'outside'}, which has no stock-driven stock`,
        locate(definition, definition.flows[flows.indexOf(flow)].path),
        'a demand flow carries the inflow a stock-driven stock needs; use value or share for other flows',
      );
    }
  }
  processes.forEach((process, p) => {
    const stock = process.stock >= 0 ? stocks[process.stock] : undefined;
    const hasShares = process.shareOutflows.length > 0;
    if (stock === undefined) {
      if (!hasShares && process.fixedOutflows.length === 0) {
        throw new ModelError(`process ${process.name} has no outflows and no stock`, at(p), 'mass would vanish: add a flow out of it (e.g. share: 1) or a stock');
      }
      return;
    }
    if (stock.kind === 'accumulate' && hasShares) {
      throw new ModelError(
        `invalid flow: share flows out of ${process.name}, whose stock ${stock.name} accumulates everything`,
        at(p),
        'an accumulate stock keeps all it receives; give outflows such as landfill mining as value flows',
      );
    }
    if (stock.kind !== 'accumulate' && !hasShares) {
      throw new ModelError(
        `process ${process.name} has no share flows for the outflow of stock ${stock.name}`,
        at(p),
        'what leaves an inflow- or stock-driven stock is split by the share flows out of its process (e.g. share: 1 to a waste process)',
      );
    }
    if (stock.kind === 'stock-driven') {
      if (stock.demandFlow < 0) {
        throw new ModelError(`stock ${stock.name} has no demand flow`, at(p), `add a flow into ${process.name} with demand: true; it carries the inflow the stock needs`);
      }
      const other = process.inflows.find((f) => flows[f].kind !== 'demand');
      if (other !== undefined) {
        throw new ModelError(
          `invalid flow: ${flows[other].id} goes into ${process.name}, which is fed by the demand of stock ${stock.name}`,
          locate(definition, definition.flows[other].path),
          'a stock-driven process takes exactly one demand flow; route other material through the process that supplies it',
        );
      }
    }
  });
}

/** Shares that are plain numbers are checked now; shares that depend on parameters at run time. */
export function checkConstantShares(definition: ModelDefinition, processes: readonly CompiledProcess[], flows: readonly CompiledFlow[]): void {
  processes.forEach((process, p) => {
    const shares = process.shareOutflows.filter((f) => flows[f].kind === 'share');
    if (process.shareOutflows.length === 0) return;
    const constants = shares.map((f) => flows[f].bound!.expression.constantValue);
    if (constants.some((value) => value === undefined)) return;
    const sum = (constants as number[]).reduce((a, b) => a + b, 0);
    const at = locate(definition, definition.flows[process.shareOutflows[0]].path);
    if (process.restFlow < 0 && Math.abs(sum - 1) > SHARE_TOLERANCE) {
      throw new ModelError(`shares of process ${process.name} sum to ${sum}, not 1`, at, 'make the shares out of the process sum to 1, or give one of them as share: rest');
    }
    if (process.restFlow >= 0 && sum > 1 + SHARE_TOLERANCE) {
      throw new ModelError(`shares of process ${process.name} sum to ${sum}, more than 1`, at, 'the shares besides rest must leave something (sum at most 1)');
    }
  });
}
