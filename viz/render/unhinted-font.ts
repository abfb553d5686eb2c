import { requireTable, tableDirectory } from '../text/ttf-metrics.js';

/**
 * Tables that only a hinting rasteriser reads (resvg draws outlines unhinted, as they are), and
 * the digital signature, which any change invalidates.
 */
const DROPPED_TABLES = new Set(['fpgm', 'prep', 'cvt ', 'gasp', 'hdmx', 'LTSH', 'VDMX', 'DSIG']);

/** Flags of a composite glyph's components (OpenType `glyf` table). */
const ARGS_ARE_WORDS = 0x0001;
const HAS_SCALE = 0x0008;
const MORE_COMPONENTS = 0x0020;
const HAS_X_AND_Y_SCALE = 0x0040;
const HAS_TWO_BY_TWO = 0x0080;
const HAS_INSTRUCTIONS = 0x0100;

/** A glyph's outline record without its hinting instructions. */
function withoutInstructions(glyph: Uint8Array): Uint8Array {
  if (glyph.length === 0) return glyph;
  const view = new DataView(glyph.buffer, glyph.byteOffset, glyph.byteLength);
  const contours = view.getInt16(0);
  if (contours >= 0) {
    // Header, end points, then instructionLength and the instructions, then flags and points.
    const at = 10 + 2 * contours;
    const length = view.getUint16(at);
    const out = new Uint8Array(glyph.length - length);
    out.set(glyph.subarray(0, at));
    out.set(glyph.subarray(at + 2 + length), at + 2);
    return out;
  }
  let at = 10;
  let last = at;
  let flags: number;
  do {
    last = at;
    flags = view.getUint16(at);
    at += 4 + (flags & ARGS_ARE_WORDS ? 4 : 2) + (flags & HAS_SCALE ? 2 : flags & HAS_X_AND_Y_SCALE ? 4 : flags & HAS_TWO_BY_TWO ? 8 : 0);
  } while (flags & MORE_COMPONENTS);
  if (!(flags & HAS_INSTRUCTIONS)) return glyph;
  // The instructions follow the last component: cut them and clear its flag.
  const out = new Uint8Array(glyph.subarray(0, at));
  new DataView(out.buffer).setUint16(last, flags & ~HAS_INSTRUCTIONS);
  return out;
}

const padded = (length: number) => (length + 3) & ~3;

/** Sum of the big-endian 32-bit words of a table, zero-padded (OpenType table checksum). */
function checksum(data: Uint8Array): number {
  const words = new Uint8Array(padded(data.length));
  words.set(data);
  const view = new DataView(words.buffer);
  let sum = 0;
  for (let i = 0; i < words.length; i += 4) sum = (sum + view.getUint32(i)) >>> 0;
  return sum;
}

function glyphTables(font: DataView, tables: ReturnType<typeof tableDirectory>): { glyf: Uint8Array; loca: Uint8Array } {
  const longOffsets = font.getInt16(requireTable(tables, 'head') + 50) === 1;
  const glyphs = font.getUint16(requireTable(tables, 'maxp') + 4);
  const loca = requireTable(tables, 'loca');
  const glyf = requireTable(tables, 'glyf');
  const offset = (g: number) => (longOffsets ? font.getUint32(loca + 4 * g) : 2 * font.getUint16(loca + 2 * g));
  const bytes = new Uint8Array(font.buffer, font.byteOffset, font.byteLength);
  const stripped = Array.from({ length: glyphs }, (_, g) => withoutInstructions(bytes.subarray(glyf + offset(g), glyf + offset(g + 1))));
  const newGlyf = new Uint8Array(stripped.reduce((sum, glyph) => sum + padded(glyph.length), 0));
  const newLoca = new DataView(new ArrayBuffer(4 * (glyphs + 1)));
  let at = 0;
  stripped.forEach((glyph, g) => {
    newLoca.setUint32(4 * g, at);
    newGlyf.set(glyph, at);
    at += padded(glyph.length);
  });
  newLoca.setUint32(4 * glyphs, at);
  return { glyf: newGlyf, loca: new Uint8Array(newLoca.buffer) };
}

/**
 * The font without what a renderer that does not hint never reads: per-glyph instructions,
 * hinting tables and glyph names (`post` becomes version 3). Outlines, metrics, cmap, GSUB and
 * GPOS are kept byte for byte, so text renders pixel for pixel the same. resvg reads the whole
 * font file again for every glyph it draws, so a smaller file draws text faster.
 */
export function unhintedFont(bytes: Uint8Array): Uint8Array {
  const font = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tables = tableDirectory(font);
  const { glyf, loca } = glyphTables(font, tables);
  const output = new Map<string, Uint8Array>();
  for (const [tag, { offset, length }] of tables) {
    // Copies, each with a buffer of its own (a Node Buffer's slice would share the input's).
    if (!DROPPED_TABLES.has(tag)) output.set(tag, new Uint8Array(bytes.subarray(offset, offset + length)));
  }
  output.set('glyf', glyf);
  output.set('loca', loca);
  const head = output.get('head')!;
  const headView = new DataView(head.buffer);
  headView.setInt16(50, 1);
  headView.setUint32(8, 0);
  const post = new Uint8Array(output.get('post')!.subarray(0, 32));
  new DataView(post.buffer).setUint32(0, 0x00030000);
  output.set('post', post);

  const tags = [...output.keys()].sort();
  const power = 2 ** Math.floor(Math.log2(tags.length));
  const directory = 12 + 16 * tags.length;
  const result = new Uint8Array(directory + tags.reduce((sum, tag) => sum + padded(output.get(tag)!.length), 0));
  const view = new DataView(result.buffer);
  view.setUint32(0, font.getUint32(0));
  view.setUint16(4, tags.length);
  view.setUint16(6, power * 16);
  view.setUint16(8, Math.log2(power));
  view.setUint16(10, tags.length * 16 - power * 16);
  let at = directory;
  let headAt = 0;
  tags.forEach((tag, i) => {
    const data = output.get(tag)!;
    if (tag === 'head') headAt = at;
    for (let c = 0; c < 4; c++) view.setUint8(12 + 16 * i + c, tag.charCodeAt(c));
    view.setUint32(12 + 16 * i + 4, checksum(data));
    view.setUint32(12 + 16 * i + 8, at);
    view.setUint32(12 + 16 * i + 12, data.length);
    result.set(data, at);
    at += padded(data.length);
  });
  // head.checkSumAdjustment makes the whole font sum to the magic number.
  view.setUint32(headAt + 8, (0xb1b0afba - checksum(result)) >>> 0);
  return result;
}
