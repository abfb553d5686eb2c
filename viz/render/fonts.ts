import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { threadId } from 'node:worker_threads';
import { FONT_FILES, type FontWeight } from '../text/font.js';
import { unhintedFont } from './unhinted-font.js';

/**
 * Absolute paths of the shipped font files. They live in viz/fonts/ of the package: next to this
 * module's folder when run from source, three levels up when run from the compiled dist/viz/render/.
 */
export function fontFilePaths(): Readonly<Record<FontWeight, string>> {
  const candidates = ['../fonts/', '../../../viz/fonts/'].map((relative) => new URL(relative, import.meta.url));
  const directory = candidates.find((url) => existsSync(new URL(FONT_FILES.regular, url)));
  if (!directory) throw new Error(`font files not found: ${FONT_FILES.regular} in ${candidates.map((url) => fileURLToPath(url)).join(' or ')}`);
  return {
    regular: fileURLToPath(new URL(FONT_FILES.regular, directory)),
    semibold: fileURLToPath(new URL(FONT_FILES.semibold, directory)),
  };
}

/** The unhinted fonts and where they are written, worked out once per thread. */
let unhinted: { readonly paths: Readonly<Record<FontWeight, string>>; readonly bytes: Readonly<Record<FontWeight, Uint8Array>> } | undefined;

function writeIfChanged(path: string, bytes: Uint8Array): void {
  if (existsSync(path) && readFileSync(path).equals(bytes)) return;
  mkdirSync(dirname(path), { recursive: true });
  // Written aside, then renamed: another process or thread never reads a half-written font.
  const temporary = `${path}.${process.pid}-${threadId}.tmp`;
  writeFileSync(temporary, bytes);
  renameSync(temporary, path);
}

/**
 * The fonts for resvg: unhinted copies of the shipped files (`unhintedFont`), which it draws
 * alike and faster. resvg-js takes font files by path only, so the copies are written into the
 * temporary folder, named by their content, and written again whenever they have gone missing
 * (temporary folders get cleaned) or hold other bytes. Where they cannot be written, the shipped
 * files serve: the same image, drawn slower.
 */
export function rasterFontPaths(): Readonly<Record<FontWeight, string>> {
  const shipped = fontFilePaths();
  try {
    if (!unhinted) {
      const bytes = { regular: unhintedFont(readFileSync(shipped.regular)), semibold: unhintedFont(readFileSync(shipped.semibold)) };
      const path = (weight: FontWeight) => join(tmpdir(), 'metabolis-fonts', `${createHash('sha256').update(bytes[weight]).digest('hex').slice(0, 16)}-${FONT_FILES[weight]}`);
      unhinted = { bytes, paths: { regular: path('regular'), semibold: path('semibold') } };
      for (const weight of ['regular', 'semibold'] as const) writeIfChanged(unhinted.paths[weight], bytes[weight]);
    }
    for (const weight of ['regular', 'semibold'] as const) if (!existsSync(unhinted.paths[weight])) writeIfChanged(unhinted.paths[weight], unhinted.bytes[weight]);
    return unhinted.paths;
  } catch {
    return shipped;
  }
}
