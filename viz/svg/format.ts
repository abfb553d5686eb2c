/**
 * Every number written into an SVG goes through `num`: at most 3 decimals, so output is stable
 * across platforms and golden files compare byte for byte; `-0` is written as `0`.
 */
export function num(value: number): string {
  const rounded = Math.round(value * 1000) / 1000;
  return rounded === 0 ? '0' : String(rounded);
}

const XML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Characters XML 1.0 does not allow at all, not even escaped: C0 controls other than tab and line
 * breaks, lone surrogate halves, U+FFFE and U+FFFF. A model name or label holding one made every
 * figure unreadable ("non-XML character"); they are dropped.
 */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Text as SVG content or an attribute value: markup escaped, characters XML cannot hold dropped. */
export function escapeXml(text: string): string {
  return text.replace(NOT_XML, '').replace(/[&<>"']/g, (character) => XML_ESCAPES[character]);
}
