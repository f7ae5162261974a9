/** Tick spacings a reader expects on a time axis, s. */
const STEPS_S = [0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 1200];

/** Tick times from 0 to the duration, at the smallest usual spacing that keeps at most `maxTicks` gaps. */
export function timelineTicksS(durationS: number, maxTicks = 8): number[] {
  if (!(durationS > 0)) return [];
  const step = STEPS_S.find((s) => durationS / s <= maxTicks) ?? Math.ceil(durationS / maxTicks / 600) * 600;
  const ticks: number[] = [];
  // Count by index, not by adding the step repeatedly, so 0.5 s steps do not drift.
  for (let i = 0; i * step <= durationS + 1e-9; i++) ticks.push(i * step);
  return ticks;
}
