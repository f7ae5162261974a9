/**
 * Index of the frame on screen at time `timeS`: the last frame whose presentation time is at
 * or before it (a frame stays up until the next one). Frame times come from the container and
 * need not be evenly spaced (variable frame rate), so this is a binary search, not t x fps.
 * `timesS` must be ascending. Half a millisecond of slack absorbs float rounding in currentTime.
 */
export function frameIndexAt(timesS: readonly number[], timeS: number): number {
  if (timesS.length === 0) return -1;
  const t = timeS + 5e-4;
  if (t < timesS[0]) return 0;
  let lo = 0;
  let hi = timesS.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (timesS[mid] <= t) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Keys of a WAI-ARIA media seek slider mapped to the frame they move to. */
export function frameIndexForKey(
  key: string,
  index: number,
  timesS: readonly number[],
  pageStepS = 1,
): number | null {
  const last = timesS.length - 1;
  if (last < 0) return null;
  const clamp = (i: number): number => Math.min(last, Math.max(0, i));
  switch (key) {
    case 'ArrowRight':
    case 'ArrowUp':
      return clamp(index + 1);
    case 'ArrowLeft':
    case 'ArrowDown':
      return clamp(index - 1);
    case 'PageUp':
      return clamp(Math.max(index + 1, frameIndexAt(timesS, timesS[clamp(index)] + pageStepS)));
    case 'PageDown':
      return clamp(Math.min(index - 1, frameIndexAt(timesS, timesS[clamp(index)] - pageStepS)));
    case 'Home':
      return 0;
    case 'End':
      return last;
    default:
      return null;
  }
}
