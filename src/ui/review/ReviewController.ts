import type { AnalysisResult } from '../../analysis/AnalysisResult';
import type { ReviewForExport } from '../../analysis/exportResult';
import type { TwitchEvent } from '../../analysis/TwitchEvent';
import { defaultPlace, makeAddedEvent, type AddedPlace } from '../../review/makeAddedEvent';
import { reviewForExport } from '../../review/reviewForExport';
import { byId } from '../dom';
import { formatS } from '../format';
import { onLanguageChange, t } from '../i18n/i18n';
import type { EventOverlay } from '../EventOverlay';
import { isUnderWay } from '../EventOverlay';
import { markSelectedRow, renderEventTable } from '../EventTable';
import type { Playback } from '../player/Playback';
import { renderSummary } from '../SummaryView';
import type { Timeline } from '../Timeline';
import { elementToClipPx } from '../videoContentRect';
import { renderCurrentEvent } from './renderCurrentEvent';
import { ReviewSession } from './ReviewSession';
import type { ReviewStore, StoredReview } from './ReviewStore';

/**
 * The review on the page (issue 11, steps 1-3): Accept / Reject per event (table rows and the
 * current-event panel; A and R), Add event at the player's time (click the place on the picture,
 * or use the middle of the region), Undo, the note, Clear review, and the recount in the summary
 * after every change. The current event is the one picked (marker, row, N/P) or, after a seek, the
 * one under way at the player's time.
 */
export class ReviewController {
  readonly session: ReviewSession;
  private selectedId: number | null = null;
  private placing = false;
  private readonly table = byId('events-table', HTMLTableElement);
  private readonly count = byId('review-count', HTMLElement);
  private readonly summary = byId('summary', HTMLDListElement);
  private readonly currentBody = byId('current-event-body', HTMLElement);
  private readonly addButton = byId('add-event', HTMLButtonElement);
  private readonly addMiddle = byId('add-event-middle', HTMLButtonElement);
  private readonly addHint = byId('add-event-hint', HTMLElement);
  private readonly undoButton = byId('undo-review', HTMLButtonElement);
  private readonly note = byId('review-note', HTMLTextAreaElement);
  private readonly clearButton = byId('clear-review', HTMLButtonElement);
  private readonly status = byId('review-status', HTMLElement);

  constructor(
    store: ReviewStore,
    private readonly player: Playback,
    private readonly timeline: Timeline,
    private readonly overlay: EventOverlay,
    /** Called after every change, for views the controller does not own (heat map, report). */
    private readonly changed: () => void,
  ) {
    this.session = new ReviewSession(store, () => this.render());
    timeline.onPick = (e) => this.select(e, true);
    this.addButton.addEventListener('click', () => this.setPlacing(!this.placing));
    this.addMiddle.addEventListener('click', () => this.addAt(null));
    this.undoButton.addEventListener('click', () => this.session.undo());
    this.clearButton.addEventListener('click', () => void this.session.clear());
    this.note.addEventListener('input', () => this.session.dispatch({ type: 'note', text: this.note.value, atIso: new Date().toISOString() }));
    overlay.canvas.addEventListener('click', (e) => {
      if (this.placing) this.addAt(e);
    });
    document.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && this.placing) this.setPlacing(false);
    });
    // After a seek or while playing, the event under way becomes the current one.
    for (const type of ['seeked', 'timeupdate'] as const) player.on(type, () => this.followTime());
    onLanguageChange(() => {
      this.setPlacing(this.placing);
      this.render();
    });
    this.render();
  }

  get result(): AnalysisResult | null {
    return this.session.result;
  }

  /** The event A and R act on. */
  get current(): TwitchEvent | null {
    return this.session.events().find((e) => e.id === this.selectedId) ?? null;
  }

  /** A new clip: forget the old review; resolves with this clip's saved review, if any. */
  openClip(files: readonly File[]): Promise<StoredReview | null> {
    this.selectedId = null;
    this.setPlacing(false);
    return this.session.openClip(files);
  }

  showResult(result: AnalysisResult): void {
    this.selectedId = null;
    this.session.setResult(result);
  }

  /** The result goes (a new analysis starts); a review in progress waits for the next result. */
  detach(): void {
    this.selectedId = null;
    this.timeline.setUnanalysable([]);
    this.setPlacing(false);
    this.session.detachResult();
  }

  accept(e: TwitchEvent | null = this.current): void {
    if (e) this.session.dispatch({ type: 'accept', id: e.id, atIso: new Date().toISOString() });
  }

  reject(e: TwitchEvent | null = this.current): void {
    if (!e) return;
    this.session.dispatch({ type: 'reject', id: e.id, atIso: new Date().toISOString() });
    if (e.source === 'reviewer' && !this.session.events().some((x) => x.id === e.id)) this.select(null, false);
  }

  /** N / P: the next or previous event in time from the current one (or from the player's time). */
  step(direction: 1 | -1): void {
    const events = this.session.events();
    if (events.length === 0) return;
    const i = events.findIndex((e) => e.id === this.selectedId);
    const t = this.player.currentTime;
    let target: TwitchEvent | undefined;
    if (i >= 0) target = events[i + direction];
    else target = direction > 0 ? events.find((e) => e.onsetS > t + 1e-3) : [...events].reverse().find((e) => e.onsetS < t - 1e-3);
    if (target) this.select(target, true);
  }

  /** Called when the reader picks an event (N/P, a marker, a row): Loop event follows it. */
  onPicked: (e: TwitchEvent) => void = () => undefined;

  select(e: TwitchEvent | null, seek: boolean): void {
    this.selectedId = e?.id ?? null;
    if (e && seek) {
      this.timeline.seek(e.onsetS);
      this.onPicked(e);
    }
    this.renderSelection();
  }

  /** What the export needs; null before the clip's hash is known (or with no result). */
  forExport(): ReviewForExport | null {
    const result = this.session.result;
    const key = this.session.clipSha256;
    return result && key ? reviewForExport(result, this.session.state, key, new Date().toISOString()) : null;
  }

  private followTime(): void {
    const t = this.player.currentTime;
    const current = this.current;
    if (current && isUnderWay(current, t)) return;
    const now = this.session.events().filter((e) => isUnderWay(e, t));
    if (now.length === 0) return;
    // Several under way: the one whose peak is nearest.
    now.sort((a, b) => Math.abs(a.peakS - t) - Math.abs(b.peakS - t));
    if (now[0].id !== this.selectedId) this.select(now[0], false);
  }

  private setPlacing(on: boolean): void {
    const can = this.session.result !== null;
    this.placing = on && can;
    this.addButton.setAttribute('aria-pressed', String(this.placing));
    this.addMiddle.hidden = !this.placing;
    this.overlay.canvas.classList.toggle('placing', this.placing);
    this.addHint.textContent = this.placing ? t().review.placingHint(formatS(this.player.currentTime)) : '';
    if (this.placing) this.player.pause();
  }

  /** Add a reviewer event at the player's time, at the clicked place (or the region's middle). */
  private addAt(click: MouseEvent | null): void {
    const result = this.session.result;
    if (!result) return;
    const timeS = this.player.currentTime;
    let place: AddedPlace = defaultPlace(result, timeS);
    const rect = click ? this.overlay.contentRect() : null;
    if (click && rect) {
      const box = this.overlay.canvas.getBoundingClientRect();
      const p = elementToClipPx(rect, click.clientX - box.left, click.clientY - box.top, this.player.videoWidth, this.player.videoHeight);
      place = { timeS, ...p };
    }
    const event = makeAddedEvent(result, this.session.state, place);
    this.setPlacing(false);
    this.session.dispatch({ type: 'add', event, atIso: new Date().toISOString() });
    this.select(event, false);
    this.addButton.focus();
  }

  /**
   * Only the current event changed (a pick, or playback reaching another event): the table's rows
   * stay the same elements, so a row the reader is hovering, tapping or has scrolled to is not
   * replaced under them several times a second while the video plays.
   */
  private renderSelection(): void {
    this.forgetVanishedSelection();
    this.showSelection();
    markSelectedRow(this.table, this.selectedId);
    this.changed();
  }

  /** The selected event was rejected away (a reviewer's own) or the result changed: nothing is selected. */
  private forgetVanishedSelection(): void {
    if (this.selectedId !== null && !this.session.events().some((e) => e.id === this.selectedId)) this.selectedId = null;
  }

  private showSelection(): void {
    this.timeline.setSelected(this.selectedId);
    this.overlay.setSelected(this.selectedId);
    const current = this.current;
    const events = this.session.events();
    renderCurrentEvent(this.currentBody, current, current ? this.session.reviewOf(current) : null, { onAccept: (e) => this.accept(e), onReject: (e) => this.reject(e) }, events.length > 0);
  }

  private render(): void {
    const result = this.session.result;
    const events = this.session.events();
    const reviewOf = (e: TwitchEvent): ReturnType<ReviewSession['reviewOf']> => this.session.reviewOf(e);
    this.forgetVanishedSelection();
    if (result) {
      this.timeline.setEvents(events, reviewOf);
      this.timeline.setUnanalysable(result.unanalysable);
      this.overlay.setEvents(events, reviewOf);
      const reviewed = this.session.summary()!;
      this.count.textContent = t().review.recount(reviewed);
      renderSummary(this.summary, result, reviewed);
      renderEventTable(this.table, events, {
        reviewOf,
        selectedId: this.selectedId,
        onSelect: (e) => this.select(e, true),
        onAccept: (e) => this.accept(e),
        onReject: (e) => this.reject(e),
      });
    } else {
      this.count.textContent = '';
    }
    this.showSelection();
    if (this.note.value !== this.session.state.note) this.note.value = this.session.state.note;
    this.addButton.disabled = !result;
    this.undoButton.disabled = !this.session.canUndo;
    this.note.disabled = !result;
    this.clearButton.disabled = !result && !this.session.clipSha256;
    this.status.textContent = this.session.status ? this.session.status(t()) : '';
    this.changed();
  }
}
