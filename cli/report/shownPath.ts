import { basename, dirname, isAbsolute, relative } from 'node:path';

/**
 * A path as a report shows it: relative to the working folder when it lies inside it, else only
 * its folder and file name. A report is made to be sent on, and an absolute path would tell its
 * reader where the author keeps files (`/home/…`).
 */
export function shownPath(path: string): string {
  const inside = relative(process.cwd(), path);
  if (inside !== '' && !inside.startsWith('..') && !isAbsolute(inside)) return inside;
  return `…/${basename(dirname(path))}/${basename(path)}`;
}
