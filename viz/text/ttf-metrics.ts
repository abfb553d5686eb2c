/**
 * Reads what label placement needs from a TrueType font: the advance width of each character,
 * in font units. Only the tables involved are parsed (head, hhea, hmtx
 * and a format-4 cmap, which covers the Basic Multilingual Plane); kerning is ignored, which is
 * why measured boxes get a small margin where they are used.
 */
export interface TtfMetrics {
  readonly unitsPerEm: number;
  /** Advance width of each code point the font maps, for the code points asked for. */
  readonly advances: ReadonlyMap<number, number>;
}

/** Where each table of the font lies, by tag, in the order of the font's table directory. */
export function tableDirectory(font: DataView): Map<string, { readonly offset: number; readonly length: number }> {
  const count = font.getUint16(4);
  const tables = new Map<string, { offset: number; length: number }>();
  for (let i = 0; i < count; i++) {
    const record = 12 + 16 * i;
    const tag = String.fromCharCode(font.getUint8(record), font.getUint8(record + 1), font.getUint8(record + 2), font.getUint8(record + 3));
    tables.set(tag, { offset: font.getUint32(record + 8), length: font.getUint32(record + 12) });
  }
  return tables;
}

export function requireTable(tables: ReturnType<typeof tableDirectory>, tag: string): number {
  const table = tables.get(tag);
  if (table === undefined) throw new Error(`invalid font: no ${tag} table`);
  return table.offset;
}

/** Glyph index of a code point through a format-4 (segmented BMP) cmap subtable, 0 when unmapped. */
function glyphIndexFormat4(font: DataView, subtable: number, codePoint: number): number {
  const segments = font.getUint16(subtable + 6) / 2;
  const endCodes = subtable + 14;
  const startCodes = endCodes + 2 * segments + 2;
  const deltas = startCodes + 2 * segments;
  const rangeOffsets = deltas + 2 * segments;
  for (let s = 0; s < segments; s++) {
    if (codePoint > font.getUint16(endCodes + 2 * s)) continue;
    const start = font.getUint16(startCodes + 2 * s);
    if (codePoint < start) return 0;
    const delta = font.getInt16(deltas + 2 * s);
    const rangeOffsetAt = rangeOffsets + 2 * s;
    const rangeOffset = font.getUint16(rangeOffsetAt);
    if (rangeOffset === 0) return (codePoint + delta) & 0xffff;
    const glyph = font.getUint16(rangeOffsetAt + rangeOffset + 2 * (codePoint - start));
    return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
  }
  return 0;
}

/** The Windows Unicode BMP (3, 1) subtable, which every font made for screens has. */
function unicodeSubtable(font: DataView, cmap: number): number {
  const count = font.getUint16(cmap + 2);
  for (let i = 0; i < count; i++) {
    const record = cmap + 4 + 8 * i;
    const subtable = cmap + font.getUint32(record + 4);
    if (font.getUint16(record) === 3 && font.getUint16(record + 2) === 1 && font.getUint16(subtable) === 4) return subtable;
  }
  throw new Error('invalid font: no Windows Unicode BMP cmap (format 4)');
}

export function readTtfMetrics(bytes: Uint8Array, codePoints: Iterable<number>): TtfMetrics {
  const font = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tables = tableDirectory(font);
  const head = requireTable(tables, 'head');
  const hhea = requireTable(tables, 'hhea');
  const hmtx = requireTable(tables, 'hmtx');
  const cmap = unicodeSubtable(font, requireTable(tables, 'cmap'));
  const longMetrics = font.getUint16(hhea + 34);
  const advances = new Map<number, number>();
  for (const codePoint of codePoints) {
    const glyph = glyphIndexFormat4(font, cmap, codePoint);
    if (glyph === 0) continue;
    // Glyphs past the last long metric share its advance width (the monospaced tail of hmtx).
    advances.set(codePoint, font.getUint16(hmtx + 4 * Math.min(glyph, longMetrics - 1)));
  }
  return {
    unitsPerEm: font.getUint16(head + 18),
    advances,
  };
}
