import type { AnalysisResult } from '../analysis/AnalysisResult';
import type { ReviewMark, ReviewSnapshot } from './ReviewState';

/** Two events are the same twitch when their peaks are this close, s (about two frames at 30 fps)... */
const SAME_PEAK_S = 0.07;
/** ...and their centres this close, in analysis blocks. */
const SAME_PLACE_BLOCKS = 2;

/**
 * Carries a review over to another analysis of the same clip (Analyze pressed again, perhaps
 * with other settings): each verdict goes to the new event at the same time and place, nearest
 * first, one to one. Added events stay as they are (they are the reviewer's, not the detector's).
 * `unmatched` counts verdicts whose event this analysis no longer has: they are dropped, and the
 * page says so.
 */
export function rematchReview(from: AnalysisResult, review: ReviewSnapshot, to: AnalysisResult): { review: ReviewSnapshot; unmatched: number } {
  const placePx = SAME_PLACE_BLOCKS * to.settings.blockSizePx;
  const pairs: { oldId: number; newId: number; cost: number; mark: ReviewMark }[] = [];
  for (const [idText, mark] of Object.entries(review.marks)) {
    const old = from.events.find((e) => e.id === Number(idText));
    if (!old) continue;
    for (const e of to.events) {
      const dt = Math.abs(e.peakS - old.peakS);
      const dPx = Math.hypot(e.xPx - old.xPx, e.yPx - old.yPx);
      if (dt <= SAME_PEAK_S && dPx <= placePx) pairs.push({ oldId: old.id, newId: e.id, cost: dt / SAME_PEAK_S + dPx / placePx, mark });
    }
  }
  pairs.sort((a, b) => a.cost - b.cost || a.oldId - b.oldId || a.newId - b.newId);
  const usedOld = new Set<number>();
  const marks: Record<number, ReviewMark> = {};
  for (const p of pairs) {
    if (usedOld.has(p.oldId) || p.newId in marks) continue;
    usedOld.add(p.oldId);
    marks[p.newId] = p.mark;
  }
  // Added events keep their ids unless the new analysis took them.
  let nextId = Math.max(0, ...to.events.map((e) => e.id)) + 1;
  const taken = new Set(to.events.map((e) => e.id));
  const added = review.added.map((e) => (taken.has(e.id) ? { ...e, id: nextId++ } : e));
  return {
    review: { ...review, marks, added },
    unmatched: Object.keys(review.marks).length - usedOld.size,
  };
}
