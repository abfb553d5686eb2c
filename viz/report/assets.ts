import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { fontFilePaths } from '../render/fonts.js';
import type { FontWeight } from '../text/font.js';

/** What every report page inlines: its script, its stylesheet and the figures' fonts. */
export interface ReportAssets {
  readonly script: string;
  readonly style: string;
  readonly fonts: Readonly<Record<FontWeight, Uint8Array>>;
}

let assets: ReportAssets | undefined;

/**
 * The page's script and stylesheet live in viz/report/ of the package, next to this module when
 * run from source and three levels up when run from the compiled dist/viz/report/ (tsc copies no
 * .js or .css of its own); the fonts are the shipped ones, unmodified. Read once per process.
 */
export function reportAssets(): ReportAssets {
  if (assets) return assets;
  const candidates = ['./', '../../../viz/report/'].map((relative) => new URL(relative, import.meta.url));
  const directory = candidates.find((url) => existsSync(new URL('client.js', url)));
  if (!directory) throw new Error(`report assets not found: client.js in ${candidates.map((url) => fileURLToPath(url)).join(' or ')}`);
  const fonts = fontFilePaths();
  assets = {
    script: readFileSync(new URL('client.js', directory), 'utf8'),
    style: readFileSync(new URL('report.css', directory), 'utf8'),
    fonts: { regular: readFileSync(fonts.regular), semibold: readFileSync(fonts.semibold) },
  };
  return assets;
}
