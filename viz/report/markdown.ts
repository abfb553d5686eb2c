import { escapeXml } from '../svg/format.js';
import { h } from './html.js';

/**
 * Markdown as the model folders write their SOURCES.md, as HTML: headings, paragraphs, lists,
 * tables, code (fenced or indented), block quotes, and inline code, bold, italics and links. It
 * is data, not trusted markup: every text is escaped, raw HTML is shown as text, and only http,
 * https and mailto links become links. Headings move down by `headingShift` levels, so that a
 * document's title fits under the page's own headings.
 */
export function markdownHtml(markdown: string, headingShift = 2): string {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const out: string[] = [];
  let i = 0;
  const isBlank = (line: string | undefined) => line === undefined || line.trim() === '';
  while (i < lines.length) {
    const line = lines[i];
    if (isBlank(line)) {
      i++;
      continue;
    }
    const fence = /^\s*```/.exec(line);
    if (fence) {
      const code: string[] = [];
      for (i++; i < lines.length && !/^\s*```/.test(lines[i]); i++) code.push(lines[i]);
      i++;
      out.push(h('pre', {}, h('code', {}, escapeXml(code.join('\n')))));
      continue;
    }
    if (/^( {4}|\t)/.test(line)) {
      const code: string[] = [];
      while (i < lines.length && (/^( {4}|\t)/.test(lines[i]) || (isBlank(lines[i]) && /^( {4}|\t)/.test(lines[i + 1] ?? '')))) code.push(lines[i++].replace(/^( {4}|\t)/, ''));
      out.push(h('pre', {}, h('code', {}, escapeXml(code.join('\n')))));
      continue;
    }
    const heading = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) {
      out.push(h(`h${Math.min(6, heading[1].length + headingShift)}`, {}, inline(heading[2])));
      i++;
      continue;
    }
    if (line.trimStart().startsWith('|') && /^\s*\|?\s*:?-{2,}/.test(lines[i + 1] ?? '')) {
      const rows: string[][] = [];
      for (; i < lines.length && lines[i].trimStart().startsWith('|'); i++) rows.push(tableCells(lines[i]));
      const [header, , ...body] = rows;
      out.push(
        h(
          'table',
          {},
          h('thead', {}, h('tr', {}, ...header.map((cell) => h('th', { scope: 'col' }, inline(cell))))),
          h('tbody', {}, ...body.map((row) => h('tr', {}, ...row.map((cell) => h('td', {}, inline(cell)))))),
        ),
      );
      continue;
    }
    const item = /^\s*([-*+]|\d+[.)])\s+/;
    if (item.test(line)) {
      const ordered = /\d/.test(item.exec(line)![1]);
      const items: string[] = [];
      while (i < lines.length && !isBlank(lines[i])) {
        if (item.test(lines[i])) items.push(lines[i].replace(item, ''));
        else items[items.length - 1] += ` ${lines[i].trim()}`;
        i++;
      }
      out.push(h(ordered ? 'ol' : 'ul', {}, ...items.map((entry) => h('li', {}, inline(entry)))));
      continue;
    }
    const paragraph: string[] = [];
    const quote = line.startsWith('>');
    while (i < lines.length && !isBlank(lines[i]) && !item.test(lines[i]) && !/^#{1,6}\s/.test(lines[i]) && !/^\s*```/.test(lines[i])) {
      paragraph.push(lines[i++].replace(/^>\s?/, '').trim());
    }
    const body = h('p', {}, inline(paragraph.join(' ')));
    out.push(quote ? h('blockquote', {}, body) : body);
  }
  return out.join('\n');
}

function tableCells(line: string): string[] {
  const trimmed = line.trim().replace(/^\|/, '').replace(/\|$/, '');
  return trimmed.split(/(?<!\\)\|/).map((cell) => cell.trim().replace(/\\\|/g, '|'));
}

/** Code spans first (their content is literal), then links, bare web addresses, bold and italics. */
const INLINE = /`([^`]+)`|\[([^\]]+)\]\(([^)\s]+)\)|(https?:\/\/[^\s<>()]*[^\s<>().,;:!?'"])|\*\*(.+?)\*\*|(?<![\w*])\*(?![\s*])(.+?)(?<![\s*])\*(?![\w*])|(?<![\w_])_(?![\s_])(.+?)(?<![\s_])_(?![\w_])/g;

function inline(source: string): string {
  let out = '';
  let last = 0;
  for (const match of source.matchAll(INLINE)) {
    out += escapeXml(source.slice(last, match.index));
    const [, code, label, url, bare, bold, star, underscore] = match;
    if (code !== undefined) out += h('code', {}, escapeXml(code));
    else if (label !== undefined) out += link(url, inline(label));
    else if (bare !== undefined) out += link(bare, escapeXml(bare));
    else if (bold !== undefined) out += h('strong', {}, inline(bold));
    else out += h('em', {}, inline(star ?? underscore));
    last = match.index + match[0].length;
  }
  return out + escapeXml(source.slice(last));
}

function link(url: string, content: string): string {
  return /^(https?:|mailto:)/i.test(url) ? h('a', { href: url, rel: 'noreferrer' }, content) : content;
}
