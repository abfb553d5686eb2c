import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadModel } from '../../../engine/definition/loadModelFile.js';
import { modelError } from './loadHelpers.js';

const fixtures = fileURLToPath(new URL('../../fixtures/definition/', import.meta.url));


describe('loadModel(path)', () => {
  it('loadModel(path) reads data files relative to the model file', () => {
    const definition = loadModel(`${fixtures}city/model.yaml`);
    expect(definition.file).toBe(`${fixtures}city/model.yaml`);
    expect(definition.drivers[0].values[0]).toBe(1000);
  });

  it('loadModel(path) names a model file that does not exist', () => {
    const error = modelError(() => loadModel(`${fixtures}city/nothing.yaml`));
    expect(error.message).toBe(`missing model file: ${fixtures}city/nothing.yaml`);
    expect(error.hint).toMatch(/ENOENT/);
  });

  it('loadModel(path) rejects a file that is neither YAML nor JSON by its extension', () => {
    const error = modelError(() => loadModel(`${fixtures}city/data/population.csv`));
    expect(error.message).toBe(`unsupported model file: ${fixtures}city/data/population.csv`);
    expect(error.hint).toMatch(/\.yaml, \.yml, \.json/);
  });
});
