/**
 * The one place in engine/ that touches the file system: it reads a model (or index) file and hands
 * loadModelFromText a FileSource that reads data files relative to it, under the folder rule
 * (links resolved) and the size limits, and never from anything but a plain file. Everything
 * else in the engine is pure.
 */
import { closeSync, constants, existsSync, fstatSync, openSync, readFileSync, readSync, realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, extname, isAbsolute, join, resolve } from 'node:path';
import { ModelError, type SourceLocation } from '../errors.js';
import { count, LIMITS, mebibytes } from './limits.js';
import { DATA_FILE, FileRefusal, outsideFolders, type DataFolders, type FileSource, type Reference } from './loadContext.js';
import { loadModelFromText } from './loadModel.js';
import type { FactorLibrary } from './factorLibrary.js';
import { keptLibrary, type ParsedLibrariesJson } from './parsedLibraries.js';
import type { ModelDefinition } from './types.js';

const MODEL_EXTENSIONS = ['.yaml', '.yml', '.json'];
const SWEEP_MODEL: Reference = { what: 'model file', from: 'sweep' };
const INDEX_MODEL: Reference = { what: 'model file', from: 'index' };

/**
 * Loads `models/<name>/model.yaml` (or `.yml`, `.json`) with its data files, which must lie in
 * its folder or in one of `folders.dataRoots`.
 */
export function loadModel(path: string, folders: DataFolders = {}): ModelDefinition {
  const text = readModelText(path, 'model');
  return loadModelFromText(text, { file: path, dataRoots: folders.dataRoots, ...modelFileSource(path, folders), readLibrary });
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
  return readUserFile(path, `${kind} file`);
}

/**
 * Where the model file `file` reads its data files from: paths relative to its folder, allowed
 * in that folder and the data roots only (links resolved), plain files within the size limit.
 */
export function modelFileSource(file: string, folders: DataFolders = {}): FileSource {
  const allowed = allowedFolders(dirname(file), folders, DATA_FILE);
  return { readFile: (relativePath) => readPlainFile(allowed(isAbsolute(relativePath) ? relativePath : join(dirname(file), relativePath)), LIMITS.dataFileBytes, DATA_FILE.what) };
}

/**
 * Loads the model a sweep file names (`model` as written at `at` in `sweepFile`), under the same
 * folder rule as data files: in the sweep file's folder or a data root.
 */
export function loadSweepModel(sweepFile: string, model: string, at: SourceLocation, folders: DataFolders = {}): ModelDefinition {
  return loadNamedModel(sweepFile, model, at, folders, SWEEP_MODEL);
}

/** Loads a model an index file names for a city's value, under the folder rule of `loadSweepModel`. */
export function loadIndexModel(indexFile: string, model: string, at: SourceLocation, folders: DataFolders = {}): ModelDefinition {
  return loadNamedModel(indexFile, model, at, folders, INDEX_MODEL);
}

function loadNamedModel(file: string, model: string, at: SourceLocation, folders: DataFolders, reference: Reference): ModelDefinition {
  const path = isAbsolute(model) ? model : join(dirname(file), model);
  try {
    const refusal = outsideFolders(path, dirname(file), folders.dataRoots ?? [], reference);
    if (refusal) throw refusal;
    allowedFolders(dirname(file), folders, reference)(path);
  } catch (error) {
    if (error instanceof FileRefusal) throw error.at(at);
    throw new ModelError(`missing model file: ${path}`, at, `the model is named relative to the ${reference.from} file ${file} (${reason(error)})`);
  }
  return loadModel(path, folders);
}

/**
 * The text of a model or sweep file the user named: a plain file within the size limit, or a
 * ModelError that says why not (never one that shows what the file holds).
 */
export function readUserFile(path: string, what: string): string {
  try {
    return readPlainFile(path, LIMITS.modelFileBytes, what);
  } catch (error) {
    const at = { file: path, path: '' };
    if (error instanceof FileRefusal) throw error.at(at);
    throw new ModelError(`missing ${what}: ${path}`, at, reason(error));
  }
}

/**
 * The check of the folder rule on the file system: a path is allowed when, with every link
 * resolved, it lies in `folder` or a data root. The checker returns the resolved path, or throws
 * a FileRefusal (or the file system's error, such as ENOENT).
 */
function allowedFolders(folder: string, folders: DataFolders, reference: Reference): (path: string) => string {
  const realFolder = realOrResolved(folder);
  const realRoots = (folders.dataRoots ?? []).map(realOrResolved);
  return (path) => {
    const real = realpathSync(path);
    const refusal = outsideFolders(real, realFolder, realRoots, reference);
    if (refusal) throw real === resolve(path) ? refusal : new FileRefusal(`${reference.what} outside the ${reference.from}'s folder: ${path} (a link to ${real})`, refusal.hint);
    return real;
  };
}

/**
 * A plain file's text, read through one descriptor so that what is checked is what is read:
 * opened without blocking (a pipe would wait for a writer forever), refused unless it is a
 * regular file (a device such as /dev/zero never ends), and read up to the limit only (a file in
 * /proc says it is empty, whatever it holds).
 */
function readPlainFile(path: string, limit: number, what: string): string {
  const descriptor = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const stats = fstatSync(descriptor);
    if (!stats.isFile()) throw new FileRefusal(`not a regular file: ${path}`, `a ${what} is a plain file; devices, pipes, sockets and folders are refused`);
    const tooLarge = (size: number) =>
      new FileRefusal(`${what} too large: ${path} has ${count(size)} bytes`, `the limit is ${mebibytes(limit)} (see Limits and safety in the README); split it into smaller files`);
    if (stats.size > limit) throw tooLarge(stats.size);
    let buffer = Buffer.allocUnsafe(Math.min(Math.max(stats.size, 4095), limit) + 1);
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length > limit) throw tooLarge(length);
        buffer = Buffer.concat([buffer, Buffer.allocUnsafe(Math.min(buffer.length, limit + 1 - buffer.length))]);
      }
      const read = readSync(descriptor, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
    }
    return buffer.toString('utf8', 0, length);
  } finally {
    closeSync(descriptor);
  }
}

function realOrResolved(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

/** The file system's reason (`ENOENT: no such file or directory, open '…'`): a code and a path, never the content of a file. */
function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Library names are plain words: a name never reaches outside models/factors. */
const LIBRARY_NAME = /^[a-z0-9][a-z0-9-]*$/;

/** Where `npm run build` keeps the shipped libraries parsed (parsedLibraries.ts); absent when running from source. */
export const PARSED_LIBRARIES = fileURLToPath(new URL('parsed-libraries.json', import.meta.url));

let parsedLibraries: ParsedLibrariesJson | undefined;

/** The kept libraries; none when the file is missing or damaged (each library is then parsed from its YAML). */
function readParsedLibraries(): ParsedLibrariesJson {
  if (!existsSync(PARSED_LIBRARIES)) return {};
  try {
    return JSON.parse(readFileSync(PARSED_LIBRARIES, 'utf8')) as ParsedLibrariesJson;
  } catch {
    return {};
  }
}

/**
 * A factor library shipped with metabolis: models/factors/<name>.yaml of the installed package,
 * with its parsed form when the build kept one for this text.
 */
export function readLibrary(name: string): { text: string; file: string; parsed?: FactorLibrary } {
  if (!LIBRARY_NAME.test(name)) throw new Error(`library names are lower-case words with dashes (got ${JSON.stringify(name)})`);
  const file = join(libraryFolder(), `${name}.yaml`);
  const text = readPlainFile(file, LIMITS.modelFileBytes, 'factor library');
  parsedLibraries ??= readParsedLibraries();
  return { text, file, parsed: keptLibrary(parsedLibraries, name, text, file) };
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
