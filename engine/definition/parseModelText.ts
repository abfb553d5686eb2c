import { LineCounter, parseDocument } from 'yaml';
import { ModelError } from '../errors.js';
import { buildSourceMap, type SourceMap } from './sourceMap.js';

/** A model file named `*.json` is JSON; anything else is YAML. */
export function isJsonFile(file: string): boolean {
  return file.toLowerCase().endsWith('.json');
}

/**
 * Parses a model file into plain data and the position of every path in it. JSON goes through
 * the YAML parser too (JSON is YAML 1.2), with the JSON schema so that YAML-only syntax such as
 * unquoted strings is still an error in a `.json` file; both give line numbers the same way.
 */
export function parseModelText(text: string, file: string): { data: unknown; sourceMap: SourceMap } {
  const json = isJsonFile(file);
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, schema: json ? 'json' : 'core', uniqueKeys: true, prettyErrors: false });
  const [first] = document.errors;
  if (first) {
    const offset = first.pos[0];
    const { line, col } = lineCounter.linePos(offset);
    throw new ModelError(
      `invalid ${json ? 'JSON' : 'YAML'}: ${first.message}`,
      { file, path: '', line, column: col },
      first.code === 'DUPLICATE_KEY' ? 'each key may appear once in a map; remove or rename one' : 'check the indentation, brackets and quotes at that line',
    );
  }
  const sourceMap = buildSourceMap(document.contents, lineCounter, file);
  return { data: document.toJS({ maxAliasCount: 100 }), sourceMap };
}
