import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { afterAll, describe, expect, it } from 'vitest';
import { fontFilePaths, rasterFontPaths } from '../../../viz/render/fonts.js';
import { unhintedFont } from '../../../viz/render/unhinted-font.js';
import { FONT_FAMILY, tabulatedCodePoints } from '../../../viz/text/font.js';
import { tableDirectory } from '../../../viz/text/ttf-metrics.js';

const weights = ['regular', 'semibold'] as const;

// Fonts of this file's own, so that removing one cannot disturb renders in other test files.
const temporary = mkdtempSync(join(tmpdir(), 'metabolis-test-'));
process.env.TMPDIR = temporary;
afterAll(() => rmSync(temporary, { recursive: true, force: true }));

/** Every tabulated character, some that are not (other scripts, accents), kerning pairs and ligatures, in both faces. */
function sampleSvg(): string {
  const characters = String.fromCodePoint(...tabulatedCodePoints()).replace(/[<>&]/g, '');
  const lines = [...(characters.match(/[\s\S]{1,40}/g) ?? []), 'ő Ж ą ế ǆ ﬁ', 'AVAWATToYo fi fl ffi ffl 1.93 Mt/yr'];
  let body = '';
  lines.forEach((line, i) => {
    for (const [w, weight] of [[0, 400], [1, 600]]) body += `<text x="${5 + 300 * w}" y="${14 * (i + 1)}" font-size="11" font-weight="${weight}">${line}</text>`;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="${14 * (lines.length + 1)}" font-family="${FONT_FAMILY}"><rect width="100%" height="100%" fill="#fff"/>${body}</svg>`;
}

function pixels(svg: string, fonts: Readonly<Record<(typeof weights)[number], string>>): Buffer {
  const options = { fitTo: { mode: 'zoom' as const, value: 3 }, font: { fontFiles: [fonts.regular, fonts.semibold], loadSystemFonts: false, defaultFontFamily: FONT_FAMILY } };
  return new Resvg(svg, options).render().pixels;
}

describe('unhintedFont', () => {
  it('unhintedFont(shipped font) renders every character pixel for pixel as the shipped font does', () => {
    const shipped = pixels(sampleSvg(), fontFilePaths());
    expect(pixels(sampleSvg(), rasterFontPaths()).equals(shipped)).toBe(true);
    // Text was drawn at all: resvg leaves the page blank when it has no font.
    let dark = 0;
    for (let i = 0; i < shipped.length; i += 4) if (shipped[i] < 128) dark++;
    expect(dark).toBeGreaterThan(10_000);
  });

  it.each(weights)('unhintedFont(%s) drops hinting and glyph names only: every other table is kept byte for byte, and the file shrinks', (weight) => {
    const shipped = readFileSync(fontFilePaths()[weight]);
    const unhinted = unhintedFont(shipped);
    const table = (bytes: Uint8Array, tag: string) => {
      const entry = tableDirectory(new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)).get(tag)!;
      return Buffer.from(bytes.subarray(entry.offset, entry.offset + entry.length));
    };
    const tags = [...tableDirectory(new DataView(unhinted.buffer)).keys()];
    expect(tags).not.toContain('fpgm');
    expect(tags).not.toContain('prep');
    for (const tag of ['cmap', 'hmtx', 'hhea', 'GPOS', 'GSUB', 'GDEF', 'name', 'OS/2', 'maxp']) expect(table(unhinted, tag).equals(table(shipped, tag))).toBe(true);
    expect(unhinted.length).toBeLessThan(0.8 * shipped.length);
    // The shipped bytes are left as they were.
    expect(Buffer.from(shipped).equals(readFileSync(fontFilePaths()[weight]))).toBe(true);
  });

  it('rasterFontPaths writes the unhinted fonts, named by their content, and again when they have gone missing', () => {
    const paths = rasterFontPaths();
    expect(paths.regular.startsWith(process.env.TMPDIR!)).toBe(true);
    expect(rasterFontPaths()).toBe(paths);
    rmSync(paths.regular);
    expect(rasterFontPaths().regular).toBe(paths.regular);
    for (const weight of weights) expect(readFileSync(paths[weight]).equals(Buffer.from(unhintedFont(readFileSync(fontFilePaths()[weight]))))).toBe(true);
  });
});
