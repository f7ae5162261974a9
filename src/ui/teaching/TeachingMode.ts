import type { AnalysisResult } from '../../analysis/AnalysisResult';
import { byId, h } from '../dom';
import { formatPercent, formatS } from '../format';
import type { HeatMapControl } from '../HeatMapControl';
import { onLanguageChange, t } from '../i18n/i18n';
import type { EventLoop } from '../player/EventLoop';
import type { Playback } from '../player/Playback';
import type { ReviewController } from '../review/ReviewController';
import { kindWord } from '../reviewWords';
import { drawTeachingSketch } from './drawTeachingSketch';

/** What each step's button does, in step order (teachingText's steps). */
type StepAction = 'heatMap' | 'loopTwitch' | 'sketch' | 'playBoth' | 'firstEvent';
const ACTIONS: readonly StepAction[] = ['heatMap', 'loopTwitch', 'sketch', 'sketch', 'playBoth', 'firstEvent'];

/**
 * Teaching mode (issue 12), for the demo pair: a short guided view for educators in six steps,
 * where to look, what a twitch looks like, and how breathing and pulsation differ (a drawn
 * sketch: the page's own text and drawings, no video of people), the baseline side by side, and
 * stepping through the events with N/P (the panel says what the current event is). Each step's
 * button shows it on the demo itself: the heat map, a twitch looped at quarter speed, both
 * players at half speed.
 */
export class TeachingMode {
  private readonly toggle = byId('teaching-button', HTMLButtonElement);
  private readonly panel = byId('teaching', HTMLElement);
  private readonly stepLine = byId('teaching-step', HTMLElement);
  private readonly body = byId('teaching-body', HTMLElement);
  private readonly previous = byId('teaching-previous', HTMLButtonElement);
  private readonly next = byId('teaching-next', HTMLButtonElement);
  private readonly show = byId('teaching-show', HTMLButtonElement);
  private step = 0;
  private sketchShown = false;
  private result: AnalysisResult | null = null;
  private readonly eventLine = h('p', { class: 'teaching-event', 'aria-live': 'polite' });

  constructor(
    private readonly review: ReviewController,
    player: Playback,
    private readonly loop: EventLoop,
    private readonly heat: HeatMapControl,
  ) {
    this.toggle.addEventListener('click', () => this.setOpen(this.panel.hidden));
    this.previous.addEventListener('click', () => this.go(this.step - 1));
    this.next.addEventListener('click', () => this.go(this.step + 1));
    this.show.addEventListener('click', () => this.act());
    for (const type of ['seeked', 'timeupdate'] as const) player.on(type, () => this.describeEvent());
    onLanguageChange(() => this.render());
    this.render();
  }

  /** Offered only while the demo pair is loaded. */
  setAvailable(available: boolean): void {
    this.toggle.hidden = !available;
    if (!available) this.setOpen(false);
  }

  setResult(result: AnalysisResult | null): void {
    this.result = result;
    this.render();
  }

  private setOpen(open: boolean): void {
    this.panel.hidden = !open;
    this.toggle.setAttribute('aria-pressed', String(open));
    if (open) this.go(0);
  }

  private go(step: number): void {
    const n = t().teaching.steps.length;
    this.step = Math.min(n - 1, Math.max(0, step));
    this.sketchShown = false;
    this.render();
  }

  private render(): void {
    const m = t().teaching;
    const steps = m.steps;
    const step = steps[this.step];
    this.stepLine.textContent = m.stepOf(this.step + 1, steps.length, step.title);
    const parts: Node[] = step.paragraphs.map((p) => h('p', {}, p));
    if (ACTIONS[this.step] === 'sketch' && this.sketchShown) parts.push(drawTeachingSketch(m.sketchLabel, [m.sketchTwitch, m.sketchBreathing, m.sketchPulsation]));
    if (ACTIONS[this.step] === 'firstEvent') parts.push(this.eventLine);
    this.body.replaceChildren(...parts);
    this.show.textContent = step.show;
    this.show.disabled = this.needsResult() && !this.result;
    this.previous.disabled = this.step === 0;
    this.next.disabled = this.step === steps.length - 1;
    this.describeEvent();
  }

  private needsResult(): boolean {
    const action = ACTIONS[this.step];
    return action === 'heatMap' || action === 'loopTwitch' || action === 'firstEvent';
  }

  private act(): void {
    const action = ACTIONS[this.step];
    const speed = byId('speed', HTMLSelectElement);
    const setSpeed = (value: string): void => {
      speed.value = value;
      speed.dispatchEvent(new Event('change'));
    };
    if (action === 'heatMap') this.heat.show('clip');
    else if (action === 'sketch') {
      this.sketchShown = true;
      this.render();
    } else if (action === 'loopTwitch') {
      const first = this.review.session.events().find((e) => e.kind === 'fasciculation');
      if (!first) return;
      this.loop.stop();
      this.review.select(first, true);
      setSpeed('0.25');
      this.heat.show('event');
      byId('loop-event', HTMLButtonElement).click();
    } else if (action === 'playBoth') {
      this.loop.stop();
      setSpeed('0.5');
      const link = byId('link-players', HTMLInputElement);
      if (!link.checked) link.click();
      byId('play-both', HTMLButtonElement).click();
    } else {
      this.loop.stop();
      const first = this.review.session.events()[0];
      if (first) this.review.select(first, true);
    }
  }

  private describeEvent(): void {
    if (this.panel.hidden || ACTIONS[this.step] !== 'firstEvent') return;
    const m = t().teaching;
    const e = this.review.current;
    this.eventLine.textContent = e
      ? m.eventNow(e.id, kindWord(e).toLowerCase(), formatS(e.onsetS), formatPercent(e.probability))
      : m.noEventYet;
  }
}
