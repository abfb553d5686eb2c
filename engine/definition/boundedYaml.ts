import { Composer, Lexer, LineCounter, Parser, type CST, type Document } from 'yaml';
import { count, LIMITS, limitError, mebibytes } from './limits.js';
import { ModelError } from '../errors.js';

/** What the parser's stack holds besides the open maps and lists: the document and a scalar being read. */
const STACK_BESIDES_NESTING = 2;

/**
 * Parses YAML (or JSON, with the JSON schema) into one document, within the limits on size and
 * nesting. The steps of the `yaml` package's parseDocument are run one by one so that nesting
 * can be checked as it grows: its composer recurses once per level (a few thousand overflow the
 * stack) and its parser slows to seconds on a file of nothing but brackets. Keys are not checked
 * for uniqueness here, where that check is quadratic in the number of keys of a map; the source
 * map does it (buildSourceMap).
 */
export function boundedDocument(text: string, file: string, json: boolean): { document: Document.Parsed; lineCounter: LineCounter } {
  const kind = json ? 'JSON' : 'YAML';
  const lineCounter = new LineCounter();
  const at = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, path: '', line, column: col };
  };
  if (text.length > LIMITS.modelFileBytes) {
    throw limitError(`file too large: ${file} has ${count(text.length)} characters, more than ${mebibytes(LIMITS.modelFileBytes)}`, { file, path: '' }, 'move large tables into CSV data files');
  }
  const parser = new Parser(lineCounter.addNewLine);
  lineCounter.addNewLine(0);
  const tokens: CST.Token[] = [];
  for (const lexeme of new Lexer().lex(text)) {
    tokens.push(...parser.next(lexeme));
    if (parser.stack.length - STACK_BESIDES_NESTING > LIMITS.nesting) {
      throw limitError(`too deeply nested: more than ${LIMITS.nesting} levels of maps and lists`, at(parser.offset), 'a model needs a few levels; check the brackets and the indentation');
    }
  }
  tokens.push(...parser.end());
  const documents = new Composer({ schema: json ? 'json' : 'core', uniqueKeys: false }).compose(tokens, true, text.length);
  const document = documents.next().value as Document.Parsed;
  const second = documents.next().value as Document.Parsed | undefined;
  if (second) throw new ModelError(`invalid ${kind}: more than one document in the file`, at(second.range[0]), 'a model or sweep file holds one document; remove the --- line and what follows it, or split the file');
  return { document, lineCounter };
}
