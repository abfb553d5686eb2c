import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, extname } from 'node:path';
import { svgToPdf, svgToPng } from '../../viz/index.js';
import { UsageError } from '../failure.js';

export type FigureFormat = 'svg' | 'png' | 'pdf';

/** The format a figure file's extension asks for. */
export function figureFormat(path: string): FigureFormat {
  const extension = extname(path).toLowerCase().slice(1);
  if (extension === 'svg' || extension === 'png' || extension === 'pdf') return extension;
  throw new UsageError(`-o must end in .svg, .png or .pdf (got ${path})`);
}

/** Writes an SVG figure as SVG, PNG (at `dpi`, default 300) or vector PDF, by the file's extension; returns notes to show. */
export async function writeFigure(path: string, svg: string, dpi: number | undefined): Promise<string[]> {
  const format = figureFormat(path);
  mkdirSync(dirname(path), { recursive: true });
  if (format === 'svg') {
    writeFileSync(path, svg);
    return [];
  }
  if (format === 'png') {
    writeFileSync(path, svgToPng(svg, { dpi }).png);
    return [];
  }
  const { pdf, warnings } = await svgToPdf(svg);
  writeFileSync(path, pdf);
  return warnings.map((warning) => `PDF: ${warning}`);
}
