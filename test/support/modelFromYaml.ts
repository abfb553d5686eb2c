import { compile } from '../../engine/compile/compileModel.js';
import type { CompiledModel } from '../../engine/compile/compiledModel.js';
import { loadModelFromText } from '../../engine/definition/loadModel.js';
import { readLibrary } from '../../engine/definition/loadModelFile.js';
import type { ModelDefinition } from '../../engine/definition/types.js';
import { ModelError } from '../../engine/errors.js';

/** Loads a model written inline in a test (no data files). */
export function definitionFromYaml(text: string, file = 'test.yaml'): ModelDefinition {
  return loadModelFromText(text, {
    file,
    readFile: (path: string) => {
      throw new Error(`test model reads no files (asked for ${path})`);
    },
    readLibrary,
  });
}

export function compileYaml(text: string): CompiledModel {
  return compile(definitionFromYaml(text));
}

/** The ModelError that compiling an inline model must throw (any other error is rethrown; none fails the test). */
export function compileFailure(text: string): ModelError {
  try {
    compileYaml(text);
  } catch (error) {
    if (error instanceof ModelError) return error;
    throw error;
  }
  throw new Error('expected a ModelError');
}
