import type { AnalysisResult } from '../analysis/AnalysisResult';
import type { ReviewForExport } from '../analysis/exportResult';
import { recountReview, reviewOf } from './recountReview';
import type { ReviewSnapshot } from './ReviewState';

/** What exportResult needs of a review: its added events, each event's verdict, and the section. */
export function reviewForExport(result: AnalysisResult, review: ReviewSnapshot, clipSha256: string, nowIso: string): ReviewForExport {
  return {
    added: review.added,
    reviewOf: (e) => reviewOf(review, e),
    section: { clipSha256, reviewedAt: review.changedAt ?? nowIso, note: review.note, summary: recountReview(result, review) },
  };
}
