import type { TwitchEvent } from './TwitchEvent';

/**
 * Merge fasciculations at one site that follow each other within `gapS` (end of one to onset of
 * the next). A motor unit cannot twitch again while its last twitch is still relaxing, so a
 * second "onset" there is the same twitch's uneven relaxation being split by the threshold.
 * Events whose id is in `keepApart` were shown to be a second contraction (the tissue moved away
 * from its resting place again, MotionAnalyzer.secondContraction) and are never merged into an
 * earlier one. Returns a new array; merged events keep the first id, span both, and take the
 * larger score.
 */
export function mergeRefractory(
  events: readonly TwitchEvent[],
  siteRadiusPx: number,
  gapS: number,
  keepApart: ReadonlySet<number> = new Set(),
): TwitchEvent[] {
  const out: TwitchEvent[] = [];
  const sorted = [...events].sort((a, b) => a.onsetS - b.onsetS);
  for (const e of sorted) {
    const previous =
      e.kind === 'fasciculation' && !keepApart.has(e.id)
        ? out.find(
            (p) =>
              p.kind === 'fasciculation' &&
              e.onsetS - p.endS <= gapS &&
              Math.hypot(p.xPx - e.xPx, p.yPx - e.yPx) <= siteRadiusPx,
          )
        : undefined;
    if (!previous) {
      out.push({ ...e });
      continue;
    }
    const x0 = Math.min(previous.boxPx.x, e.boxPx.x);
    const y0 = Math.min(previous.boxPx.y, e.boxPx.y);
    const x1 = Math.max(previous.boxPx.x + previous.boxPx.width, e.boxPx.x + e.boxPx.width);
    const y1 = Math.max(previous.boxPx.y + previous.boxPx.height, e.boxPx.y + e.boxPx.height);
    const stronger = e.score > previous.score ? e : previous;
    Object.assign(previous, {
      endS: Math.max(previous.endS, e.endS),
      peakS: stronger.peakS,
      score: stronger.score,
      boxPx: { x: x0, y: y0, width: x1 - x0, height: y1 - y0 },
      areaPx: Math.max(previous.areaPx, e.areaPx),
      areaMm2: previous.areaMm2 === null || e.areaMm2 === null ? previous.areaMm2 : Math.max(previous.areaMm2, e.areaMm2),
      peakDisplacementPx: maxOrNull(previous.peakDisplacementPx, e.peakDisplacementPx),
      peakDisplacementMm: maxOrNull(previous.peakDisplacementMm, e.peakDisplacementMm),
      blocks: [...new Set([...previous.blocks, ...e.blocks])].sort((a, b) => a - b),
    });
    previous.durationS = Math.round((previous.endS - previous.onsetS) * 1e4) / 1e4;
  }
  return out;
}

function maxOrNull(a: number | null, b: number | null): number | null {
  return a === null ? b : b === null ? a : Math.max(a, b);
}
