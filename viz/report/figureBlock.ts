import { h, text } from './html.js';

/** A section of the page: the navigation lists it by its title. */
export interface ReportSection {
  readonly id: string;
  readonly title: string;
  readonly html: string;
}

export interface FigureBlock {
  /** Names the saved file, `<model>-<file>.svg`. */
  readonly file: string;
  readonly svg: string;
  /** The figure as an image, for screen readers. */
  readonly alt: string;
  /** What it shows, in words, under it. */
  readonly caption: string;
  /** Single-column figures are shown narrower. */
  readonly width?: 'single' | 'double';
  readonly id?: string;
}

/** A figure of the page: the SVG as the static figures draw it, described in words, with a button that saves it. */
export function figureBlock({ file, svg, alt, caption, width = 'double', id }: FigureBlock): string {
  return h(
    'figure',
    { class: 'figure', 'data-file': file.toLowerCase().replace(/[^a-z0-9.]+/g, '-') },
    h('div', { class: `svg ${width}`, role: 'img', 'aria-label': alt, id }, svg),
    // A figure's caption is its first or last child: the button goes inside it.
    h('figcaption', {}, text(caption), h('div', { class: 'figure-tools' }, h('button', { type: 'button', class: 'download-svg' }, 'Download SVG'))),
  );
}
