import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compensation, computeIndex, indexData, indexJsonSchema, loadIndexFromText, rankUncertainty, type IndexSpec } from '../../engine/index/index.js';
import { writeIndexFigures } from '../../cli/index/indexFigures.js';
import { MODELS_DIRECTORY } from '../support/shippedModels.js';

const file = join(MODELS_DIRECTORY, 'zero-waste-index', 'index.yaml');
const spec: IndexSpec = loadIndexFromText(readFileSync(file, 'utf8'), file);

describe('models/zero-waste-index', () => {
  it('loadIndexFromText(zero-waste index) gives five cities on the six dimensions', () => {
    expect(spec.cities.map((city) => city.label)).toEqual(['Tokyo', 'San Francisco', 'Amsterdam', 'Singapore', 'Shenzhen']);
    expect(spec.dimensions.map((dimension) => dimension.label)).toEqual(['Waste generation', 'Target setting', 'Scale of management', 'Position on the waste hierarchy', 'Coverage of methods', 'Carbon']);
  });

  it('loadIndexFromText(zero-waste index) finds every value cited with its year, and every missing one saying why', () => {
    for (const indicator of spec.indicators) {
      expect(indicator.definition, indicator.id).toBeDefined();
      for (const value of indicator.values) {
        if (value.kind === 'number') {
          expect(value.year, value.path).toBeDefined();
          expect(spec.sources[value.source], value.path).toBeDefined();
        }
      }
    }
    // The carbon values other than Singapore's are the only ones left without a note: the indicator's definition says why.
    const unexplained = spec.indicators.flatMap((indicator) => indicator.values.filter((value) => value.kind === 'missing' && value.note === undefined).map(() => indicator.id));
    expect(new Set(unexplained)).toEqual(new Set(['waste_ghg_per_capita']));
  });

  it('SOURCES.md cites every source of the zero-waste index', () => {
    const sources = readFileSync(join(MODELS_DIRECTORY, 'zero-waste-index', 'SOURCES.md'), 'utf8');
    for (const key of Object.keys(spec.sources)) expect(sources, key).toContain(`\`${key}\``);
  });

  it('computeIndex(zero-waste index) ranks every city, and the aggregation reverses a pair', () => {
    const data = indexData(spec);
    const result = computeIndex(data, spec.method);
    expect([...result.ranks].sort()).toEqual([1, 2, 3, 4, 5]);
    expect(compensation(data, spec.method)!.reversals.length).toBeGreaterThan(0);
  });

  it('writeIndexFigures(zero-waste index) renders the scores by dimension and the rank intervals', async () => {
    const data = indexData(spec);
    const result = computeIndex(data, spec.method);
    const uncertainty = await rankUncertainty(data, spec.method, { ...spec.uncertainty, samples: 16, resamples: 0 });
    const folder = mkdtempSync(join(tmpdir(), 'metabolis-zero-waste-'));
    try {
      const written = await writeIndexFigures(folder, spec, result, uncertainty, 72);
      expect(written.map((path) => path.slice(folder.length + 1))).toEqual(['scores-by-dimension.png', 'scores-by-dimension.svg', 'rank-uncertainty.png', 'rank-uncertainty.svg']);
      written.forEach((path) => expect(existsSync(path)).toBe(true));
      const svg = readFileSync(join(folder, 'scores-by-dimension.svg'), 'utf8');
      for (const label of ['Tokyo', 'Shenzhen', 'Carbon', 'not scored: no indicator left']) expect(svg).toContain(label);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('models/metabolis-index.schema.json is the schema the loader generates (run `metabolis schema --index -o` after changing it)', () => {
    const committed = JSON.parse(readFileSync(join(MODELS_DIRECTORY, 'metabolis-index.schema.json'), 'utf8'));
    expect(committed).toEqual(indexJsonSchema());
  });
});

describe('the README index file', () => {
  it('loadIndexFromText(the README\'s index file) loads and computes as printed', () => {
    const readme = readFileSync(join(MODELS_DIRECTORY, '../README.md'), 'utf8');
    const blocks = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)].map((match) => match[1]).filter((block) => block.startsWith('metabolis-index: 1'));
    expect(blocks).toHaveLength(1);
    const printed = loadIndexFromText(blocks[0], 'README.md');
    expect(printed.method.normalisation).toBe('min-max');
    expect(Array.from(computeIndex(indexData(printed), printed.method).ranks)).toEqual([1, 1]);
  });
});
