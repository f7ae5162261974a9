import type { TwitchEvent } from '../analysis/TwitchEvent';
import { EMPTY_REVIEW, snapshotOf, type ReviewSnapshot, type ReviewState } from './ReviewState';

export type ReviewAction =
  | { type: 'accept'; id: number; atIso: string }
  | { type: 'reject'; id: number; atIso: string }
  | { type: 'add'; event: TwitchEvent; atIso: string }
  | { type: 'note'; text: string; atIso: string }
  | { type: 'undo' }
  | { type: 'clear' }
  | { type: 'restore'; snapshot: ReviewSnapshot };

/** Undo steps kept; a review of a long clip has a few hundred verdicts at most. */
const MAX_UNDO = 500;

/**
 * The review as a pure reducer (state, action) -> state, so the page, the tests and any later
 * tool agree on what Accept, Reject, Add and Undo mean:
 * - accept / reject set the verdict on a detector event (again on the same verdict: no change);
 * - reject on a reviewer-added event removes it (the reviewer's own mistake), accept keeps it;
 * - add appends a reviewer event (its id must be new);
 * - note replaces the text without an undo step (typing is not undone a key at a time);
 * - undo goes back one verdict or addition; clear forgets everything; restore loads a saved review.
 */
export function reviewReducer(state: ReviewState, action: ReviewAction): ReviewState {
  switch (action.type) {
    case 'accept':
    case 'reject': {
      const mark = action.type === 'accept' ? 'accepted' : 'rejected';
      if (state.added.some((e) => e.id === action.id)) {
        if (mark === 'accepted') return state;
        return step(state, { added: state.added.filter((e) => e.id !== action.id) }, action.atIso);
      }
      if (state.marks[action.id] === mark) return state;
      return step(state, { marks: { ...state.marks, [action.id]: mark } }, action.atIso);
    }
    case 'add': {
      if (action.event.source !== 'reviewer') throw new RangeError('Only events with source "reviewer" can be added to a review.');
      if (state.added.some((e) => e.id === action.event.id) || action.event.id in state.marks) {
        throw new RangeError(`Event ${action.event.id} is already in the review; an added event needs a new id.`);
      }
      return step(state, { added: [...state.added, action.event] }, action.atIso);
    }
    case 'note':
      if (action.text === state.note) return state;
      return { ...state, note: action.text, changedAt: action.atIso };
    case 'undo': {
      const previous = state.past[state.past.length - 1];
      if (!previous) return state;
      // The note is not part of the undo history: it stays as typed.
      return { ...previous, note: state.note, past: state.past.slice(0, -1) };
    }
    case 'clear':
      return EMPTY_REVIEW;
    case 'restore':
      return { ...action.snapshot, past: [] };
  }
}

function step(state: ReviewState, change: Partial<ReviewSnapshot>, atIso: string): ReviewState {
  const past = [...state.past, snapshotOf(state)].slice(-MAX_UNDO);
  return { ...state, ...change, changedAt: atIso, past };
}
