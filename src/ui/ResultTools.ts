import type { AnalysisResult } from '../analysis/AnalysisResult';
import { byId } from './dom';
import { installKeyboardShortcuts, shortcutsDialog } from './KeyboardShortcuts';
import { EventLoop } from './player/EventLoop';
import type { PlayerStage } from './PlayerStage';
import { ResultOutputs } from './ResultOutputs';
import { ReviewController } from './review/ReviewController';
import { ReviewStore } from './review/ReviewStore';
import { TeachingMode } from './teaching/TeachingMode';

/**
 * What works on a result once it is on screen: the review, Loop event (it loops the review's
 * current event), teaching mode, the exports and report, and the keyboard map that drives them
 * and the players. All act on the clip's linked view, so the baseline follows.
 */
export class ResultTools {
  readonly review: ReviewController;
  readonly loop: EventLoop;
  readonly teaching: TeachingMode;
  readonly outputs: ResultOutputs;

  constructor(stage: PlayerStage, result: () => AnalysisResult | null) {
    const { linked, timeline, overlay } = stage;
    this.review = new ReviewController(new ReviewStore(), linked.clip, timeline, overlay, () => this.outputs?.refresh());
    this.loop = new EventLoop(byId('loop-event', HTMLButtonElement), byId('loop-hint', HTMLElement), linked.clip, () => this.review.current, (e) => this.review.select(e, false));
    this.review.onPicked = (e) => this.loop.picked(e);
    this.teaching = new TeachingMode(this.review, linked.clip, this.loop, stage.heat);
    this.outputs = new ResultOutputs(this.review, result);
    const shortcuts = shortcutsDialog();
    installKeyboardShortcuts(
      document,
      {
        playPause: () => stage.transport.playPause(),
        stepFrames: (n) => timeline.stepFrames(n),
        stepSeconds: (s) => timeline.stepSeconds(s),
        nextEvent: () => this.review.step(1),
        previousEvent: () => this.review.step(-1),
        accept: () => this.review.accept(),
        reject: () => this.review.reject(),
        showHelp: () => shortcuts.open(),
      },
      () => shortcuts.letterKeys(),
      () => !this.outputs.report.isOpen,
    );
  }
}
