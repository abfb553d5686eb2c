import { compile } from '../../engine/compile/compileModel.js';
import type { CompiledModel } from '../../engine/compile/compiledModel.js';
import { loadModelFromText } from '../../engine/definition/loadModel.js';
import { readLibrary } from '../../engine/definition/loadModelFile.js';
import type { ModelDefinition } from '../../engine/definition/types.js';

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
