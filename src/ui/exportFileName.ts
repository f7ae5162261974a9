/**
 * Export file names carry the date and time only: clip names often hold a patient's name or
 * record number, and a downloaded file name is easily shared (PLATFORM: no identifiers in names).
 */
export function exportFileName(extension: 'json' | 'csv' | 'png', now: Date = new Date(), what: 'result' | 'timeline' = 'result'): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  const stamp =
    `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}` +
    `_${pad(now.getHours())}-${pad(now.getMinutes())}-${pad(now.getSeconds())}`;
  return `twitchscope-${what}_${stamp}.${extension}`;
}
