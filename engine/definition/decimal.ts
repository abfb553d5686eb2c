/** A plain decimal, exponent allowed: what data files and literal expressions may hold as numbers. */
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * The finite number a text spells as a plain decimal, else undefined. Stricter than `Number()`,
 * which reads '' as 0 and accepts `Infinity` and `0x10`, none of which a data file should hold.
 */
export function parseDecimal(text: string): number | undefined {
  const trimmed = text.trim();
  if (!DECIMAL.test(trimmed)) return undefined;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : undefined;
}

/** A number written where an expression goes (`0.3` or `"0.3"`), else undefined. */
export function literalNumber(expression: string | number): number | undefined {
  return typeof expression === 'number' ? expression : parseDecimal(expression);
}
