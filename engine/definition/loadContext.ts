import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import { ModelError, type SourceLocation } from '../errors.js';
import { valueBudget } from './limits.js';
import { locate } from './locate.js';
import type { ModelDefinition } from './types.js';

/**
 * Where the loader gets data files from. Injected so that the loader stays pure: the CLI passes
 * the file system (engine/definition/loadModelFile.ts), tests pass a map of strings.
 */
export interface FileSource {
  /**
   * The text of a data file named relative to the model file. Throws a FileRefusal when it will
   * not read it (outside the allowed folders, not a plain file, too large), any error when it cannot.
   */
  readFile(relativePath: string): string;
}

/** Folders a model file may read data files from besides its own (and those below them). */
export interface DataFolders {
  /** Named by the user (`--data-root`); relative ones are relative to the working directory. */
  readonly dataRoots?: readonly string[];
}

/** Why a FileSource will not read a file, said without reading it. */
export class FileRefusal extends Error {
  override readonly name = 'FileRefusal';
  readonly hint: string;

  constructor(message: string, hint: string) {
    super(message);
    this.hint = hint;
  }

  /** The model error to report where the file was named. */
  at(location: SourceLocation): ModelError {
    return new ModelError(this.message, location, this.hint);
  }
}

/** What every part of the loader needs: where things are written, and how to read data files. */
export interface LoadContext {
  readonly file: string;
  readonly sourceMap: ModelDefinition['sourceMap'];
  /** The location of a path in the model file (its nearest written ancestor when defaulted). */
  at(path: string): SourceLocation;
  /** A ModelError at a path of the model file. */
  fail(message: string, path: string, hint: string): ModelError;
  /** Reads a data file named at `path` of the model file; a missing or refused file is a ModelError there. */
  readData(relativePath: string, path: string): { text: string; file: string };
  /** The series of drivers, parameters and initial stocks, counted against LIMITS.modelValues. */
  readonly values: ReturnType<typeof valueBudget>;
}

export function createLoadContext(file: string, sourceMap: ModelDefinition['sourceMap'], files: FileSource & DataFolders): LoadContext {
  const at = (path: string) => locate({ file, sourceMap }, path);
  return {
    file,
    sourceMap,
    at,
    fail: (message, path, hint) => new ModelError(message, at(path), hint),
    values: valueBudget('drivers, parameters and initial stocks'),
    readData(relativePath, path) {
      const resolved = isAbsolute(relativePath) ? relativePath : join(dirname(file), relativePath);
      // Checked on the path as written, before any reader sees it; a reader of the file system checks links too.
      const refusal = outsideFolders(resolved, dirname(file), files.dataRoots ?? [], DATA_FILE);
      if (refusal) throw refusal.at(at(path));
      try {
        return { text: files.readFile(relativePath), file: resolved };
      } catch (error) {
        if (error instanceof FileRefusal) throw error.at(at(path));
        const code = (error as { code?: unknown }).code;
        const reason = typeof code === 'string' ? code : error instanceof Error ? error.message : String(error);
        throw new ModelError(`missing data file: ${resolved}`, at(path), `paths are relative to the model file ${file} (${reason})`);
      }
    },
  };
}

/** What a file names (a data file, a sweep's model), for the messages of the folder rule. */
export interface Reference {
  /** `data file` */
  readonly what: string;
  /** `model`, whose folder it must be in */
  readonly from: string;
}

export const DATA_FILE: Reference = { what: 'data file', from: 'model' };

/**
 * The folder rule: a file that a model (or sweep) file names must lie in the folder of that file
 * (`folder`) or below it, or in a data root, so that a model from someone else cannot read
 * `/etc/shadow` or `../../secret.csv`. Undefined when `path` is allowed. Paths are compared as
 * written: a reader of the file system must compare them again with links resolved.
 */
export function outsideFolders(path: string, folder: string, dataRoots: readonly string[], reference: Reference): FileRefusal | undefined {
  if ([folder, ...dataRoots].some((allowed) => isInside(path, allowed))) return undefined;
  return new FileRefusal(
    `${reference.what} outside the ${reference.from}'s folder: ${path}`,
    `${/^[aeiou]/.test(reference.from) ? 'an' : 'a'} ${reference.from} file reads files only from its own folder (${folder}) and below; to allow another folder, name it with --data-root <folder> (in code: the dataRoots option)`,
  );
}

function isInside(path: string, folder: string): boolean {
  const route = relative(folder, path);
  return route !== '' && route !== '..' && !route.startsWith(`..${sep}`) && !isAbsolute(route);
}
