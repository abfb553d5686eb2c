import { readFileSync } from 'node:fs';
import { dirname, extname, isAbsolute, join } from 'node:path';
import { loadModel } from '../../engine/definition/loadModelFile.js';
import { ModelError } from '../../engine/errors.js';
import { indexData, loadIndexFromText, resolveModelValues, type IndexData, type IndexOverrides, type IndexSpec } from '../../engine/index/index.js';

const INDEX_EXTENSIONS = ['.yaml', '.yml', '.json'];

/**
 * Reads an index file, resolves its model values (model files relative to it) and lays it out for
 * computation. Mistakes in the file or in a model it names are ModelErrors (exit code 1).
 */
export function readIndex(path: string, overrides: IndexOverrides): { spec: IndexSpec; data: IndexData } {
  if (!INDEX_EXTENSIONS.includes(extname(path).toLowerCase())) {
    throw new ModelError(`unsupported index file: ${path}`, { file: path, path: '' }, `an index file ends in ${INDEX_EXTENSIONS.join(', ')}`);
  }
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ModelError(`missing index file: ${path}`, { file: path, path: '' }, error instanceof Error ? error.message : String(error));
  }
  const folder = dirname(path);
  const spec = resolveModelValues(loadIndexFromText(text, path, overrides), (model) => loadModel(isAbsolute(model) ? model : join(folder, model)));
  return { spec, data: indexData(spec) };
}
