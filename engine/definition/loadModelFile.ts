/**
 * The one place in engine/ that touches the file system: it reads a model file and hands
 * loadModelFromText a FileSource that reads data files relative to it. Everything else in the
 * engine is pure.
 */
import { readFileSync } from 'node:fs';
import { dirname, extname, isAbsolute, join } from 'node:path';
import { ModelError } from '../errors.js';
import { loadModelFromText } from './loadModel.js';
import type { ModelDefinition } from './types.js';

const MODEL_EXTENSIONS = ['.yaml', '.yml', '.json'];

/** Loads `models/<name>/model.yaml` (or `.yml`, `.json`) with its data files. */
export function loadModel(path: string): ModelDefinition {
  if (!MODEL_EXTENSIONS.includes(extname(path).toLowerCase())) {
    throw new ModelError(`unsupported model file: ${path}`, { file: path, path: '' }, `a model file ends in ${MODEL_EXTENSIONS.join(', ')} (.json is read as JSON, the others as YAML)`);
  }
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ModelError(`missing model file: ${path}`, { file: path, path: '' }, error instanceof Error ? error.message : String(error));
  }
  const folder = dirname(path);
  return loadModelFromText(text, {
    file: path,
    readFile: (relativePath) => readFileSync(isAbsolute(relativePath) ? relativePath : join(folder, relativePath), 'utf8'),
  });
}
