import { escapeXml } from '../svg/format.js';

export type HtmlAttributes = Readonly<Record<string, string | number | boolean | undefined>>;

/** Elements that have no end tag in HTML. */
const VOID = new Set(['br', 'hr', 'img', 'input', 'link', 'meta']);

/**
 * An HTML element as a string. Text goes through `text` (escaped); children are markup already.
 * An attribute that is `true` is written bare (`hidden`), `false` or undefined not at all.
 */
export function h(name: string, attributes: HtmlAttributes = {}, ...children: string[]): string {
  let open = `<${name}`;
  for (const key in attributes) {
    const value = attributes[key];
    if (value === undefined || value === false) continue;
    open += value === true ? ` ${key}` : ` ${key}="${escapeXml(String(value))}"`;
  }
  return VOID.has(name) ? `${open}>` : `${open}>${children.join('')}</${name}>`;
}

export function text(content: string): string {
  return escapeXml(content);
}

/** A table of text cells with a caption; `numeric` columns align right. */
export function textTable(caption: string, header: readonly string[], rows: readonly (readonly string[])[], numeric: readonly boolean[] = []): string {
  const cell = (tag: string, content: string, i: number) => h(tag, numeric[i] ? { class: 'num' } : {}, text(content));
  return h(
    'table',
    {},
    h('caption', {}, text(caption)),
    h('thead', {}, h('tr', {}, ...header.map((title, i) => h('th', { scope: 'col', ...(numeric[i] ? { class: 'num' } : {}) }, text(title))))),
    h('tbody', {}, ...rows.map((row) => h('tr', {}, ...row.map((content, i) => cell(i === 0 ? 'th' : 'td', content, i))))),
  );
}

/** Terms and their descriptions (markup), as a definition list. */
export function factList(entries: readonly (readonly [string, string])[]): string {
  return h('dl', { class: 'facts' }, ...entries.map(([term, description]) => h('dt', {}, text(term)) + h('dd', {}, description)));
}
