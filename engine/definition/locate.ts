import type { SourceLocation } from '../errors.js';
import type { ModelDefinition } from './types.js';

/**
 * The location of `path` in the model file. A path that the source map does not hold (a value
 * that was defaulted) falls back to its nearest written ancestor, so errors still point at a line.
 */
export function locate(definition: Pick<ModelDefinition, 'file' | 'sourceMap'>, path: string): SourceLocation {
  for (let candidate = path; ; candidate = parentPath(candidate)) {
    const position = definition.sourceMap[candidate];
    if (position) return { file: definition.file, path, line: position.line, column: position.column };
    if (candidate === '') return { file: definition.file, path };
  }
}

/** `flows[2].share` -> `flows[2]` -> `flows` -> ''. */
function parentPath(path: string): string {
  const cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
  return cut <= 0 ? '' : path.slice(0, cut);
}
