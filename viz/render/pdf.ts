import { FONT_FAMILY } from '../text/font.js';
import { fontFilePaths } from './fonts.js';
import { svgSizePoints } from './svg-size.js';

/**
 * A one-page vector PDF of a figure at its printed size, text kept as text in the shipped font.
 * svg-to-pdfkit finds fonts by family name among those registered, and takes weights of 600 and
 * above as bold: so the Semibold face is registered under the "-Bold" name it will ask for.
 * Warnings (an unsupported feature) are returned, not printed. pdfkit is loaded here, on the first
 * PDF, because loading it takes longer than most commands that never write one.
 */
export async function svgToPdf(svg: string): Promise<{ pdf: Uint8Array; warnings: string[] }> {
  const [{ default: PDFDocument }, { default: SVGtoPDF }] = await Promise.all([import('pdfkit'), import('svg-to-pdfkit')]);
  const { width, height } = svgSizePoints(svg);
  const fonts = fontFilePaths();
  const doc = new PDFDocument({ size: [width, height], margin: 0, autoFirstPage: true, info: { Title: /<title>([^<]*)<\/title>/.exec(svg)?.[1] ?? '' } });
  doc.registerFont(FONT_FAMILY, fonts.regular);
  doc.registerFont(`${FONT_FAMILY}-Bold`, fonts.semibold);
  const warnings: string[] = [];
  SVGtoPDF(doc, svg, 0, 0, { width, height, warningCallback: (message) => warnings.push(message) });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  doc.end();
  await done;
  return { pdf: new Uint8Array(Buffer.concat(chunks)), warnings };
}
