import type { PlayerClient } from '../worker-client/PlayerClient';
import { BaselineView } from './BaselineView';
import { byId } from './dom';
import { EventOverlay } from './EventOverlay';
import { HeatMapControl } from './HeatMapControl';
import { ClipPlayer } from './player/ClipPlayer';
import { LinkedPlayers } from './player/LinkedPlayers';
import { PlaybackBar } from './player/PlaybackBar';
import { TransportBar } from './player/TransportBar';
import { Timeline } from './Timeline';

/**
 * The players and what sits on them: the clip's player (whatever its format), the baseline's
 * beside it, the link between them, the clip's timeline and overlay, the transport bars, Speed
 * and the heat map. Each of the two players has its own canvas-player worker (PlayerClient), so a
 * DICOM clip can be compared with a DICOM baseline. Views get the linked view of their player.
 */
export class PlayerStage {
  readonly clipPlayer: ClipPlayer;
  readonly baselinePlayer: ClipPlayer;
  readonly linked: LinkedPlayers;
  readonly timeline: Timeline;
  readonly overlay: EventOverlay;
  readonly heat: HeatMapControl;
  readonly transport: TransportBar;
  readonly baseline: BaselineView;
  readonly bar: PlaybackBar;

  constructor(clipClient: PlayerClient, baselineClient: PlayerClient) {
    this.clipPlayer = new ClipPlayer(byId('clip-video', HTMLVideoElement), byId('clip-canvas', HTMLCanvasElement), clipClient);
    this.baselinePlayer = new ClipPlayer(byId('baseline-video', HTMLVideoElement), byId('baseline-canvas', HTMLCanvasElement), baselineClient);
    this.linked = new LinkedPlayers(this.clipPlayer, this.baselinePlayer);
    const clip = this.linked.clip;
    this.timeline = new Timeline(byId('timeline', HTMLDivElement), clip);
    this.overlay = new EventOverlay(byId('overlay', HTMLCanvasElement), clip);
    this.heat = new HeatMapControl(this.overlay);
    this.transport = new TransportBar(
      { play: byId('play-pause', HTMLButtonElement), back: byId('frame-back', HTMLButtonElement), forward: byId('frame-forward', HTMLButtonElement), position: byId('position', HTMLOutputElement) },
      clip,
      (frames) => this.timeline.stepFrames(frames),
      () => this.timeline.positionText(),
    );
    this.baseline = new BaselineView(this.baselinePlayer, this.linked, this.timeline);
    this.bar = new PlaybackBar(this.linked, [this.clipPlayer, this.baselinePlayer]);
  }
}
