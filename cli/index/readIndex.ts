import type { DataFolders } from '../../engine/definition/loadContext.js';
import { loadIndexModel, readModelText } from '../../engine/definition/loadModelFile.js';
import { indexData, loadIndexFromText, resolveModelValues, type IndexData, type IndexOverrides, type IndexSpec } from '../../engine/index/index.js';

/**
 * Reads an index file, resolves its model values (model files relative to it, in its folder or a
 * data root, like a sweep's model) and lays it out for computation. Mistakes in the file or in a
 * model it names are ModelErrors (exit code 1).
 */
export function readIndex(path: string, overrides: IndexOverrides, folders: DataFolders = {}): { spec: IndexSpec; data: IndexData } {
  const spec = resolveModelValues(loadIndexFromText(readModelText(path, 'index'), path, overrides), (model, at) => loadIndexModel(path, model, at, folders));
  return { spec, data: indexData(spec) };
}
