import { dirname, isAbsolute, join } from 'node:path';
import { ModelError, type SourceLocation } from '../errors.js';
import { locate } from './locate.js';
import type { ModelDefinition } from './types.js';

/**
 * Where the loader gets data files from. Injected so that the loader stays pure: the CLI passes
 * the file system, tests pass a map of strings.
 */
export interface FileSource {
  /** The text of a data file named relative to the model file; throws when it cannot be read. */
  readFile(relativePath: string): string;
}

/** What every part of the loader needs: where things are written, and how to read data files. */
export interface LoadContext {
  readonly file: string;
  readonly sourceMap: ModelDefinition['sourceMap'];
  /** The location of a path in the model file (its nearest written ancestor when defaulted). */
  at(path: string): SourceLocation;
  /** A ModelError at a path of the model file. */
  fail(message: string, path: string, hint: string): ModelError;
  /** Reads a data file named at `path` of the model file; a missing file is a ModelError there. */
  readData(relativePath: string, path: string): { text: string; file: string };
}

export function createLoadContext(file: string, sourceMap: ModelDefinition['sourceMap'], files: FileSource): LoadContext {
  const at = (path: string) => locate({ file, sourceMap }, path);
  return {
    file,
    sourceMap,
    at,
    fail: (message, path, hint) => new ModelError(message, at(path), hint),
    readData(relativePath, path) {
      const resolved = isAbsolute(relativePath) ? relativePath : join(dirname(file), relativePath);
      try {
        return { text: files.readFile(relativePath), file: resolved };
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new ModelError(`missing data file: ${resolved}`, at(path), `paths are relative to the model file ${file} (${reason})`);
      }
    },
  };
}
