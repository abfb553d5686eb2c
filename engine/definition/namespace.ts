import type { LoadContext } from './loadContext.js';
import { OUTSIDE } from './types.js';

/** Names the language itself gives a meaning, and what that meaning is. */
const RESERVED: Readonly<Record<string, string>> = {
  year: 'year is the current year in expressions',
  [OUTSIDE]: `${OUTSIDE} is the system boundary in flows`,
  rest: 'rest means the remainder in share: rest',
};

export interface Namespace {
  /** Registers a name; a reserved name or one already taken is a ModelError at `path`. */
  claim(name: string, kind: string, path: string): void;
}

/**
 * Processes, stocks, drivers, parameters and dimensions share one namespace: expressions name
 * drivers, parameters and dimensions side by side, and messages name processes and stocks,
 * so one name must never mean two things.
 */
export function createNamespace(context: LoadContext): Namespace {
  const taken = new Map<string, { kind: string; path: string }>();
  return {
    claim(name, kind, path) {
      if (Object.hasOwn(RESERVED, name)) throw context.fail(`reserved name: ${name}`, path, `${RESERVED[name]}; choose another name for this ${kind}`);
      const previous = taken.get(name);
      if (previous) {
        throw context.fail(
          `duplicate name: ${name}`,
          path,
          `${name} is already a ${previous.kind} (${previous.path}); processes, stocks, drivers, parameters and dimensions share one namespace`,
        );
      }
      taken.set(name, { kind, path });
    },
  };
}
