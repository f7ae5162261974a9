import type { TwitchEvent } from '../analysis/TwitchEvent';

/** A reviewer's verdict on one of the detector's events. */
export type ReviewMark = 'accepted' | 'rejected';

/** What a review holds, without its undo history: this is what is saved and restored. */
export interface ReviewSnapshot {
  /** Verdicts on the detector's events, by event id. */
  marks: Readonly<Record<number, ReviewMark>>;
  /** Twitches the reviewer marked that the detector missed (source 'reviewer'). */
  added: readonly TwitchEvent[];
  /** The reviewer's free-text note. */
  note: string;
  /** ISO 8601 time of the last change; null for a review nobody has touched. */
  changedAt: string | null;
}

export interface ReviewState extends ReviewSnapshot {
  /** Earlier snapshots, oldest first, for Undo. */
  past: readonly ReviewSnapshot[];
}

export const EMPTY_REVIEW: ReviewState = Object.freeze({ marks: {}, added: [], note: '', changedAt: null, past: [] });

/** The snapshot part of a state (what is saved). */
export function snapshotOf(state: ReviewState): ReviewSnapshot {
  return { marks: state.marks, added: state.added, note: state.note, changedAt: state.changedAt };
}
