import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { FONT_FILES, type FontWeight } from '../text/font.js';

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
