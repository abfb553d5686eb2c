import { describe, expect, it } from 'vitest';
import { svgDocument } from '../../../viz/svg/document.js';
import { escapeXml } from '../../../viz/svg/format.js';
import { svgToPng } from '../../../viz/render/png.js';

describe('escapeXml(text)', () => {
  it('escapeXml(text) escapes markup and drops characters that XML 1.0 does not allow', () => {
    expect(escapeXml('a < b & "c" \'d\' > e')).toBe('a &lt; b &amp; &quot;c&quot; &#39;d&#39; &gt; e');
    expect(escapeXml('bell\u0007 escape\u001b[31m null\u0000 nonchar\uFFFE lone\uD800 end')).toBe('bell escape[31m null nonchar lone end');
    expect(escapeXml('tab\tnew\nline\r, é, 😀')).toBe('tab\tnew\nline\r, é, 😀');
  });

  it('svgToPng(svg) renders a figure whose title holds control characters', () => {
    const svg = svgDocument(40, 20, 'City \u0001\u001b waste', '');
    expect(svgToPng(svg, { dpi: 72 }).png.byteLength).toBeGreaterThan(0);
  });
});
