/**
 * Median of `values[0..n)` by Hoare's quickselect on `scratch` (copied in; values untouched):
 * O(n) per call and no allocation, for the per-frame medians over a few hundred blocks.
 */
export function quickMedian(values: ArrayLike<number>, n: number, scratch: Float64Array): number {
  if (n === 0) return 0;
  for (let i = 0; i < n; i++) scratch[i] = values[i];
  const mid = n >> 1;
  const upper = quickSelect(scratch, n, mid);
  if (n % 2 === 1) return upper;
  // Even count: the mean of the two middle values; the lower one is the largest left of mid.
  let lower = -Infinity;
  for (let i = 0; i < mid; i++) if (scratch[i] > lower) lower = scratch[i];
  return (lower + upper) / 2;
}

/**
 * The k-th smallest of `a[0..n)` (k from 0), in place (Hoare 1961): the same value as sorting and
 * taking index k, in O(n). Only for arrays without NaN (its comparisons would stop the scans) and
 * where -0 and 0 need not be told apart (a sort puts -0 first).
 */
export function quickSelect(a: Float64Array, n: number, k: number): number {
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const pivot = a[(lo + hi) >> 1];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        const t = a[i];
        a[i] = a[j];
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k];
  }
  return a[k];
}
