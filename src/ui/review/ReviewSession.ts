import type { AnalysisResult } from '../../analysis/AnalysisResult';
import type { ReviewedSummary } from '../../analysis/exportResult';
import type { TwitchEvent } from '../../analysis/TwitchEvent';
import { recountReview, reviewOf } from '../../review/recountReview';
import { rematchReview } from '../../review/rematchReview';
import { EMPTY_REVIEW, snapshotOf, type ReviewState } from '../../review/ReviewState';
import { reviewReducer, type ReviewAction } from '../../review/reviewReducer';
import { formatDateTime } from '../format';
import type { Words } from '../i18n/Messages';
import { hashFiles } from './hashFiles';
import type { ReviewStore, StoredReview } from './ReviewStore';

type Action = Exclude<ReviewAction, { type: 'undo' | 'clear' | 'restore' }>;

/**
 * The review of the clip on screen: the reducer's state, the analysis it refers to, and its
 * place in the browser's storage under the clip's content hash. Every change is saved at once
 * (the record holds the analysis too, so the same clip opened after a reload shows its reviewed
 * result without analysing again); `onChange` redraws the views.
 */
export class ReviewSession {
  private stateNow: ReviewState = EMPTY_REVIEW;
  private resultNow: AnalysisResult | null = null;
  private key: Promise<string> | null = null;
  private keyNow: string | null = null;
  private savedResult: AnalysisResult | null = null;
  /** A review saved earlier for this clip, waiting for a result to attach to. */
  private stored: StoredReview | null = null;
  private token = 0;
  private statusNow: Words | null = null;
  /** The status says a saved review came back: later saves leave that line standing. */
  private restored = false;

  constructor(
    private readonly store: ReviewStore,
    private readonly onChange: () => void,
  ) {}

  get state(): ReviewState {
    return this.stateNow;
  }

  get result(): AnalysisResult | null {
    return this.resultNow;
  }

  get clipSha256(): string | null {
    return this.keyNow;
  }

  /** A line for the page: restored, saved, or why saving failed (null: nothing to say). */
  get status(): Words | null {
    return this.statusNow;
  }

  /** Every event, the reviewer's added ones included, in time order. */
  events(): TwitchEvent[] {
    if (!this.resultNow) return [];
    return [...this.resultNow.events, ...this.stateNow.added].sort((a, b) => a.onsetS - b.onsetS || a.id - b.id);
  }

  reviewOf(e: TwitchEvent): ReturnType<typeof reviewOf> {
    return reviewOf(this.stateNow, e);
  }

  summary(): ReviewedSummary | null {
    return this.resultNow ? recountReview(this.resultNow, this.stateNow) : null;
  }

  /** A new clip: forget the old review, hash the clip, and resolve with its saved review if any. */
  async openClip(files: readonly File[]): Promise<StoredReview | null> {
    const token = ++this.token;
    this.stateNow = EMPTY_REVIEW;
    this.resultNow = null;
    this.savedResult = null;
    this.stored = null;
    this.keyNow = null;
    this.statusNow = null;
    this.restored = false;
    this.key = files.length > 0 ? hashFiles(files) : null;
    this.onChange();
    if (!this.key) return null;
    const key = await this.key;
    if (token !== this.token) return null;
    this.keyNow = key;
    const stored = await this.store.get(key).catch(() => null);
    if (token !== this.token || !stored) return null;
    this.stored = stored;
    return stored;
  }

  /**
   * A result is on screen: a new analysis, or the one saved with the review. A review made or
   * restored for this clip moves over to it (verdicts follow their twitch, see rematchReview).
   */
  setResult(result: AnalysisResult): void {
    const from = this.resultNow && hasContent(this.stateNow) ? { result: this.resultNow, review: snapshotOf(this.stateNow), savedAt: null } : this.stored;
    this.stored = null;
    this.resultNow = result;
    this.stateNow = EMPTY_REVIEW;
    if (from) {
      const { review, unmatched } = rematchReview(from.result, from.review, result);
      this.stateNow = reviewReducer(EMPTY_REVIEW, { type: 'restore', snapshot: review });
      const savedAt = from.savedAt ? new Date(from.savedAt) : null;
      this.statusNow = (m) => `${savedAt ? m.review.restored(formatDateTime(savedAt)) : m.review.carriedOver}${unmatched > 0 ? m.review.dropped(unmatched) : ''}`;
      this.restored = savedAt !== null;
      if (from.result !== result) void this.save();
    }
    this.onChange();
  }

  /** No result any more (a new analysis started or failed): the review waits for the next one. */
  detachResult(): void {
    if (this.resultNow && hasContent(this.stateNow)) this.stored = { clipSha256: this.keyNow ?? '', result: this.resultNow, review: snapshotOf(this.stateNow), savedAt: '' };
    this.resultNow = null;
    this.onChange();
  }

  dispatch(action: Action): void {
    if (!this.resultNow) return;
    const next = reviewReducer(this.stateNow, action);
    if (next === this.stateNow) return;
    this.stateNow = next;
    void this.save();
    this.onChange();
  }

  undo(): void {
    const next = reviewReducer(this.stateNow, { type: 'undo' });
    if (next === this.stateNow) return;
    this.stateNow = next;
    void this.save();
    this.onChange();
  }

  get canUndo(): boolean {
    return this.stateNow.past.length > 0;
  }

  /** Forget the review, here and in the browser's storage. */
  async clear(): Promise<void> {
    this.stateNow = reviewReducer(this.stateNow, { type: 'clear' });
    this.stored = null;
    this.savedResult = null;
    const key = this.key ? await this.key : null;
    if (key) await this.store.forget(key).catch(() => undefined);
    this.statusNow = (m) => m.review.cleared;
    this.restored = false;
    this.onChange();
  }

  private async save(): Promise<void> {
    const result = this.resultNow;
    if (!this.key || !result) return;
    const token = this.token;
    try {
      const key = await this.key;
      if (token !== this.token) return;
      if (this.savedResult !== result) {
        await this.store.putResult(key, result);
        this.savedResult = result;
      }
      await this.store.putReview(key, snapshotOf(this.stateNow), new Date().toISOString());
      if (token === this.token && !this.restored) this.statusNow = (m) => m.review.saved;
    } catch (err) {
      const detail = err instanceof Error ? err.message : String(err);
      this.statusNow = (m) => m.review.notSaved(detail);
    }
    if (token === this.token) this.onChange();
  }
}

function hasContent(s: ReviewState): boolean {
  return Object.keys(s.marks).length > 0 || s.added.length > 0 || s.note !== '';
}
