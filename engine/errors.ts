/**
 * Every error metabolis throws on purpose is one of these classes. Messages follow fixed,
 * greppable templates ("unknown process: landfil") and the fields say where and what to do.
 */

/** Where in a model file something was written: the file, the path inside it, and the line. */
export interface SourceLocation {
  /** Path of the file as the user gave it (model file or CSV). */
  readonly file: string;
  /** Path inside the document, e.g. `flows[3].share` or `drivers.population`; '' for the whole file. */
  readonly path: string;
  /** 1-based line, when known. */
  readonly line?: number;
  /** 1-based column, when known. */
  readonly column?: number;
}

/** A mistake in a model or its data: the user can fix it by editing the file named in `at`. */
export class ModelError extends Error {
  override readonly name = 'ModelError';
  readonly at: SourceLocation;
  readonly hint: string | undefined;

  constructor(message: string, at: SourceLocation, hint?: string) {
    super(message);
    this.at = at;
    this.hint = hint;
  }

  /** `file:line:column (path): message` followed by the hint, as the CLI prints it. */
  format(): string {
    const { file, line, column, path } = this.at;
    const position = line === undefined ? file : `${file}:${line}${column === undefined ? '' : `:${column}`}`;
    const where = path ? ` (${abbreviate(path)})` : '';
    return `${position}${where}: ${this.message}${this.hint ? `\n  hint: ${this.hint}` : ''}`;
  }
}

/** Misuse of the library: bad options passed by code, not by a model file. */
export class OptionsError extends Error {
  override readonly name = 'OptionsError';
  readonly option: string;

  constructor(option: string, requirement: string) {
    super(`options.${option} ${requirement}`);
    this.option = option;
  }
}

/** Validates an enum-like option in one place, so every option error reads the same. */
export function checkOption<T extends string>(option: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new OptionsError(option, `must be one of ${allowed.join(', ')} (got ${JSON.stringify(value)})`);
}

/** Characters of a name, cell or expression that a message quotes: the start and the end of a longer one. */
const QUOTED_CHARACTERS = 120;

/**
 * A text as a message quotes it: whole when short, else its start and end joined by ` … `, so
 * that a cell of a broken data file or a long expression never floods a message.
 */
export function abbreviate(text: string, limit = QUOTED_CHARACTERS): string {
  if (text.length <= limit) return text;
  const half = (limit - 3) / 2;
  return `${text.slice(0, Math.ceil(half))} … ${text.slice(text.length - Math.floor(half))}`;
}

/** Names, items or columns as a message lists them: the first few, each abbreviated, and how many there are. */
export function listNames(names: readonly string[]): string {
  const LISTED = 12;
  const shown = names.slice(0, LISTED).map((name) => abbreviate(name, 40));
  return names.length > LISTED ? `${shown.join(', ')}, … (${names.length} in all)` : shown.join(', ');
}

/** Names longer than this are compared by their start only: a suggestion costs time in the product of the lengths. */
const COMPARED_CHARACTERS = 64;

/** Levenshtein distance, for "did you mean" suggestions. */
function editDistance(a: string, b: string): number {
  const previous = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0];
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j];
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      previous[j] = Math.min(previous[j] + 1, previous[j - 1] + 1, diagonal + cost);
      diagonal = above;
    }
  }
  return previous[b.length];
}

/** The (at most three) candidates closest to `name`, nearest first. */
export function nearestNames(name: string, candidates: Iterable<string>, limit = 3): string[] {
  // A name can reach here twice (a symbol listed in two scopes); suggest it once.
  const compared = (text: string) => text.slice(0, COMPARED_CHARACTERS).toLowerCase();
  return [...new Set(candidates)]
    .map((candidate) => ({ candidate, distance: editDistance(compared(name), compared(candidate)) }))
    .sort((a, b) => a.distance - b.distance || a.candidate.localeCompare(b.candidate))
    .slice(0, limit)
    .map(({ candidate }) => candidate);
}

/** `unknown <kind>: <name>` with the nearest existing names as the hint. */
export function unknownNameError(kind: string, name: string, candidates: Iterable<string>, at: SourceLocation): ModelError {
  const nearest = nearestNames(name, candidates);
  const hint = nearest.length > 0 ? `did you mean ${nearest.map((n) => `'${n}'`).join(', ')}?` : `no ${kind} is defined`;
  return new ModelError(`unknown ${kind}: ${abbreviate(name)}`, at, hint);
}
