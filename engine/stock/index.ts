export { CohortStock, type TargetOutcome } from './cohortStock.js';
export { inflowDrivenStock, type InflowDrivenOptions, type InflowDrivenResult } from './inflowDrivenStock.js';
export { stockDrivenStock, type StockDrivenOptions, type StockDrivenResult } from './stockDrivenStock.js';
