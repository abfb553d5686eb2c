import { escapeXml, num } from './format.js';

export type AttributeValue = string | number | undefined;

/** ` name="value"` for each defined attribute, numbers rounded by `num`, in the order given. */
function attributes(attrs: Readonly<Record<string, AttributeValue>>): string {
  let out = '';
  for (const name in attrs) {
    const value = attrs[name];
    if (value === undefined) continue;
    out += ` ${name}="${typeof value === 'number' ? num(value) : escapeXml(value)}"`;
  }
  return out;
}

/** An SVG element as a string; `children` is already-serialised markup (or nothing). */
export function element(name: string, attrs: Readonly<Record<string, AttributeValue>>, children?: string): string {
  return children === undefined ? `<${name}${attributes(attrs)}/>` : `<${name}${attributes(attrs)}>${children}</${name}>`;
}

/** A `<text>` element with escaped content; text is always real text, never outlines. */
export function textElement(content: string, attrs: Readonly<Record<string, AttributeValue>>): string {
  return element('text', attrs, escapeXml(content));
}

/** Path data from commands and numbers: `pathData('M', x, y, 'H', x1)` -> `M 1.5 2 H 3`. */
export function pathData(...parts: (string | number)[]): string {
  return parts.map((part) => (typeof part === 'string' ? part : num(part))).join(' ');
}
