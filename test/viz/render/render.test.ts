import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { OptionsError } from '../../../engine/errors.js';
import { sankeySvg, svgToPdf, svgToPng, timeSeriesSvg } from '../../../viz/index.js';
import { cityWithLoopAndStocks } from '../fixtures/sankey-inputs.js';
import { wasteByMaterial } from '../fixtures/chart-inputs.js';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Width, height and RGBA rows of an 8-bit RGBA PNG (what resvg writes), with its filters undone. */
function decodePng(png: Uint8Array): { width: number; height: number; pixel: (x: number, y: number) => number[] } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const width = view.getUint32(16);
  const height = view.getUint32(20);
  expect([png[24], png[25]]).toEqual([8, 6]);
  const chunks: Uint8Array[] = [];
  for (let offset = 8; offset < png.length; ) {
    const length = view.getUint32(offset);
    const type = String.fromCharCode(...png.subarray(offset + 4, offset + 8));
    if (type === 'IDAT') chunks.push(png.subarray(offset + 8, offset + 8 + length));
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(chunks));
  const stride = width * 4;
  const rows = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let i = 0; i < stride; i++) {
      const value = raw[y * (stride + 1) + 1 + i];
      const left = i >= 4 ? rows[y * stride + i - 4] : 0;
      const up = y > 0 ? rows[(y - 1) * stride + i] : 0;
      const upLeft = y > 0 && i >= 4 ? rows[(y - 1) * stride + i - 4] : 0;
      const paeth = () => {
        const p = left + up - upLeft;
        const [a, b, c] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - upLeft)];
        return a <= b && a <= c ? left : b <= c ? up : upLeft;
      };
      const predictor = [0, left, up, (left + up) >> 1, paeth()][filter];
      rows[y * stride + i] = (value + predictor) & 0xff;
    }
  }
  return { width, height, pixel: (x, y) => Array.from(rows.subarray(y * stride + x * 4, y * stride + x * 4 + 4)) };
}

describe('svgToPng', () => {
  it('svgToPng renders at the requested resolution', () => {
    const figure = sankeySvg(cityWithLoopAndStocks());
    for (const dpi of [72, 150]) {
      const png = svgToPng(figure.svg, { dpi });
      expect(Array.from(png.png.subarray(0, 8))).toEqual(PNG_SIGNATURE);
      expect(png.width).toBe(Math.round((figure.width / 72) * dpi));
      // The height follows from the width and the aspect ratio, whose millimetres are rounded to 3 decimals.
      expect(Math.abs(png.height - (figure.height / 72) * dpi)).toBeLessThanOrEqual(1);
      const decoded = decodePng(png.png);
      expect([decoded.width, decoded.height]).toEqual([png.width, png.height]);
    }
  });

  it('svgToPng draws the title text, which proves the shipped font was loaded', () => {
    // The title's first letters sit in the top-left corner of every figure; resvg drops text
    // silently when it has no font, leaving that corner white.
    const png = decodePng(svgToPng(timeSeriesSvg(wasteByMaterial()).svg, { dpi: 150 }).png);
    const scale = 150 / 72;
    let dark = 0;
    for (let y = Math.floor(6 * scale); y < Math.ceil(16 * scale); y++) {
      for (let x = Math.floor(6 * scale); x < Math.ceil(60 * scale); x++) if (png.pixel(x, y)[0] < 128) dark++;
    }
    expect(dark).toBeGreaterThan(50);
    expect(png.pixel(png.width - 2, 1)).toEqual([255, 255, 255, 255]);
  });

  it('svgToPng rejects a resolution it cannot honour', () => {
    expect(() => svgToPng(timeSeriesSvg(wasteByMaterial()).svg, { dpi: 0 })).toThrow(OptionsError);
  });
});

describe('svgToPdf', () => {
  it('svgToPdf writes a one-page PDF of the figure\'s size that embeds the shipped font', async () => {
    const figure = timeSeriesSvg(wasteByMaterial());
    const { pdf, warnings } = await svgToPdf(figure.svg);
    const text = Buffer.from(pdf).toString('latin1');
    expect(text.startsWith('%PDF-')).toBe(true);
    expect(text).toMatch(/\/BaseFont \/[A-Z]{6}\+SourceSans3-Regular/);
    expect(text).toMatch(/\/BaseFont \/[A-Z]{6}\+SourceSans3-Semibold/);
    expect(text).toContain('/FontFile2');
    expect(text).not.toContain('/Helvetica');
    const mediaBox = /\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/.exec(text);
    expect(Number(mediaBox![1])).toBeCloseTo(figure.width, 0);
    expect(Number(mediaBox![2])).toBeCloseTo(figure.height, 0);
    expect(warnings).toEqual([]);
  });
});
