/**
 * The one place in engine/ that touches the file system: it reads a model (or index) file and hands
 * loadModelFromText a FileSource that reads data files relative to it. Everything else in the
 * engine is pure.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, extname, isAbsolute, join } from 'node:path';
import { ModelError } from '../errors.js';
import { loadModelFromText } from './loadModel.js';
import type { ModelDefinition } from './types.js';

const MODEL_EXTENSIONS = ['.yaml', '.yml', '.json'];

/** Loads `models/<name>/model.yaml` (or `.yml`, `.json`) with its data files. */
export function loadModel(path: string): ModelDefinition {
  const text = readModelText(path, 'model');
  const folder = dirname(path);
  return loadModelFromText(text, {
    file: path,
    readFile: (relativePath) => readFileSync(isAbsolute(relativePath) ? relativePath : join(folder, relativePath), 'utf8'),
    readLibrary,
  });
}

/**
 * The text of a file in the model language's formats (a model, or an index of cities): `.json`
 * is read as JSON, `.yaml` and `.yml` as YAML; another extension or an unreadable file is a
 * ModelError naming it.
 */
export function readModelText(path: string, kind: 'model' | 'index'): string {
  if (!MODEL_EXTENSIONS.includes(extname(path).toLowerCase())) {
    throw new ModelError(`unsupported ${kind} file: ${path}`, { file: path, path: '' }, `a ${kind} file ends in ${MODEL_EXTENSIONS.join(', ')} (.json is read as JSON, the others as YAML)`);
  }
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new ModelError(`missing ${kind} file: ${path}`, { file: path, path: '' }, error instanceof Error ? error.message : String(error));
  }
}

/** Library names are plain words: a name never reaches outside models/factors. */
const LIBRARY_NAME = /^[a-z0-9][a-z0-9-]*$/;

/** A factor library shipped with metabolis: models/factors/<name>.yaml of the installed package. */
export function readLibrary(name: string): { text: string; file: string } {
  if (!LIBRARY_NAME.test(name)) throw new Error(`library names are lower-case words with dashes (got ${JSON.stringify(name)})`);
  const file = join(libraryFolder(), `${name}.yaml`);
  return { text: readFileSync(file, 'utf8'), file };
}

/** models/factors of the package, found upwards from this file (it runs from engine/ and from dist/engine/). */
function libraryFolder(): string {
  let folder = dirname(fileURLToPath(import.meta.url));
  for (let up = 0; up < 5; up++) {
    const candidate = join(folder, 'models', 'factors');
    if (existsSync(candidate)) return candidate;
    folder = dirname(folder);
  }
  throw new Error('the models/factors folder of metabolis was not found');
}
