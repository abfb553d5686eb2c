import { describe, expect, it } from 'vitest';
import { solutionPeaks } from '../../../engine/analysis/solutionPeaks.js';
import { wasteGenerationParts } from '../../../engine/analysis/wasteGeneration.js';
import { compile } from '../../../engine/compile/compileModel.js';
import { run } from '../../../engine/simulate/run.js';
import { HEADER, load, loadError } from '../definition/loadHelpers.js';

/** Households generate waste (a marked flow) and own appliances whose discards that waste already holds. */
const model = (stockKeys: string) => `${HEADER}
processes: [households, appliances, collection]
flows:
  - { from: outside, to: households, value: "100" }
  - { from: households, to: collection, share: 1, waste: true }
  - { from: collection, to: outside, share: 1 }
  - { from: outside, to: appliances, value: "10" }
  - { from: appliances, to: outside, share: 1 }
stocks:
  appliances_in_use: { process: appliances, kind: inflow-driven, lifetime: { fixed: { mean: 5 } }${stockKeys} }
`;

describe('a stock marked waste: false', () => {
  it('wasteGenerationParts(run) leaves out the outflow of a stock that says waste: false, and counts it otherwise', () => {
    const parts = (keys: string) => wasteGenerationParts(run(compile(load(model(keys))))).map((part) => `${part.kind}:${part.id}`);
    expect(parts('')).toEqual(['flow:households->collection', 'stock-outflow:appliances_in_use']);
    expect(parts(', waste: false')).toEqual(['flow:households->collection']);
  });

  it('solutionPeaks(run) marks the outflow of a stock with waste: false as not waste', () => {
    const peaks = solutionPeaks(run(compile(load(model(', waste: false')))));
    expect(peaks.find((entry) => entry.kind === 'stock-outflow' && entry.item.length === 0)!.waste).toBe(false);
  });

  it('loadModelFromText rejects waste: false on an accumulating stock, which has no outflow', () => {
    const error = loadError(`${HEADER}
processes: [landfill]
flows:
  - { from: outside, to: landfill, value: "1" }
stocks:
  landfilled: { process: landfill, kind: accumulate, waste: false }
`);
    expect(error.message).toContain('invalid key for a accumulate stock: waste');
  });
});
