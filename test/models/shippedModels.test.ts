import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile } from '../../engine/compile/compileModel.js';
import { modelJsonSchema } from '../../engine/definition/jsonSchema.js';
import { loadModel } from '../../engine/definition/loadModelFile.js';
import { run } from '../../engine/simulate/run.js';
import { MODELS_DIRECTORY, SHIPPED_MODELS } from '../support/shippedModels.js';

const modelsDirectory = MODELS_DIRECTORY;
// A model is a folder with a model.yaml (models/factors holds factor libraries, not a model).
const shipped = SHIPPED_MODELS;

describe('shipped models', () => {
  it.each(shipped)('run(%s) succeeds and balances for the base model and every scenario', (name) => {
    const model = compile(loadModel(join(modelsDirectory, name, 'model.yaml')));
    for (const scenario of [undefined, ...model.scenarios.keys()]) {
      const solution = run(model, { scenario });
      expect({ scenario, status: solution.status, issues: solution.issues }).toEqual({ scenario, status: 'success', issues: [] });
    }
  });

  it('run(singapore) reproduces NEA waste generation 2013–2023 within 7% every year', () => {
    // NEA waste statistics, '000 t generated (models/singapore/SOURCES.md, ../shared/DOMAIN.md).
    const nea = [7851, 7515, 7673, 7814, 7704, 7759, 7278, 5880, 6944, 7385, 6859];
    const solution = run(compile(loadModel(join(modelsDirectory, 'singapore/model.yaml'))));
    const generation = ['domestic_waste', 'non_domestic_waste', 'construction_site_waste', 'demolition_waste'].map((id) => solution.flows.find((flow) => flow.id === id)!);
    nea.forEach((reported, t) => {
      let modelled = 0;
      for (const flow of generation) {
        const size = flow.values.length / solution.years.length;
        for (let k = 0; k < size; k++) modelled += flow.values[t * size + k];
      }
      expect(Math.abs(modelled / 1000 / reported - 1)).toBeLessThan(0.07);
    });
  });

  it('models/metabolis.schema.json is the schema the loader generates (run `metabolis schema -o` after changing it)', () => {
    const committed = JSON.parse(readFileSync(join(modelsDirectory, 'metabolis.schema.json'), 'utf8'));
    expect(committed).toEqual(modelJsonSchema());
  });
});
