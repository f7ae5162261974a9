/** Number formatting for the page: fixed decimals, an en dash for "not known". */

export const NOT_KNOWN = '–';

/** Seconds with two decimals, the resolution of a 60 fps clip is about 0.017 s. */
export function formatS(valueS: number): string {
  return valueS.toFixed(2);
}

/** A number with `digits` decimals, or the "not known" dash for null / non-finite values. */
export function formatNumber(value: number | null | undefined, digits: number): string {
  return value === null || value === undefined || !Number.isFinite(value) ? NOT_KNOWN : value.toFixed(digits);
}

/** "about 12 s", "about 2 min 5 s": a time-left estimate is rough, so it says so. */
export function formatDurationWords(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `about ${s} s`;
  const minutes = Math.floor(s / 60);
  const rest = s % 60;
  return rest === 0 ? `about ${minutes} min` : `about ${minutes} min ${rest} s`;
}
