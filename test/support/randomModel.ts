import fc from 'fast-check';
import type { FlowDefinition, LifetimeDefinition, ModelDefinition, StockDefinition } from '../../engine/definition/types.js';

/**
 * fast-check arbitrary for whole models: a chain of processes with random share flows forward and
 * backward (recycling loops), every process leaking at least 20% to the boundary or a landfill
 * (so no loop is closed), inflow-driven stocks with random lifetimes, and a stock-driven stock fed by
 * demand, with or without negative-inflow correction. Dimensions: none or one with 1–3 items.
 */
export const randomModel: fc.Arbitrary<ModelDefinition> = fc
  .record({
    processCount: fc.integer({ min: 1, max: 6 }),
    horizon: fc.integer({ min: 2, max: 40 }),
    items: fc.integer({ min: 0, max: 3 }),
    seedValues: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 200, maxLength: 200 }),
    correction: fc.boolean(),
  })
  .map(({ processCount, horizon, items, seedValues, correction }) => {
    let cursor = 0;
    const next = () => seedValues[cursor++ % seedValues.length];
    const start = 2000;
    const dims = items > 0 ? ['material'] : [];
    const size = Math.max(items, 1);
    const dimensions = items > 0 ? [{ name: 'material', items: Array.from({ length: items }, (_, i) => `m${i}`) }] : [];
    const names = Array.from({ length: processCount }, (_, i) => `p${i}`);
    const processes = [...names, 'landfill', 'buildings'].map((name) => ({ name, stage: undefined, label: undefined, path: `processes.${name}` }));
    const flows: FlowDefinition[] = [];
    const flow = (from: string, to: string, kind: FlowDefinition['kind'], expression?: string): void => {
      flows.push({ id: `${from}->${to}`, from, to, kind, waste: to === 'landfill', label: undefined, tags: [], expression, path: `flows[${flows.length}]` });
    };
    const series = (scale: number) => {
      const values = new Float64Array(horizon * size);
      for (let i = 0; i < values.length; i++) values[i] = scale * (0.2 + next());
      return values;
    };
    flow('outside', 'p0', 'value', 'supply');
    for (let i = 0; i < processCount; i++) {
      const targets = names.filter((_, j) => j !== i && (j === i + 1 || next() < 0.5));
      let remaining = 0.8;
      for (const target of targets) {
        const share = Math.round(remaining * next() * 1000) / 1000;
        remaining -= share;
        flow(names[i], target, 'share', String(share));
      }
      flow(names[i], next() < 0.5 ? 'outside' : 'landfill', 'rest');
    }
    flow('outside', 'buildings', 'demand');
    flow('buildings', 'landfill', 'share', '1');
    const lifetime = (path: string): LifetimeDefinition => {
      const pick = Math.floor(next() * 4);
      const mean = String(1 + Math.round(next() * 30));
      if (pick === 0) return { distribution: 'fixed', parameters: { mean }, table: undefined, path };
      if (pick === 1) return { distribution: 'normal', parameters: { mean, sd: String(0.5 + next() * 8) }, table: undefined, path };
      if (pick === 2) return { distribution: 'weibull', parameters: { shape: String(0.8 + next() * 3), scale: mean }, table: undefined, path };
      return { distribution: 'exponential', parameters: { mean }, table: undefined, path };
    };
    const stocks: StockDefinition[] = [
      { name: 'landfilled', process: 'landfill', kind: 'accumulate', lifetime: undefined, target: undefined, negativeInflowCorrection: false, waste: true, initial: undefined, survival: 'integer-age', path: 'stocks.landfilled' },
      { name: 'dwellings', process: 'buildings', kind: 'stock-driven', lifetime: lifetime('stocks.dwellings.lifetime'), target: 'target', negativeInflowCorrection: correction, waste: true, initial: undefined, survival: 'integer-age', path: 'stocks.dwellings' },
    ];
    names.forEach((name, i) => {
      if (i > 0 && next() < 0.5) {
        stocks.push({ name: `inuse_${name}`, process: name, kind: 'inflow-driven', lifetime: lifetime(`stocks.inuse_${name}.lifetime`), target: undefined, negativeInflowCorrection: false, waste: true, initial: undefined, survival: 'integer-age', path: `stocks.inuse_${name}` });
      }
    });
    const definition: ModelDefinition = {
      formatVersion: 1,
      name: 'random model',
      file: 'random.yaml',
      time: { start, end: start + horizon - 1 },
      massUnit: 't',
      countUnits: [],
      dimensions,
      drivers: [
        { name: 'supply', unit: 't/yr', dims, values: series(1000), forecast: undefined, path: 'drivers.supply' },
        { name: 'target', unit: 't', dims, values: series(5000), forecast: undefined, path: 'drivers.target' },
      ],
      parameters: [],
      processes,
      flows,
      stocks,
      scenarios: [],
      survival: 'integer-age',
      emissions: undefined,
      factorSources: [],
      indicators: [],
      targets: [],
      observations: [],
      sourceMap: {},
    };
    return definition;
  });
