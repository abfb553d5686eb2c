import type { DerivedSeries, FlowSeries, Solution, StockSeries } from '../../engine/simulate/solution.js';

/**
 * What the time-series and waste-peak charts read of a run: its series by name, not its network.
 * A Solution is one; so is a run rebuilt from the tidy table `metabolis run` saved (tableRun.ts),
 * which is why the charts of a results folder are those of the model.
 */
export interface RunSeries extends Pick<Solution, 'status' | 'issues' | 'model' | 'scenario' | 'unit' | 'years' | 'dimensions'> {
  readonly flows: readonly Pick<FlowSeries, 'id' | 'dims' | 'values'>[];
  readonly stocks: readonly Pick<StockSeries, 'name' | 'dims' | 'stock' | 'inflow' | 'outflow'>[];
  readonly derived: readonly DerivedSeries[];
}
