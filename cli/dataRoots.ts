import { Option } from 'commander';
import type { DataFolders } from '../engine/definition/loadContext.js';

/** `--data-root <folder>`, repeatable: folders besides a model's own that its data files may come from. */
export function dataRootOption(): Option {
  return new Option('--data-root <folder>', "also let the model (or sweep, or index) file read files from this folder (repeatable); by default only its own folder")
    .argParser((folder: string, previous: string[] | undefined) => [...(previous ?? []), folder]);
}

/** The folders named with --data-root, as the loader takes them. */
export function dataFolders(flags: { readonly dataRoot?: readonly string[] }): DataFolders {
  return { dataRoots: flags.dataRoot ?? [] };
}
