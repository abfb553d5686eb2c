/**
 * Numbers as figures print them: three significant digits, thousands grouped with commas, a true
 * minus sign (U+2212), and masses in tonnes moved to kt / Mt / Gt so labels stay short.
 */
const MINUS = '\u2212';
const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

function superscript(exponent: number): string {
  const digits = String(Math.abs(exponent)).replace(/\d/g, (d) => SUPERSCRIPT_DIGITS[Number(d)]);
  return (exponent < 0 ? '⁻' : '') + digits;
}

function groupThousands(integerDigits: string): string {
  return integerDigits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** `value` to `significant` digits: 12345 -> "12,300", 0.01234 -> "0.0123", 2e-5 -> "2×10⁻⁵". */
export function formatNumber(value: number, significant = 3): string {
  if (!Number.isFinite(value)) return Number.isNaN(value) ? 'NaN' : value > 0 ? '∞' : `${MINUS}∞`;
  if (value === 0) return '0';
  const sign = value < 0 ? MINUS : '';
  const magnitude = Number(Math.abs(value).toPrecision(significant));
  const exponent = Math.floor(Math.log10(magnitude));
  if (exponent < -3 || exponent > 15) {
    const mantissa = Number((magnitude / 10 ** exponent).toPrecision(significant));
    return `${sign}${mantissa}×10${superscript(exponent)}`;
  }
  const decimals = Math.max(0, significant - 1 - exponent);
  const [integerPart, fraction] = magnitude.toFixed(decimals).split('.');
  const trimmed = fraction?.replace(/0+$/, '') ?? '';
  return `${sign}${groupThousands(integerPart)}${trimmed ? `.${trimmed}` : ''}`;
}

/** A count as an integer with grouped thousands: 12000 -> "12,000". */
export function formatCount(count: number): string {
  return `${count < 0 ? MINUS : ''}${groupThousands(String(Math.round(Math.abs(count))))}`;
}

/** Prefixed units for masses; the first whose factor the value reaches is used. */
const MASS_PREFIXES: Readonly<Record<string, readonly (readonly [number, string])[]>> = {
  t: [[1e9, 'Gt'], [1e6, 'Mt'], [1e3, 'kt']],
  kg: [[1e9, 'Mt'], [1e6, 'kt'], [1e3, 't']],
};

/**
 * The unit to show values of about `magnitude` in: "t" becomes "kt" from 1,000 t on. A rate
 * such as "t/yr" keeps its denominator. Returns the factor to divide values by.
 */
export function displayUnit(magnitude: number, unit: string): { factor: number; unit: string } {
  const slash = unit.indexOf('/');
  // "t CO2e/yr": the mass is "t", qualified by what it is a mass of.
  const [mass, ...qualifier] = (slash < 0 ? unit : unit.slice(0, slash)).split(' ');
  const rest = (qualifier.length > 0 ? ` ${qualifier.join(' ')}` : '') + (slash < 0 ? '' : unit.slice(slash));
  const rounded = Number(Math.abs(magnitude).toPrecision(3));
  const [factor, prefixed] = (MASS_PREFIXES[mass] ?? []).find(([threshold]) => rounded >= threshold) ?? [1, mass];
  return { factor, unit: prefixed + rest };
}

/** "12.3 kt/yr": a value with its unit and an optional suffix such as "/yr". */
export function formatQuantity(value: number, unit: string, suffix = ''): string {
  const shown = displayUnit(value, unit);
  return `${formatNumber(value / shown.factor)} ${shown.unit}${suffix}`;
}

/** Like formatQuantity with an explicit "+" for positive values (stock changes, residuals). */
export function formatSignedQuantity(value: number, unit: string, suffix = ''): string {
  return `${value > 0 ? '+' : ''}${formatQuantity(value, unit, suffix)}`;
}

/** "105 ± 2.1 t/yr": a value and its standard deviation in one unit (the sd to two digits); `signed` adds "+" to a positive value. */
export function formatUncertainQuantity(value: number, sd: number, unit: string, suffix = '', signed = false): string {
  const shown = displayUnit(value, unit);
  return `${signed && value > 0 ? '+' : ''}${formatNumber(value / shown.factor)} ± ${formatNumber(sd / shown.factor, 2)} ${shown.unit}${suffix}`;
}
