import type { AnalysisOptions } from './AnalysisOptions';
import type { CandidateTracker, Track } from './CandidateTracker';
import { buildEvents, type DescribedCandidate } from './buildEvents';
import type { Classifier } from './Classifier';
import { describeTrack, FEATURE_NAMES, type FrameContext } from './describeTrack';
import { P } from './detectorParameters';
import type { DisplacementEstimator } from './estimateDisplacement';
import { FloorLearner } from './FloorLearner';
import { findCandidates, type CandidateScratch } from './findCandidates';
import type { ChannelMeasure } from './LagChannel';
import { measureFront, type FrontResult, type FrontState } from './measureFront';
import type { LumaFrame, RectPx } from './LumaFrame';
import { isAnalysable, MovementSpans, type MovementSpan } from './MovementSpans';
import type { NoiseModel } from './NoiseModel';
import type { ClipGeometry } from './resolveGeometry';
import { scoreCfar } from './scoreCfar';
import { siteHistoryOf, siteRecurrence } from './siteRecurrence';
import { trackToCandidate } from './trackToCandidate';
import { displacementProbe, peakFlow } from './pipelineProbes';
import { setUpPipeline } from './setUpPipeline';
import type { TwitchEvent } from './TwitchEvent';
import { round } from './round';

/**
 * Where finish() writes the site's recurrence, known only once the clip ends. Looked up by name so
 * that a feature added to FEATURE_NAMES cannot silently overwrite another.
 */
const SITE_OTHERS = FEATURE_NAMES.indexOf('logSiteOthers');
const SITE_REGULAR = FEATURE_NAMES.indexOf('logSiteRegular');

export interface PipelineInit {
  width: number;
  height: number;
  /** Floors learned from a baseline clip (short lag, and its `long`); null learns them from this clip. */
  noise: NoiseModel | null;
  mmPerPx: number | null;
  imageRegionPx: RectPx | null;
  displacement?: DisplacementEstimator;
  /** Null: candidates are described but not classified (training); events then hold movements only. */
  classifier: Classifier | null;
}

/** One frame as both channels measured it. */
interface FrameRecord {
  t: number;
  intervalS: number;
  short: ChannelMeasure;
  long: ChannelMeasure | null;
}

export interface PipelineState extends FrontState {
  /** Seconds the ring holds once the warm-up is scored. */
  keepS: number;
  floorShort: FloorLearner;
  floorLong: FloorLearner | null;
  tracker: CandidateTracker;
  movements: MovementSpans;
  scratch: CandidateScratch & { z: Float32Array; zLong: Float32Array; median: Float64Array };
  activeS: Float64Array;
}

/**
 * The staged detector, one frame at a time (issue 10):
 *   cells -> two lag channels (register the whole-field motion, residual energy) -> analysable?
 *   -> CFAR z against each channel's floor -> candidates (seeded groups, hysteresis) -> tracks
 *   -> features (describeTrack) -> classifier (tfjs) -> events.
 * Data flows one way: the tracker never feeds back into scoring. Frames are streamed; only the
 * last seconds of cells are held (CellRing).
 */
export class DetectorPipeline {
  private state: PipelineState | null = null;
  private warmup: FrameRecord[] | null = [];
  private readonly context: FrameContext[] = [];
  /** Every candidate so far, for the site history; not their tracks, whose masks would pile up over a long clip. */
  private readonly described: DescribedCandidate[] = [];
  readonly trace = { timesS: [] as number[], energy: [] as number[] };
  readonly intervals: number[] = [];
  private lastT = Number.NaN;
  /** Whether the clip's frames come measured ahead (decided by its first frame). */
  private measuredAhead: boolean | undefined;

  constructor(private readonly o: AnalysisOptions, private readonly init: PipelineInit) {}

  get geometry(): ClipGeometry | null {
    return this.state?.geometry ?? null;
  }

  get frameWidth(): number {
    return this.init.width;
  }

  get frameHeight(): number {
    return this.init.height;
  }

  /**
   * Analyse one frame; returns the events this frame let be finalised (provisional kinds). A
   * frame that carries `front` was measured ahead (FrontEnd, on another thread): then every frame
   * of the clip must, and the pipeline keeps only the copy of its cells that the scoring reads.
   */
  push(frame: LumaFrame & { front?: FrontResult }): TwitchEvent[] {
    if (frame.width !== this.init.width || frame.height !== this.init.height) {
      throw new RangeError(`Frame size changed from ${this.init.width}x${this.init.height} to ${frame.width}x${frame.height} px in the middle of the clip.`);
    }
    this.measuredAhead ??= frame.front !== undefined;
    if (this.measuredAhead !== (frame.front !== undefined)) throw new Error('Some frames of the clip were measured ahead and some not.');
    const s = (this.state ??= setUpPipeline(frame, this.o, this.init));
    const r = frame.front ? this.keepCells(s, frame.front) : measureFront(s, frame);
    if (r.kind === 'skip') return [];
    const { t, short, long } = r;
    if (Number.isFinite(this.lastT) && this.intervals.length < 5000) this.intervals.push(t - this.lastT);
    this.lastT = t;
    if (!short) return [];
    this.trace.timesS.push(round(t, 4));
    this.trace.energy.push(round(short.rawMeanAbsDiff, 4));
    const record: FrameRecord = { t, intervalS: r.previousT !== null ? t - r.previousT : short.lagS, short, long };
    if (this.warmup) {
      this.warmup.push(record);
      if (!this.init.noise && t - this.warmup[0].t < this.o.warmupS - 1e-3) return [];
      return this.flushWarmup();
    }
    return this.score(record);
  }

  /** A front measured ahead: its cells join this pipeline's ring (copied: the sender reuses them). */
  private keepCells(s: PipelineState, front: FrontResult): FrontResult {
    if (front.kind === 'skip') return front;
    const n = s.geometry.grid.cellCols * s.geometry.grid.cellRows;
    if (front.cells.length !== n) throw new Error(`A frame measured ahead has ${front.cells.length} cells where this clip's grid has ${n}.`);
    const cells = s.ring.buffer(n);
    cells.set(front.cells);
    const smooth = s.ring.buffer(n);
    smooth.set(front.smooth);
    s.ring.push({ t: front.t, cells, smooth });
    return front;
  }

  /** Ends the clip: every track and movement is final, the site history is known; the last classification. */
  finish(): { events: TwitchEvent[]; candidates: DescribedCandidate[]; movements: MovementSpan[]; state: PipelineState | null; quietS: number; fromBaseline: boolean } {
    if (this.warmup) this.flushWarmup();
    const s = this.state;
    if (!s) return { events: [], candidates: [], movements: [], state: null, quietS: 0, fromBaseline: false };
    for (const tr of s.tracker.takeAll(this.lastT)) this.describe(tr);
    const movements = s.movements.finish();
    const site = siteRecurrence(this.described.map((c) => ({ onsetS: c.onsetS, ...centreBlocks(c, s.geometry) })), this.siteRadiusBlocks(s.geometry));
    const candidates = this.described.map((candidate, i) => {
      const features = candidate.features.slice();
      features[SITE_OTHERS] = round(Math.log1p(site[i].others), 5);
      features[SITE_REGULAR] = round(Math.log1p(site[i].regular), 5);
      return { ...candidate, features };
    });
    const events = this.classify(candidates, movements);
    const fromBaseline = this.init.noise !== null;
    return { events, candidates, movements, state: s, quietS: fromBaseline ? (this.init.noise as NoiseModel).quietS : s.floorShort.hist.quietS, fromBaseline };
  }

  private flushWarmup(): TwitchEvent[] {
    const buffered = this.warmup ?? [];
    this.warmup = null;
    const s = this.state;
    if (!s || buffered.length === 0) return [];
    const t = buffered[buffered.length - 1].t;
    const still = (r: FrameRecord): boolean => r.short.speedMmS < P.quietSpeedMmS;
    s.floorShort.provisional(buffered.map((r) => ({ energy: r.short.energy, intervalS: r.intervalS, still: still(r) })), t);
    const withLong = buffered.filter((r) => r.long);
    s.floorLong?.provisional(withLong.map((r) => ({ energy: (r.long as ChannelMeasure).energy, intervalS: r.intervalS, still: still(r) })), t);
    const events = buffered.flatMap((r) => this.score(r));
    // The warm-up is scored: from here on the ring holds what a clip with a baseline does (on a
    // 10-minute 1080p clip without one, 2.2 s of cells rather than 7.2 s).
    s.ring.keepOnly(s.keepS);
    return events;
  }

  private score(r: FrameRecord): TwitchEvent[] {
    const s = this.state as PipelineState;
    const judged = r.long ?? r.short;
    const analysable = isAnalysable(judged.residualMm, judged.trackedShare, P.residualMaxMm);
    const closedMovement = s.movements.push({ t: r.t, fromS: r.t - judged.lagS, analysable, speedMmS: r.short.speedMmS, skinShiftMm: r.short.skinShiftMm, deepShiftMm: r.short.deepShiftMm });
    const ctx: FrameContext = { t: r.t, analysable, speedMmS: r.short.speedMmS, residualMm: judged.residualMm, spread: 1, common: 0 };
    if (analysable) this.scoreAnalysable(s, r, ctx);
    else s.tracker.cutOpen(r.t);
    this.context.push(ctx);
    while (this.context.length > 0 && this.context[0].t < r.t - (P.maxTwitchS + 3)) this.context.shift();
    const finals = s.tracker.takeFinal(r.t).map((tr) => this.describe(tr));
    const out = this.classify(finals, closedMovement ? [closedMovement] : []);
    return out;
  }

  /** CFAR on both channels, the floors learn from still frames, candidates and tracks. */
  private scoreAnalysable(s: PipelineState, r: FrameRecord, ctx: FrameContext): void {
    const { gridCols: cols, gridRows: rows } = s.geometry.grid;
    const zs = s.floorShort.model ? scoreCfar(r.short.energy, s.floorShort.model, s.scratch.z, s.scratch.median) : null;
    const zl = r.long && s.floorLong?.model ? scoreCfar(r.long.energy, s.floorLong.model, s.scratch.zLong, s.scratch.median) : null;
    if (zs) {
      ctx.spread = zs.spread;
      ctx.common = zs.common;
    }
    if (r.short.speedMmS < P.quietSpeedMmS) {
      s.floorShort.learn(r.short.energy, r.intervalS);
      if (r.long) s.floorLong?.learn(r.long.energy, r.intervalS);
    }
    const growZ = this.o.zThreshold / P.hysteresisRatio;
    const groups = findCandidates(zs?.z ?? null, zl?.z ?? null, cols, rows, this.o.zThreshold, growZ, s.scratch);
    for (const grp of groups) for (const b of grp.blocks) s.activeS[b] += r.intervalS;
    s.tracker.apply(groups, r.t, (c) => (c.channel === 'long' && r.long ? r.long.lagS : r.short.lagS), displacementProbe(s));
    s.floorShort.refresh(r.t);
    s.floorLong?.refresh(r.t);
  }

  /** Features and event geometry of a finished track (site history so far; finish() completes it). */
  private describe(track: Track): DescribedCandidate {
    const s = this.state as PipelineState;
    const g = s.geometry;
    const self = { onsetS: track.onsetS, cx: track.frames[0].cx, cy: track.frames[0].cy };
    const siteSoFar = siteHistoryOf(self, [...this.described.map((c) => ({ onsetS: c.onsetS, ...centreBlocks(c, g) })), self], this.siteRadiusBlocks(g));
    const frameS = this.intervals.length ? [...this.intervals].sort((a, b) => a - b)[this.intervals.length >> 1] : this.o.diffLagS;
    const features = describeTrack(track, this.context, { cols: g.grid.gridCols, rows: g.grid.gridRows, blockMm: g.blockPx * g.ruleMmPerPx, frameS }, siteSoFar);
    const candidate = trackToCandidate(track, features, g, peakFlow(s, track, this.init.displacement));
    this.described.push(candidate);
    return candidate;
  }

  private classify(candidates: readonly DescribedCandidate[], movements: readonly MovementSpan[]): TwitchEvent[] {
    const c = this.init.classifier;
    const s = this.state as PipelineState;
    const probabilities = c && candidates.length ? c.predict(candidates.map((x) => Float32Array.from(x.features))) : [];
    const threshold = this.o.confidenceThreshold ?? c?.threshold ?? P.confidenceThreshold;
    return buildEvents(c ? candidates : [], probabilities, threshold, movements, s.geometry.roi, s.geometry.mmPerPx);
  }

  /** One site: within a territory's reach (6 mm, or 3 blocks where that is more). */
  private siteRadiusBlocks(g: ClipGeometry): number {
    return Math.max(3, 6 / (g.blockPx * g.ruleMmPerPx));
  }
}

function centreBlocks(c: DescribedCandidate, g: ClipGeometry): { cx: number; cy: number } {
  return { cx: (c.xPx - g.roi.x) / g.blockPx - 0.5, cy: (c.yPx - g.roi.y) / g.blockPx - 0.5 };
}
