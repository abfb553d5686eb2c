import { createHash } from 'node:crypto';
import { FONT_FAMILY, FONT_WEIGHT_VALUE, type FontWeight } from '../text/font.js';
import type { ReportAssets } from './assets.js';
import type { ReportSection } from './figureBlock.js';
import { h, text } from './html.js';

export interface ReportPage {
  readonly title: string;
  readonly subtitle: string;
  readonly sections: readonly ReportSection[];
  readonly footer: string;
  /** JSON-serialisable: what the page's script reads. */
  readonly data: unknown;
}

function fontFaces(fonts: ReportAssets['fonts']): string {
  return (Object.keys(fonts) as FontWeight[])
    .map((weight) => `@font-face { font-family: '${FONT_FAMILY}'; font-weight: ${FONT_WEIGHT_VALUE[weight]}; src: url(data:font/ttf;base64,${Buffer.from(fonts[weight]).toString('base64')}) format('truetype'); }`)
    .join('\n');
}

/**
 * The report as one HTML file that needs nothing else: script, stylesheet, fonts and data are
 * inlined, and its Content-Security-Policy forbids every request (scripts run only when their
 * hash matches this page's own), so opening it never touches the network.
 */
export function reportHtml(page: ReportPage, assets: ReportAssets): string {
  const scriptHash = createHash('sha256').update(assets.script).digest('base64');
  const policy = `default-src 'none'; script-src 'sha256-${scriptHash}'; style-src 'unsafe-inline'; font-src data:; img-src data:; base-uri 'none'; form-action 'none'`;
  // JSON inside <script> must not close the element: every '<' is written as an escape.
  const data = JSON.stringify(page.data).replace(/</g, '\\u003c');
  const nav = h('nav', { class: 'sections', 'aria-label': 'Sections' }, h('ul', {}, ...page.sections.map((section) => h('li', {}, h('a', { href: `#${section.id}` }, text(section.title))))));
  const sections = page.sections.map((section) => h('section', { id: section.id, 'aria-labelledby': `${section.id}-title` }, h('h2', { id: `${section.id}-title` }, text(section.title)), section.html));
  return (
    '<!doctype html>\n' +
    h(
      'html',
      { lang: 'en' },
      h(
        'head',
        {},
        h('meta', { charset: 'utf-8' }),
        h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
        h('meta', { 'http-equiv': 'Content-Security-Policy', content: policy }),
        h('title', {}, text(page.title)),
        h('style', {}, `${fontFaces(assets.fonts)}\n${assets.style}`),
      ),
      h(
        'body',
        {},
        h('a', { class: 'skip', href: '#main' }, 'Skip to the report'),
        h('header', { class: 'report' }, h('h1', {}, text(page.title)), h('p', { class: 'lead' }, text(page.subtitle))),
        nav,
        h('main', { id: 'main' }, ...sections),
        h('footer', { class: 'report' }, text(page.footer)),
        h('script', { type: 'application/json', id: 'report-data' }, data),
        h('script', {}, assets.script),
      ),
    ) +
    '\n'
  );
}
