/** Rounds to `digits` decimals (half up, as Math.round): the one rounding of every reported number. */
export function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
