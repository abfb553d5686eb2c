import { ModelError } from '../errors.js';
import { boundedDocument } from './boundedYaml.js';
import { documentData } from './documentData.js';
import { buildSourceMap, type SourceMap } from './sourceMap.js';

/** A model file named `*.json` is JSON; anything else is YAML. */
export function isJsonFile(file: string): boolean {
  return file.toLowerCase().endsWith('.json');
}

/**
 * Parses a model file into plain data and the position of every path in it. JSON goes through
 * the YAML parser too (JSON is YAML 1.2), with the JSON schema so that YAML-only syntax such as
 * unquoted strings is still an error in a `.json` file; both give line numbers the same way.
 * Every step is linear in the size of the file and bounded by the limits (engine/definition/limits.ts).
 */
export function parseModelText(text: string, file: string): { data: unknown; sourceMap: SourceMap } {
  const json = isJsonFile(file);
  const { document, lineCounter } = boundedDocument(text, file, json);
  const [first] = document.errors;
  if (first) {
    const { line, col } = lineCounter.linePos(first.pos[0]);
    throw new ModelError(`invalid ${json ? 'JSON' : 'YAML'}: ${first.message}`, { file, path: '', line, column: col }, 'check the indentation, brackets and quotes at that line');
  }
  const sourceMap = buildSourceMap(document.contents, lineCounter, file);
  return { data: documentData(document.contents, lineCounter, file), sourceMap };
}
