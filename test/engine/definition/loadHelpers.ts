import { expect } from 'vitest';
import { loadModelFromText } from '../../../engine/definition/loadModel.js';
import type { ModelDefinition } from '../../../engine/definition/types.js';
import { ModelError } from '../../../engine/errors.js';

/** Four lines every test model starts with; what a test appends begins on line 5. */
export const HEADER = `metabolis: 1
name: test
time: { start: 2020, end: 2030 }
unit: t
`;

/** Loads model text with data files given as strings, keyed by the path relative to the model file. */
export function load(text: string, files: Readonly<Record<string, string>> = {}, file = 'models/test/model.yaml'): ModelDefinition {
  return loadModelFromText(text, {
    file,
    readFile: (path) => {
      if (!Object.hasOwn(files, path)) throw new Error(`ENOENT: no such file ${path}`);
      return files[path];
    },
  });
}

/** The ModelError that `run` must throw, checked to carry a hint; any other outcome fails the test. */
export function modelError(run: () => unknown): ModelError {
  try {
    run();
  } catch (error) {
    if (!(error instanceof ModelError)) throw error;
    expect(error.hint, 'every ModelError carries a hint').toMatch(/\S/);
    return error;
  }
  throw new Error('expected a ModelError');
}

/** The ModelError that loading must throw. */
export function loadError(text: string, files: Readonly<Record<string, string>> = {}, file?: string): ModelError {
  return modelError(() => load(text, files, file));
}
