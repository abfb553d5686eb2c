import { ModelError, OptionsError } from '../engine/errors.js';

/**
 * Exit codes: 1 for a mistake in a model or its data, 2 for a mistake in how the CLI was called,
 * 3 for a model that ran but whose solution is not valid (a status other than success).
 */
export const EXIT_MODEL_ERROR = 1;
export const EXIT_USAGE_ERROR = 2;
export const EXIT_RUN_FAILED = 3;

/** A usage mistake found by a command itself (a scenario that does not exist, a bad --format). */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** A command that needs a valid solution (a figure of it) met a run whose status is not success. */
export class RunFailedError extends Error {
  override readonly name = 'RunFailedError';
}

/** Control characters other than line breaks, which a message may quote from a file but a terminal would obey. */
const CONTROL = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/g;

/** A message as it is printed: control characters written as `\u001b`, so a file cannot drive the terminal. */
function printable(text: string): string {
  return text.replace(CONTROL, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Prints an error the way a user can act on it — never a stack trace (set METABOLIS_DEBUG=1 to
 * see one) — and returns the exit code.
 */
export function reportFailure(error: unknown, write: (text: string) => void): number {
  if (error instanceof ModelError) {
    write(`error: ${printable(error.format())}\n`);
    return EXIT_MODEL_ERROR;
  }
  if (error instanceof RunFailedError) {
    write(`error: ${error.message}\n`);
    return EXIT_RUN_FAILED;
  }
  if (error instanceof UsageError || error instanceof OptionsError) {
    write(`error: ${printable(error.message)}\n`);
    return EXIT_USAGE_ERROR;
  }
  const message = error instanceof Error ? error.message : String(error);
  write(`internal error: ${printable(message)}\n  this is a bug in metabolis; please report it with the model that triggered it\n`);
  if (process.env.METABOLIS_DEBUG && error instanceof Error) write(`${error.stack}\n`);
  return EXIT_MODEL_ERROR;
}
