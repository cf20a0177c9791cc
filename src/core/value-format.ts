/**
 * What an indicator's values are, and how they print (data-format.md,
 * Indicators): `format: percent | integer | number` with `decimals`. Shares
 * print as percentages (0.3 as 30.0%), counts as whole numbers with
 * thousands separators, amounts with thousands separators and decimals.
 */

export const VALUE_FORMATS = ['percent', 'integer', 'number'] as const;
export type ValueFormat = (typeof VALUE_FORMATS)[number];

/** The most decimals an indicator may ask for. */
export const MAX_DECIMALS = 4;
/** An indicator without `format` is a number; without `decimals`, each format's own. */
export const DEFAULT_DECIMALS: Record<ValueFormat, number> = { percent: 1, integer: 0, number: 2 };

type Digit = 0 | 1 | 2 | 3 | 4;
/** One number format of indicator values: `integer`, `percent0`...`percent4`, `number0`...`number4`. */
export type ValueFormatKey = 'integer' | `percent${Digit}` | `number${Digit}`;

const DIGITS: Digit[] = [0, 1, 2, 3, 4];
/** Every key, in a fixed order (the styles and the Observations sheet's conditional formats follow it). */
export const VALUE_FORMAT_KEYS: readonly ValueFormatKey[] = [
  'integer',
  ...DIGITS.map((d): ValueFormatKey => `percent${d}`),
  ...DIGITS.map((d): ValueFormatKey => `number${d}`),
];

/** The key of an indicator's values. */
export function valueFormatKey(ind: { format?: ValueFormat; decimals?: number }): ValueFormatKey {
  const format = ind.format ?? 'number';
  if (format === 'integer') return 'integer';
  const d = Math.min(MAX_DECIMALS, Math.max(0, ind.decimals ?? DEFAULT_DECIMALS[format])) as Digit;
  return `${format}${d}`;
}

/** The spreadsheet number format of a key: `#,##0`, `0.0%`, `#,##0.00`. */
export function numberFormatOf(key: ValueFormatKey): string {
  if (key === 'integer') return '#,##0';
  const d = Number(key.slice(-1));
  const fraction = d ? `.${'0'.repeat(d)}` : '';
  return key.startsWith('percent') ? `0${fraction}%` : `#,##0${fraction}`;
}

/**
 * The number that stands for a key in the Indicators sheet's hidden helper
 * (and the Observations sheet's conditional formats compare): integer 1,
 * percent 10 + decimals, number 20 + decimals; 0 stands for none.
 */
export function valueFormatCode(key: ValueFormatKey): number {
  if (key === 'integer') return 1;
  return (key.startsWith('percent') ? 10 : 20) + Number(key.slice(-1));
}
