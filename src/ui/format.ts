import { currentLocale } from './i18n/i18n';

/**
 * Number formatting for the page, in the page's locale (Intl: 12.50 in English, 12,50 in
 * Spanish), fixed decimals, no thousands grouping (counts here stay small, and a frame number
 * reads better whole), and an en dash for "not known". Exports never use these: their numbers
 * stay plain JSON/CSV numbers for other tools.
 */
export const NOT_KNOWN = '–';

const formats = new Map<string, Intl.NumberFormat>();

function numberFormat(digits: number): Intl.NumberFormat {
  const key = `${currentLocale()}|${digits}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(currentLocale(), { minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: false });
    formats.set(key, format);
  }
  return format;
}

/** Seconds with two decimals, the resolution of a 60 fps clip is about 0.017 s. */
export function formatS(valueS: number): string {
  return numberFormat(2).format(valueS);
}

/** A number with `digits` decimals, or the "not known" dash for null / non-finite values. */
export function formatNumber(value: number | null | undefined, digits: number): string {
  return value === null || value === undefined || !Number.isFinite(value) ? NOT_KNOWN : numberFormat(digits).format(value);
}

/** A whole count (frames, events). */
export function formatCount(value: number): string {
  return numberFormat(0).format(value);
}

/** A date and time, long form, in the page's locale ("12 March 2026 at 14:05"). */
export function formatDateTime(date: Date): string {
  return new Intl.DateTimeFormat(currentLocale(), { dateStyle: 'long', timeStyle: 'short' }).format(date);
}

/** A probability as a percentage in the page's locale ("92%", "92 %"). */
export function formatPercent(probability: number): string {
  return new Intl.NumberFormat(currentLocale(), { style: 'percent', maximumFractionDigits: 0 }).format(probability);
}
