/**
 * Median of `values[0..n)` by Hoare's quickselect on `scratch` (copied in; values untouched):
 * O(n) per call and no allocation, for the per-frame medians over a few hundred blocks.
 */
export function quickMedian(values: ArrayLike<number>, n: number, scratch: Float64Array): number {
  if (n === 0) return 0;
  for (let i = 0; i < n; i++) scratch[i] = values[i];
  const mid = n >> 1;
  const upper = select(scratch, n, mid);
  if (n % 2 === 1) return upper;
  // Even count: the mean of the two middle values; the lower one is the largest left of mid.
  let lower = -Infinity;
  for (let i = 0; i < mid; i++) if (scratch[i] > lower) lower = scratch[i];
  return (lower + upper) / 2;
}

function select(a: Float64Array, n: number, k: number): number {
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
