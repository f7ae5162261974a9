import type { AnalysisResult } from '../analysis/AnalysisResult';
import type { EventReview, ReviewedSummary } from '../analysis/exportResult';
import type { TwitchEvent } from '../analysis/TwitchEvent';
import type { ReviewSnapshot } from './ReviewState';

/** What the review says of `event`: 'added' for reviewer events, the verdict, or null. */
export function reviewOf(review: ReviewSnapshot, event: TwitchEvent): EventReview {
  if (event.source === 'reviewer') return 'added';
  return review.marks[event.id] ?? null;
}

/**
 * Does the event count as a fasciculation after review? Added and accepted events do (a reviewer
 * may accept an event the detector called something else); rejected ones do not; an event nobody
 * has reviewed keeps the detector's call.
 */
export function countsAfterReview(review: ReviewSnapshot, event: TwitchEvent): boolean {
  const verdict = reviewOf(review, event);
  if (verdict === 'added' || verdict === 'accepted') return true;
  if (verdict === 'rejected') return false;
  return event.kind === 'fasciculation';
}

/** The summary recounted with the review: the detector's own summary is left as it was. */
export function recountReview(result: AnalysisResult, review: ReviewSnapshot): ReviewedSummary {
  let accepted = 0;
  let rejected = 0;
  let notReviewed = 0;
  for (const e of result.events) {
    const verdict = review.marks[e.id];
    if (verdict === 'accepted') accepted++;
    else if (verdict === 'rejected' && e.kind === 'fasciculation') rejected++;
    else if (verdict === undefined && e.kind === 'fasciculation') notReviewed++;
  }
  const added = review.added.length;
  const fasciculations = accepted + added + notReviewed;
  const { analysableS } = result.summary;
  const perMinute = analysableS > 0 ? Math.round((fasciculations / analysableS) * 60 * 100) / 100 : 0;
  const base = result.baseline?.summary.perMinute;
  return {
    fasciculations,
    accepted,
    added,
    rejected,
    notReviewed,
    analysableS,
    perMinute,
    rateRatio: base !== undefined && base > 0 ? perMinute / base : null,
    perMinuteDifference: base !== undefined ? perMinute - base : null,
  };
}

/**
 * The recount in the page's and the report's words, e.g. "13 fasciculations (12 accepted, 1 added;
 * 2 rejected), 31.2 per analysable minute". Events not yet reviewed are named only while there are some.
 */
export function describeRecount(s: ReviewedSummary): string {
  const parts = [`${s.accepted} accepted`];
  if (s.notReviewed > 0) parts.push(`${s.notReviewed} not reviewed`);
  parts.push(`${s.added} added`);
  const noun = s.fasciculations === 1 ? 'fasciculation' : 'fasciculations';
  return `${s.fasciculations} ${noun} (${parts.join(', ')}; ${s.rejected} rejected), ${s.perMinute.toFixed(1)} per analysable minute`;
}
