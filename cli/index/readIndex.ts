import { dirname, isAbsolute, join } from 'node:path';
import { loadModel, readModelText } from '../../engine/definition/loadModelFile.js';
import { indexData, loadIndexFromText, resolveModelValues, type IndexData, type IndexOverrides, type IndexSpec } from '../../engine/index/index.js';

/**
 * Reads an index file, resolves its model values (model files relative to it) and lays it out for
 * computation. Mistakes in the file or in a model it names are ModelErrors (exit code 1).
 */
export function readIndex(path: string, overrides: IndexOverrides): { spec: IndexSpec; data: IndexData } {
  const folder = dirname(path);
  const spec = resolveModelValues(loadIndexFromText(readModelText(path, 'index'), path, overrides), (model) => loadModel(isAbsolute(model) ? model : join(folder, model)));
  return { spec, data: indexData(spec) };
}
