/**
 * Time left for a job, from how fast it has gone so far. Frames when the container gave a
 * total, else media time (decoding runs at a steady rate per frame, so either ratio is a fair
 * proxy). Null while there is too little to go on.
 */
export function estimateTimeLeftS(
  elapsedS: number,
  done: number,
  total: number | null,
): number | null {
  if (total === null || !(total > 0) || !(done > 0) || !(elapsedS > 0)) return null;
  const remaining = Math.max(0, total - done);
  return (elapsedS / done) * remaining;
}

/** Progress as a percentage 0..100 (null when the total is not known). */
export function progressPercent(done: number, total: number | null): number | null {
  if (total === null || !(total > 0)) return null;
  return Math.min(100, Math.max(0, (100 * done) / total));
}
