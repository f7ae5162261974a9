import type { AnalysisOptions } from './AnalysisOptions';
import type { MotionMap, NoiseInfo, TimeSpan } from './AnalysisResult';
import { downsampleRegion } from './downsampleRegion';
import { lucasKanadeDisplacement, type DisplacementEstimator } from './estimateDisplacement';
import { estimateShift, sampleBilinear, type GrayImage } from './estimateShift';
import { measureBlockEnergy, type BlockGrid } from './measureBlockEnergy';
import { blocksBoxPx, touchesMask } from './blockGeometry';
import { poolSeeds } from './poolSeeds';
import { findImageRegion } from './findImageRegion';
import { labelActiveBlocks } from './labelActiveBlocks';
import type { LumaFrame, RectPx } from './LumaFrame';
import { BlockHistograms, type NoiseModel } from './NoiseModel';
import { labelPulsation } from './labelPulsation';
import { mergeRefractory } from './mergeRefractory';
import { median } from './median';
import type { EventKind, TwitchEvent } from './TwitchEvent';

export interface AnalyzerInit {
  width: number;
  height: number;
  /** Noise floor learned from a baseline clip; null learns it from this clip's quiet stretches. */
  noise: NoiseModel | null;
  mmPerPx: number | null;
  /** Image region the file declares (DICOM ultrasound regions); the user's option wins over it. */
  imageRegionPx: RectPx | null;
  displacement?: DisplacementEstimator;
}

export interface MotionAnalysisOutput {
  events: TwitchEvent[];
  trace: { timesS: number[]; energy: number[] };
  unanalysable: TimeSpan[];
  motionMap: MotionMap;
  roi: RectPx & { source: 'auto' | 'user' | 'file' };
  noise: NoiseInfo;
  noiseModel: NoiseModel;
  warnings: string[];
  medianFrameIntervalS: number;
  width: number;
  height: number;
  mmPerPx: number | null;
}

/** Seconds of video used to learn a first noise floor before scoring starts (no baseline). */
const WARMUP_S = 5;
/** Rigid motion slower than this is rest, mm/s: still tissue shows ~0.01-0.06 mm/s of estimator
 * noise; breathing sway and a passively rotated ankle move 1-3 mm/s (benchmark; ../shared/data/real). */
const QUIET_SHIFT_MM_S = 0.3;
/** Imaging depth assumed when a clip has no scale, mm: calf presets span about 30-60 mm. Used
 * only by physical rules (rest speed); reported areas stay in px until a real scale is known. */
const ASSUMED_DEPTH_MM = 40;
/** Fewest frames the provisional floor is built from. */
const MIN_PROVISIONAL_FRAMES = 10;
/** How often the running noise floor is refreshed, s of video. */
const STATS_REFRESH_S = 1;
/** Slack on every comparison of a duration with these limits, s. The limits are whole multiples
 * of common frame intervals (5 s = 150 frames at 30 fps), and the browser's and ffmpeg's
 * timestamps differ by microseconds: without slack the same clip could switch a floor a frame
 * (or a refresh) apart in the app and the CLI. 1 ms is far below any frame interval. */
const TIME_SLACK_S = 1e-3;
/** Local motion this close in time to a movement belongs to it, s. */
const GUARD_S = 0.25;
/** Shortest whole-field event, s: a single-frame jump is a codec keyframe, not a probe movement. */
const GLOBAL_MIN_S = 0.1;
/** A frame is whole-field motion when the median block z-score exceeds this. */
const GLOBAL_MEDIAN_Z = 3;
/** Whole-field motion travelling less than this is sway (breathing: ~1-2 mm per half cycle),
 * and twitches are still sought through it; longer paths are movements, mm. */
const SWAY_MAX_MM = 2;
/** A strong onset this long after an event's last strong frame starts a new event, s: twitch
 * contraction times are 40-120 ms, so the contraction phase is long over by then. */
const NEW_ONSET_AFTER_S = 0.25;
/** Area of a typical motor-unit territory, mm2 (a disc ~5.6 mm across). */
const TYPICAL_TERRITORY_MM2 = 25;
/** A brief event is kept when its peak reaches this many times the threshold. */
const STRONG_ONSET = 2;
/** Seed threshold over grow threshold. */
const HYSTERESIS_RATIO = 2.5;
/** Gaussian consistency factor: sigma = 1.4826 MAD. */
const MAD_TO_SIGMA = 1.4826;
/** Displacement below which flow directions are noise, px (Farneback on 4x4 px cells). */
const MIN_FLOW_PX = 1;
/** Direction coherence below which local motion is not a twitch (see finalizeLocal). */
const MIN_COHERENCE = 0.15;
/** Smallest noise sigma per block, grey levels: blocks that never change must not divide by ~0. */
const SIGMA_FLOOR = 0.1;
/** Mean absolute cell difference below which a frame repeats the previous one (screen recordings). */
const REPEAT_TOLERANCE = 0.05;
/** Quiet video below which the noise floor is called unreliable, s. */
const MIN_QUIET_S = 5;
/** Share of the image's upper rows taken as skin and fat when telling contraction from probe motion. */
const SUPERFICIAL_SHARE = 0.15;
/** The long lag compares the mean of the frames in this span with the same span one lag earlier,
 * s. Electronic and codec noise are independent from frame to frame, while a twitch holds its
 * displacement through its relaxation (0.1-1 s): two frames at 30 fps halve the noise variance
 * and keep the signal. Far shorter than the shortest contraction time (40 ms) plus the lag. */
const LONG_AVERAGE_S = 0.05;

interface DistinctFrame {
  t: number;
  cells: Float32Array;
}

/** One scored frame: energies against the lagged reference, after rigid-motion compensation. */
interface FrameRecord {
  t: number;
  lagS: number;
  intervalS: number;
  energy: Float32Array;
  /** Rigid shift between the frame and its reference, original px (0 when untrackable). */
  shiftPx: number;
  /** The same against a reference one long lag earlier (null until the clip is that long). */
  long: { lagS: number; energy: Float32Array; shiftPx: number } | null;
}

interface OpenLocal {
  /** Every block the event has covered (its territory). */
  mask: Uint8Array;
  blocks: number[];
  /** Blocks active in the event's latest frame: new activity joins an event only next to these. */
  recent: Uint8Array;
  recentT: number;
  /** Latest frame with activity above the seed threshold (not only continuation). */
  lastStrongT: number;
  /** Started at the site of a relaxing event by a second contraction (secondContraction): kept apart from it. */
  split: boolean;
  /** Started with no other open event touching it: the frame before its onset shows the
   * tissue at rest, the reference secondContraction needs. */
  cleanStart: boolean;
  /** Latest frame in which the long lag still saw the territory displaced: how long the
   * displacement was held, which the short lag (only the fast rise) cannot tell. */
  heldT: number;
  /** The long lag scored a frame after the event's first: it could have seen a held displacement. */
  longWatched: boolean;
  firstT: number;
  firstLagS: number;
  lastT: number;
  peakT: number;
  peakSumZ: number;
  maxZ: number;
  sumW: number;
  sumWx: number;
  sumWy: number;
}

interface OpenGlobal {
  firstT: number;
  firstLagS: number;
  lastT: number;
  peakT: number;
  peakMedianZ: number;
  maxZ: number;
  sumTopZ: number;
  sumRestZ: number;
  activeMax: number;
  /** Path length of the rigid motion during the event, mm (assumed scale without one). */
  pathMm: number;
}

/**
 * The incremental motion analysis: frame in, state updated, finished events out.
 *
 * Per frame: crop to the image region, smooth speckle into 4x4 px cells, skip exact repeats,
 * difference against the frame one lag earlier after removing the rigid shift between them
 * (probe movement, breathing sway), average |difference| over blocks, score each block against
 * its own noise floor (median/MAD), and group active blocks in space and time into events.
 * Whole-field activity is probe motion or contraction, never a fasciculation.
 */
export class MotionAnalyzer {
  private readonly options: AnalysisOptions;
  private readonly roi: RectPx & { source: 'auto' | 'user' | 'file' };
  private roiResolved = false;
  private readonly cellPx: number;
  private readonly blockCells: number;
  private cellCols = 0;
  private cellRows = 0;
  private gridCols = 0;
  private gridRows = 0;
  private grid: BlockGrid = { cellCols: 0, cellRows: 0, gridCols: 0, gridRows: 0, blockCells: 1 };
  private readonly width: number;
  private readonly height: number;
  private readonly mmPerPx: number | null;
  private readonly siteRadiusPx: number;
  /** Scale for physical rules: the real one, else ASSUMED_DEPTH_MM over the image height. */
  private ruleMmPerPx = 0.1;
  /** Baseline floor; dropped when the baseline's block grid differs from this clip's. */
  private baselineModel: NoiseModel | null;
  private readonly displacement: DisplacementEstimator;

  private ring: DistinctFrame[] = [];
  private warped = new Float32Array(0);
  private warpedCurrent = new Float32Array(0);
  private visited = new Uint8Array(0);
  private z = new Float32Array(0);
  private pooled = new Float32Array(0);
  private spread = new Float32Array(0);
  private seeds = new Uint8Array(0);
  /** Whole-field motion events already finalised, [onsetS, endS], for the guard rule. */
  private globalSpans: [number, number][] = [];
  /** Every movement span of the clip (unanalysable time). */
  private readonly movementSpans: TimeSpan[] = [];
  private activeS = new Float64Array(0);
  private hist: BlockHistograms | null = null;
  private model: NoiseModel | null = null;
  private histLong: BlockHistograms | null = null;
  private modelLong: NoiseModel | null = null;
  private warpedLong = new Float32Array(0);
  private warpedLongCurrent = new Float32Array(0);
  private meanLongRef = new Float32Array(0);
  private meanLongCurrent = new Float32Array(0);
  private zLong = new Float32Array(0);
  private lastRefreshT = -Infinity;
  private warmup: FrameRecord[] | null = [];
  private lastFrameT = Number.NaN;
  private intervals: number[] = [];

  private readonly traceT: number[] = [];
  private readonly traceE: number[] = [];
  private open: OpenLocal[] = [];
  private openGlobal: OpenGlobal | null = null;
  private readonly finished: TwitchEvent[] = [];
  /** Events started by a second contraction inside another's territory: never merged back. */
  private readonly splitIds = new Set<number>();
  private nextId = 1;

  constructor(options: AnalysisOptions, init: AnalyzerInit) {
    this.options = options;
    this.width = init.width;
    this.height = init.height;
    this.mmPerPx = init.mmPerPx;
    this.displacement = init.displacement ?? lucasKanadeDisplacement();
    this.cellPx = Math.max(1, Math.floor(options.blockSizePx / 4));
    this.blockCells = Math.max(1, Math.floor(options.blockSizePx / this.cellPx));
    const given = options.roiPx ?? init.imageRegionPx;
    this.roi = given
      ? { ...clampRect(given, init.width, init.height), source: options.roiPx ? 'user' : 'file' }
      : { x: 0, y: 0, width: init.width, height: init.height, source: 'auto' };
    this.baselineModel = init.noise;
    // One site: within a territory's width (3 blocks, or 6 mm when the scale is known).
    this.siteRadiusPx = Math.max(3 * options.blockSizePx, this.mmPerPx ? 6 / this.mmPerPx : 0);
  }

  /** Analyse one frame; returns the events that this frame allowed to be finalised. */
  push(frame: LumaFrame): TwitchEvent[] {
    if (frame.width !== this.width || frame.height !== this.height) {
      throw new RangeError(
        `Frame size changed from ${this.width}x${this.height} to ${frame.width}x${frame.height} px in the middle of the clip.`,
      );
    }
    if (!this.roiResolved) this.resolveRoi(frame);
    const t = frame.timestampS;
    if (Number.isFinite(this.lastFrameT) && t > this.lastFrameT && this.intervals.length < 5000) {
      this.intervals.push(t - this.lastFrameT);
    }
    this.lastFrameT = t;

    const cells = downsampleRegion(frame.data, frame.width, this.roi, this.cellPx, new Float32Array(this.cellCols * this.cellRows));
    const previous = this.ring[this.ring.length - 1];
    if (previous && meanAbsDiff(previous.cells, cells) < REPEAT_TOLERANCE) return [];
    if (previous && t <= previous.t) return []; // out-of-order or duplicate timestamp
    this.ring.push({ t, cells });
    const ringS = this.options.maxDurationS + this.options.closeGapS + GUARD_S + 1;
    while (this.ring.length > 2 && this.ring[0].t < t - ringS) this.ring.shift();

    const ref = this.reference(t);
    if (!ref) return [];
    const record = this.measure(ref, cells, t, previous ? t - previous.t : t - ref.t);
    if (this.warmup) {
      this.warmup.push(record);
      if (!this.baselineModel && t - this.warmup[0].t < WARMUP_S - TIME_SLACK_S) return [];
      return this.flushWarmup();
    }
    return this.score(record);
  }

  /** Energy trace points from index `from` (for progress batches). */
  traceSince(from: number): { timesS: number[]; energy: number[] } {
    return { timesS: this.traceT.slice(from), energy: this.traceE.slice(from) };
  }

  finish(): MotionAnalysisOutput {
    if (this.warmup) this.flushWarmup();
    if (this.openGlobal) this.finalizeGlobal(this.openGlobal);
    this.openGlobal = null;
    for (const e of this.open) this.finalizeLocal(e, true);
    this.open = [];
    const merged = mergeRefractory(this.finished, this.siteRadiusPx, this.options.mergeGapS, this.splitIds);
    const events = labelPulsation(merged, this.siteRadiusPx).sort((a, b) => a.onsetS - b.onsetS);
    events.forEach((e, i) => (e.id = i + 1));

    const hist = this.hist ?? new BlockHistograms(this.gridCols, this.gridRows, this.options.blockSizePx);
    const ownModel = hist.toModel(SIGMA_FLOOR);
    if (this.histLong && this.histLong.quietS > 0) ownModel.long = this.histLong.toModel(SIGMA_FLOOR);
    const quietS = this.baselineModel ? this.baselineModel.quietS : hist.quietS;
    const warnings: string[] = [];
    if (quietS < MIN_QUIET_S) {
      warnings.push(
        `Only ${quietS.toFixed(1)} s of motion-free video was found to learn the noise level (at least ${MIN_QUIET_S} s is advised), so thresholds may be unreliable. Record longer at rest, or add a baseline clip of relaxed muscle.`,
      );
    }
    const { x, y, width, height, source } = this.roi;
    return {
      events,
      trace: { timesS: this.traceT.slice(), energy: this.traceE.slice() },
      unanalysable: this.movementSpans.slice(),
      motionMap: {
        xPx: x,
        yPx: y,
        blockPx: this.cellPx * this.blockCells,
        cols: this.gridCols,
        rows: this.gridRows,
        activeS: Array.from(this.activeS, (v) => round(v, 3)),
      },
      roi: { x, y, width, height, source },
      noise: { source: this.baselineModel ? 'baseline' : 'quiet-stretches', quietS: round(quietS, 2) },
      noiseModel: ownModel,
      warnings,
      medianFrameIntervalS: median(this.intervals) ?? 0,
      width: this.width,
      height: this.height,
      mmPerPx: this.mmPerPx,
    };
  }

  private resolveRoi(frame: LumaFrame): void {
    const r = this.roi.source === 'auto' ? findImageRegion(frame.data, frame.width, frame.height) : this.roi;
    const block = this.cellPx * this.blockCells;
    this.gridCols = Math.floor(r.width / block);
    this.gridRows = Math.floor(r.height / block);
    if (this.gridCols < 2 || this.gridRows < 2) {
      throw new RangeError(`The image region (${r.width}x${r.height} px) is too small to analyse: it must be at least ${2 * block} px on each side.`);
    }
    // Centre the block grid in the region; the leftover strip (< one block) is ignored.
    this.roi.x = r.x + Math.floor((r.width - this.gridCols * block) / 2);
    this.roi.y = r.y + Math.floor((r.height - this.gridRows * block) / 2);
    this.roi.width = this.gridCols * block;
    this.roi.height = this.gridRows * block;
    this.ruleMmPerPx = this.mmPerPx ?? ASSUMED_DEPTH_MM / r.height;
    this.cellCols = this.gridCols * this.blockCells;
    this.cellRows = this.gridRows * this.blockCells;
    this.grid = { cellCols: this.cellCols, cellRows: this.cellRows, gridCols: this.gridCols, gridRows: this.gridRows, blockCells: this.blockCells };
    const n = this.gridCols * this.gridRows;
    this.warped = new Float32Array(this.cellCols * this.cellRows);
    this.warpedCurrent = new Float32Array(this.cellCols * this.cellRows);
    this.warpedLong = new Float32Array(this.cellCols * this.cellRows);
    this.warpedLongCurrent = new Float32Array(this.cellCols * this.cellRows);
    this.meanLongRef = new Float32Array(this.cellCols * this.cellRows);
    this.meanLongCurrent = new Float32Array(this.cellCols * this.cellRows);
    this.zLong = new Float32Array(n);
    this.histLong = new BlockHistograms(this.gridCols, this.gridRows, this.options.blockSizePx);
    this.visited = new Uint8Array(n);
    this.z = new Float32Array(n);
    this.pooled = new Float32Array(n);
    this.spread = new Float32Array(n);
    this.seeds = new Uint8Array(n);
    this.activeS = new Float64Array(n);
    this.hist = new BlockHistograms(this.gridCols, this.gridRows, this.options.blockSizePx);
    const b = this.baselineModel;
    if (b && !(b.gridCols === this.gridCols && b.gridRows === this.gridRows && b.blockSizePx === this.options.blockSizePx)) {
      this.baselineModel = null;
    }
    this.model = this.baselineModel;
    this.modelLong = this.baselineModel?.long ?? null;
    this.roiResolved = true;
  }

  /** Is the rigid motion of this frame slow enough to call it rest (for learning the floor)? */
  private isStill(r: FrameRecord): boolean {
    return r.lagS > 0 && (r.shiftPx * this.ruleMmPerPx) / r.lagS < QUIET_SHIFT_MM_S;
  }

  private isStillLong(r: FrameRecord): boolean {
    return r.long !== null && (r.long.shiftPx * this.ruleMmPerPx) / r.long.lagS < QUIET_SHIFT_MM_S;
  }

  /** The newest distinct frame at or before an event's onset: the tissue as it was before it. */
  private frameBefore(onsetS: number): DistinctFrame | null {
    for (let i = this.ring.length - 1; i >= 0; i--) if (this.ring[i].t <= onsetS + 1e-6) return this.ring[i];
    return null;
  }

  /** The newest distinct frame at least ~one lag older than t (tolerates timestamp jitter). */
  private reference(t: number, lagS = this.options.diffLagS): DistinctFrame | null {
    const target = t - 0.75 * lagS;
    for (let i = this.ring.length - 2; i >= 0; i--) if (this.ring[i].t <= target) return this.ring[i];
    return null;
  }

  private measure(ref: DistinctFrame, cells: Float32Array, t: number, intervalS: number): FrameRecord {
    const m = measureBlockEnergy(ref.cells, cells, this.grid, [this.warped, this.warpedCurrent]);
    this.traceT.push(round(t, 4));
    this.traceE.push(round(m.rawMeanAbsDiff, 4));
    // The long lag spans a twitch's whole rise (contraction time 40-120 ms, Fuglevand 1993), so
    // its difference holds the full displacement while independent frame noise stays the same:
    // on the 6 dB benchmark clip it lifted the weakest twitches 2-4x further above the noise.
    const longLagS = Math.max(this.options.longLagS, 2 * this.options.diffLagS);
    const longRef = this.options.longLagS > 0 ? this.reference(t, longLagS) : null;
    let long: FrameRecord['long'] = null;
    if (longRef && longRef !== ref && t - longRef.t >= 0.6 * longLagS) {
      const before = this.meanOver(longRef.t, this.meanLongRef);
      const after = this.meanOver(t, this.meanLongCurrent);
      const ml = measureBlockEnergy(before, after, this.grid, [this.warpedLong, this.warpedLongCurrent]);
      long = { lagS: t - longRef.t, energy: ml.energy, shiftPx: ml.shiftCells * this.cellPx };
    }
    return { t, lagS: t - ref.t, intervalS, energy: m.energy, shiftPx: m.shiftCells * this.cellPx, long };
  }

  /** Mean cells of the distinct frames in (t - LONG_AVERAGE_S, t]: the frame at t and its
   * predecessors within the span (always at least the frame at t itself). */
  private meanOver(t: number, out: Float32Array): Float32Array {
    out.fill(0);
    let count = 0;
    for (let i = this.ring.length - 1; i >= 0; i--) {
      const f = this.ring[i];
      if (f.t > t + TIME_SLACK_S) continue;
      if (f.t <= t - LONG_AVERAGE_S + TIME_SLACK_S && count > 0) break;
      const c = f.cells;
      for (let k = 0; k < out.length; k++) out[k] += c[k];
      count++;
    }
    const scale = 1 / count;
    for (let k = 0; k < out.length; k++) out[k] *= scale;
    return out;
  }

  private flushWarmup(): TwitchEvent[] {
    const buffered = this.warmup ?? [];
    this.warmup = null;
    if (!this.model && buffered.length > 0 && this.hist) {
      // Provisional floor from frames at rest: rigid motion slower than QUIET_SHIFT_MM_S. A clip may
      // be mostly movement (a passive ankle rotation with a moment of stillness), and the floor must
      // describe rest. Too few such frames: take those near the quietest by energy instead.
      const still = buffered.map((r) => this.isStill(r));
      let use = still;
      if (still.filter(Boolean).length < MIN_PROVISIONAL_FRAMES) {
        const level = buffered.map((r) => median(r.energy) ?? 0);
        const sorted = [...level].sort((a, b) => a - b);
        const cut = 1.5 * sorted[Math.min(sorted.length - 1, MIN_PROVISIONAL_FRAMES - 1)];
        use = level.map((v) => v <= cut);
      }
      const provisional = new BlockHistograms(this.gridCols, this.gridRows, this.options.blockSizePx);
      buffered.forEach((r, i) => use[i] && provisional.add(r.energy, r.intervalS));
      this.model = provisional.toModel(SIGMA_FLOOR);
      const provisionalLong = new BlockHistograms(this.gridCols, this.gridRows, this.options.blockSizePx);
      buffered.forEach((r, i) => use[i] && r.long && provisionalLong.add(r.long.energy, r.intervalS));
      // The long lag only scores on a floor learned from rest: at least half the warm-up still
      // (all-motion clips such as the passive-rotation clip get none). Half, not all: the warm-up
      // itself is 5 s long, and a threshold at its very end would hang on timestamp jitter.
      if (provisionalLong.quietS >= WARMUP_S / 2 - TIME_SLACK_S) this.modelLong = provisionalLong.toModel(SIGMA_FLOOR);
      this.lastRefreshT = buffered[buffered.length - 1].t;
    }
    const out: TwitchEvent[] = [];
    for (const r of buffered) out.push(...this.score(r));
    return out;
  }

  /** Block z-scores of one energy map against its floor, less the frame's common mode, over its spread. */
  private zScores(energy: Float32Array, model: NoiseModel, z: Float32Array): number {
    const n = energy.length;
    for (let b = 0; b < n; b++) z[b] = (energy[b] - model.median[b]) / model.sigma[b];
    const medianZ = median(z) ?? 0;
    // Common mode and spread (a CFAR detector, as in radar: Finn & Johnson 1968): a codec
    // keyframe lifts every block a little (median z ~3 at each H.264 I-frame in the demo clips),
    // and whole-field motion such as breathing sway widens the spread of all blocks. Local motion
    // is judged against this frame's own level and spread, never below the learned floor.
    const common = Math.max(0, medianZ);
    for (let b = 0; b < n; b++) this.spread[b] = Math.abs(z[b] - medianZ);
    const spread = Math.max(1, MAD_TO_SIGMA * (median(this.spread) ?? 0));
    for (let b = 0; b < n; b++) z[b] = (z[b] - common) / spread;
    return medianZ;
  }

  private score(r: FrameRecord): TwitchEvent[] {
    const model = this.model;
    const hist = this.hist;
    if (!model || !hist) return [];
    const { zThreshold, globalFraction } = this.options;
    const n = r.energy.length;
    const medianZ = this.zScores(r.energy, model, this.z);
    const activeWindows = poolSeeds(this.z, this.gridCols, this.gridRows, zThreshold, this.pooled, this.seeds);
    const isGlobal = activeWindows > globalFraction * n || medianZ > GLOBAL_MEDIAN_Z;

    // Whole-field motion: a movement (a jolt, a contraction, a rotated ankle) decorrelates the
    // image everywhere and hides anything local; a sway (breathing) is compensated well enough
    // to look for twitches through it. Which one it was is known when it ends (its path length,
    // finalizeGlobal), and local events near a movement are dropped then.
    const wholeField = activeWindows > globalFraction * n;
    const still = !isGlobal && this.isStill(r);
    if (isGlobal) this.onGlobalFrame(r, medianZ, activeWindows);
    else if (still) hist.add(r.energy, r.intervalS);
    let lagS = r.lagS;
    const long = r.long;
    if (long && this.histLong && still && this.isStillLong(r)) this.histLong.add(long.energy, r.intervalS);
    if (long && this.modelLong && !isGlobal) {
      // Local activity is the larger of the two lags' z per block; where the long lag lifts a
      // block over the threshold the event is dated from the long reference. Through breathing
      // sway too: the sway's residual after compensation lifts every block alike, which the
      // common-mode and spread normalisation (zScores) takes out, and the long lag only starts
      // new events (below), so it cannot stretch one. Off in whole-field motion at either lag.
      const medianLongZ = this.zScores(long.energy, this.modelLong, this.zLong);
      const activeLong = poolSeeds(this.zLong, this.gridCols, this.gridRows, zThreshold, this.pooled, this.seeds);
      const growZ = zThreshold / HYSTERESIS_RATIO;
      for (const e of this.open) {
        if (r.t > e.firstT) e.longWatched = true;
        if (e.blocks.some((b) => this.pooled[b] > growZ)) e.heldT = r.t;
      }
      if (!(activeLong > globalFraction * n || medianLongZ > GLOBAL_MEDIAN_Z)) {
        let fromLong = false;
        for (let b = 0; b < n; b++) {
          if (!(this.zLong[b] > this.z[b])) continue;
          // Only new onsets: an open event's relaxation is followed on the short lag alone, or
          // the long lag would stretch it into its neighbours.
          if (this.open.some((e) => touchesMask(e.mask, b, this.gridCols, this.gridRows))) continue;
          if (this.zLong[b] > growZ) fromLong = true;
          this.z[b] = this.zLong[b];
        }
        if (fromLong) lagS = long.lagS;
      }
      poolSeeds(this.z, this.gridCols, this.gridRows, zThreshold, this.pooled, this.seeds);
    }
    if (!wholeField) {
      for (let b = 0; b < n; b++) if (this.z[b] > zThreshold / HYSTERESIS_RATIO) this.activeS[b] += r.intervalS;
      this.trackLocal(lagS === r.lagS ? r : { ...r, lagS });
    }
    // The running floor replaces the provisional one once it rests on as much quiet video.
    if (!this.baselineModel && r.t - this.lastRefreshT >= STATS_REFRESH_S - TIME_SLACK_S && hist.quietS >= WARMUP_S - TIME_SLACK_S) {
      this.model = hist.toModel(SIGMA_FLOOR);
      if (this.histLong && this.histLong.quietS >= WARMUP_S - TIME_SLACK_S) this.modelLong = this.histLong.toModel(SIGMA_FLOOR);
      this.lastRefreshT = r.t;
    }
    return this.closeDue(r.t);
  }

  private onGlobalFrame(r: FrameRecord, medianZ: number, active: number): void {
    const topRows = Math.max(1, Math.round(this.gridRows * SUPERFICIAL_SHARE));
    const topZ = median(this.z.subarray(0, topRows * this.gridCols)) ?? 0;
    const restZ = median(this.z.subarray(topRows * this.gridCols)) ?? 0;
    let maxZ = 0;
    for (const v of this.z) if (v > maxZ) maxZ = v;
    const g = this.openGlobal;
    if (g && r.t - g.lastT <= this.options.closeGapS + r.lagS) {
      g.lastT = r.t;
      g.sumTopZ += topZ;
      g.sumRestZ += restZ;
      g.maxZ = Math.max(g.maxZ, maxZ);
      g.activeMax = Math.max(g.activeMax, active);
      g.pathMm += r.shiftPx * this.ruleMmPerPx * (r.intervalS / r.lagS);
      if (medianZ > g.peakMedianZ) {
        g.peakMedianZ = medianZ;
        g.peakT = r.t - r.lagS / 2;
      }
      return;
    }
    if (g) this.finalizeGlobal(g);
    this.openGlobal = {
      firstT: r.t,
      firstLagS: r.lagS,
      lastT: r.t,
      peakT: r.t - r.lagS / 2,
      peakMedianZ: medianZ,
      maxZ,
      sumTopZ: topZ,
      sumRestZ: restZ,
      activeMax: active,
      pathMm: r.shiftPx * this.ruleMmPerPx * (r.intervalS / r.lagS),
    };
  }

  /**
   * Is activity on `blocks` at t a second contraction at the site of `e`, rather than e relaxing?
   * After a twitch's contraction its territory relaxes back towards where it was before e began;
   * a second contraction (a neighbouring unit) moves the tissue away from there again. Measured
   * as the change since one short lag ago in mean |difference| against the frame before e's
   * onset (rigid motion removed), summed over the blocks in units of each block's noise, against
   * the detection threshold. Only after e's contraction phase (NEW_ONSET_AFTER_S past its peak),
   * and only for an event that began at rest: the frame before an event that began inside
   * another's relaxation is itself displaced, and relaxing would look like moving away from it.
   */
  private secondContraction(e: OpenLocal, blocks: number[], t: number): boolean {
    if (!e.cleanStart || t - e.peakT < NEW_ONSET_AFTER_S) return false;
    const model = this.model;
    const now = this.ring[this.ring.length - 1];
    const prev = this.reference(t);
    const before = this.frameBefore(e.firstT - e.firstLagS);
    if (!model || !before || !prev || prev.t <= before.t || now.t !== t) return false;
    const bc = this.blockCells;
    const w = this.cellCols;
    const h = this.cellRows;
    // Against the rigid motion since `before` (breathing sway): whole-frame shifts, as in measure().
    const img = (f: DistinctFrame): GrayImage => ({ data: f.cells, width: w, height: h });
    const whole: RectPx = { x: 2, y: 2, width: w - 4, height: h - 4 };
    const base = img(before);
    const sNow = estimateShift(base, img(now), whole);
    const sPrev = estimateShift(base, img(prev), whole);
    let sumZ = 0;
    for (const b of blocks) {
      const x0 = (b % this.gridCols) * bc;
      const y0 = ((b / this.gridCols) | 0) * bc;
      let change = 0;
      for (let y = y0; y < y0 + bc; y++) {
        for (let x = x0; x < x0 + bc; x++) {
          const i = y * w + x;
          const refNow = sNow ? sampleBilinear(base, x - sNow.dx, y - sNow.dy) : before.cells[i];
          const refPrev = sPrev ? sampleBilinear(base, x - sPrev.dx, y - sPrev.dy) : before.cells[i];
          change += Math.abs(now.cells[i] - refNow) - Math.abs(prev.cells[i] - refPrev);
        }
      }
      sumZ += change / (bc * bc) / model.sigma[b];
    }
    return sumZ / Math.sqrt(blocks.length) > this.options.zThreshold;
  }

  /** Is activity on `blocks` a second contraction at the site (siteRadiusPx) of any open event? */
  private secondContractionAtSite(blocks: number[], t: number): boolean {
    const cols = this.gridCols;
    const siteRadiusBlocks = this.siteRadiusPx / (this.cellPx * this.blockCells);
    let cx = 0;
    let cy = 0;
    for (const b of blocks) {
      cx += b % cols;
      cy += (b / cols) | 0;
    }
    cx /= blocks.length;
    cy /= blocks.length;
    return this.open.some(
      (o) => Math.hypot(o.sumWx / o.sumW - cx, o.sumWy / o.sumW - cy) <= siteRadiusBlocks && this.secondContraction(o, blocks, t),
    );
  }

  private trackLocal(r: FrameRecord): void {
    const { zThreshold } = this.options;
    const cols = this.gridCols;
    // Canny's hysteresis ratio of 2:1 to 3:1 (Canny 1986); 2.5:1 keeps a twitch's slow relaxation.
    const growZ = zThreshold / HYSTERESIS_RATIO;
    // Hysteresis in time: an open event carries on through windows above half the threshold, so
    // the slower relaxation of a twitch (0.1-1 s) stays one event with its fast onset.
    if (this.open.length > 0) {
      const rows = this.gridRows;
      for (let y = 0; y < rows - 1; y++) {
        for (let x = 0; x < cols - 1; x++) {
          const i = y * cols + x;
          if (!(this.pooled[i] > growZ) || this.seeds[i]) continue;
          const window = [i, i + 1, i + cols, i + cols + 1];
          if (this.open.some((e) => window.some((b) => touchesMask(e.recent, b, cols, rows)))) {
            for (const b of window) this.seeds[b] = 1;
          }
        }
      }
    }
    const comps = labelActiveBlocks(this.z, cols, this.gridRows, this.seeds, growZ, this.visited);
    // Every component is matched against the events as they stood after the previous frame, before
    // any of this frame's components updates them: the order in which components are found must
    // not decide whether one continues an event or looks like a new one.
    const matches = comps.map((c) => {
      // Match against the blocks active in each event's latest frame, not its whole territory, and
      // never merge two open events: two motor units firing side by side within a fraction of a
      // second stay two events. Activity touching both goes to the one it overlaps most.
      // A fresh strong onset after an event's contraction phase is over is a new twitch, maybe of
      // a neighbouring motor unit: one unit cannot contract again while it is still relaxing.
      const strong = c.blocks.some((b) => this.pooled[b] > zThreshold);
      let e: OpenLocal | null = null;
      let bestOverlap = 0;
      let split = false;
      for (const candidate of this.open) {
        if (strong && candidate.lastStrongT < r.t - NEW_ONSET_AFTER_S) continue;
        // ... and so is a strong onset in a relaxing territory that moves the tissue away again.
        if (strong && this.secondContraction(candidate, c.blocks, r.t)) {
          split = true;
          continue;
        }
        let overlap = 0;
        for (const b of c.blocks) if (touchesMask(candidate.recent, b, cols, this.gridRows)) overlap++;
        if (overlap > bestOverlap) {
          bestOverlap = overlap;
          e = candidate;
        }
      }
      return { c, strong, e, split };
    });
    for (const { c, strong, e: matched, split: splitFromMatch } of matches) {
      let split = splitFromMatch;
      let e = matched;
      // Only a seed above the threshold starts an event; activity above the continuation level
      // alone only carries an open one on (hysteresis).
      if (!e && !strong) continue;
      if (!e) {
        const cleanStart = !this.open.some((o) => c.blocks.some((b) => touchesMask(o.mask, b, cols, this.gridRows)));
        // A new event at the site of one that is relaxing would be merged back into it at the
        // end (mergeRefractory) unless it is a second contraction: then it is kept apart.
        split ||= this.secondContractionAtSite(c.blocks, r.t);
        e = {
          mask: new Uint8Array(cols * this.gridRows),
          blocks: [],
          recent: new Uint8Array(cols * this.gridRows),
          recentT: r.t,
          lastStrongT: r.t,
          heldT: r.t,
          longWatched: false,
          split,
          cleanStart,
          firstT: r.t,
          firstLagS: r.lagS,
          lastT: r.t,
          peakT: r.t,
          peakSumZ: -1,
          maxZ: 0,
          sumW: 0,
          sumWx: 0,
          sumWy: 0,
        };
        this.open.push(e);
      }
      if (e.recentT !== r.t) {
        e.recent.fill(0);
        e.recentT = r.t;
      }
      for (const b of c.blocks) {
        e.recent[b] = 1;
        if (!e.mask[b]) {
          e.mask[b] = 1;
          e.blocks.push(b);
        }
        const w = this.z[b];
        e.sumW += w;
        e.sumWx += w * (b % cols);
        e.sumWy += w * ((b / cols) | 0);
      }
      e.lastT = r.t;
      if (strong) e.lastStrongT = r.t;
      for (const b of c.blocks) if (this.pooled[b] > e.maxZ) e.maxZ = this.pooled[b];
      if (c.sumZ > e.peakSumZ) {
        e.peakSumZ = c.sumZ;
        e.peakT = r.t - r.lagS / 2;
      }
    }
  }

  private closeDue(t: number): TwitchEvent[] {
    const before = this.finished.length;
    const waitS = this.options.closeGapS + GUARD_S;
    const stillOpen: OpenLocal[] = [];
    const g = this.openGlobal;
    if (g && t - g.lastT > this.options.closeGapS + g.firstLagS) {
      this.finalizeGlobal(g);
      this.openGlobal = null;
    }
    // While whole-field motion is open near an event, wait: it may yet prove to be a movement.
    const pendingGlobalS = this.openGlobal ? this.openGlobal.firstT - this.openGlobal.firstLagS : Infinity;
    for (const e of this.open) {
      if (t - e.lastT > waitS && pendingGlobalS > e.lastT + GUARD_S) this.finalizeLocal(e);
      else stillOpen.push(e);
    }
    this.open = stillOpen;
    const horizonS = t - this.options.maxDurationS - 2 * waitS - 1;
    this.globalSpans = this.globalSpans.filter(([, endS]) => endS >= horizonS);
    return this.finished.slice(before);
  }

  /** `cutOff`: the clip ended while the event was still open, so its course is unknown. */
  private finalizeLocal(e: OpenLocal, cutOff = false): void {
    const o = this.options;
    const onsetS = e.firstT - e.firstLagS;
    const durationS = e.lastT - onsetS;
    // Motion within GUARD_S of whole-field motion is part of that movement, not a twitch.
    if (this.globalSpans.some(([g0, g1]) => g0 <= e.lastT + GUARD_S && g1 >= onsetS - GUARD_S)) return;
    // Shorter than any twitch (fasciculations on ultrasound last about 0.1-1 s) and weak: flicker,
    // codec noise. A strong onset stays even when brief: a twitch that contracts in ~40 ms and
    // relaxes slowly shows fast motion only at its start (demo clip, 18.37 s). How long the
    // displacement was held counts too: the short lag sees only the rise, the long lag the rest.
    const block = this.cellPx * this.blockCells;
    const areaPx = e.blocks.length * block * block;
    // ... or when it moves a whole territory of typical motor-unit size (5-10 mm across,
    // Stalberg & Antoni 1980), which flicker never does; unless the clip ended mid-event, when
    // its brevity and extent say nothing (tissue settling after a movement, passive-rotation clip).
    const wide = !cutOff && areaPx * this.ruleMmPerPx ** 2 >= TYPICAL_TERRITORY_MM2;
    const heldS = Math.max(e.lastT, e.heldT) - onsetS;
    const weak = e.maxZ < STRONG_ONSET * o.zThreshold && !wide;
    if (weak && heldS < o.minDurationS) return;
    // Weak, and the long lag watched its frames after the first but never saw the territory
    // displaced: a twitch holds its displacement through its relaxation (0.1-1 s), flicker does
    // not (a one-frame codec blip beside a keyframe, screen-recording-60 benchmark at 4.15 s).
    if (weak && e.longWatched && e.heldT <= e.firstT) return;
    const areaMm2 = this.mmPerPx ? areaPx * this.mmPerPx ** 2 : null;
    let kind: EventKind = 'fasciculation';
    let reason = 'brief local motion at rest';
    const share = e.blocks.length / (this.gridCols * this.gridRows);
    if (share > o.maxAreaFraction || (areaMm2 !== null && areaMm2 > o.maxAreaMm2)) {
      // A motor-unit territory is at most ~11 mm across (Stalberg & Antoni 1980).
      kind = 'other';
      reason = 'local motion too large for one motor unit';
    } else if (Math.min(e.lastT, Math.max(e.lastStrongT, e.heldT)) - onsetS > o.maxDurationS) {
      // Judged on the frames that show the twitch itself (a strong frame, or a displacement the
      // long lag still sees), not on a trailing tail at the continuation level: codec flicker next
      // to a territory can carry an event on past its relaxation (clock-vp9 benchmark, 3.7 s).
      kind = 'other';
      reason = 'local motion lasting longer than a twitch';
    }
    const box = blocksBoxPx(e.blocks, this.gridCols, this.roi, this.cellPx * this.blockCells);
    const disp = this.measureDisplacement(box, onsetS, e.lastT);
    if (kind === 'fasciculation' && disp && disp.coherence < MIN_COHERENCE && disp.magnitude >= MIN_FLOW_PX) {
      // A twitch pulls its territory one way along the fascicles; an artery's wall swells
      // radially, so its flow vectors cancel out (coherence near 0 in the benchmark). Only a
      // displacement well above the flow's noise says anything about direction.
      kind = 'other';
      reason = 'local motion without a common direction (swelling, not a twitch)';
    }
    const cx = this.roi.x + (e.sumWx / e.sumW + 0.5) * block;
    const cy = this.roi.y + (e.sumWy / e.sumW + 0.5) * block;
    const event: TwitchEvent = {
      id: this.nextId++,
      kind,
      onsetS: round(onsetS, 4),
      peakS: round(e.peakT, 4),
      endS: round(e.lastT, 4),
      durationS: round(durationS, 4),
      xPx: Math.round(cx),
      yPx: Math.round(cy),
      boxPx: box,
      areaPx,
      areaMm2: areaMm2 === null ? null : round(areaMm2, 2),
      score: round(e.maxZ, 2),
      peakDisplacementPx: disp ? round(disp.magnitude, 3) : null,
      peakDisplacementMm: disp && this.mmPerPx ? round(disp.magnitude * this.mmPerPx, 4) : null,
      directionCoherence: disp ? round(disp.coherence, 3) : null,
      reason,
      probability: kind === 'fasciculation' ? 1 : 0,
      source: 'detector',
      blocks: [...e.blocks].sort((a, b) => a - b),
    };
    if (e.split) this.splitIds.add(event.id);
    this.finished.push(event);
  }

  private finalizeGlobal(g: OpenGlobal): void {
    const onsetS = g.firstT - g.firstLagS;
    const durationS = g.lastT - onsetS;
    if (durationS < GLOBAL_MIN_S) return;
    const movement = g.pathMm > SWAY_MAX_MM || g.activeMax > this.options.globalFraction * this.gridCols * this.gridRows;
    if (movement) {
      this.globalSpans.push([onsetS, g.lastT]);
      this.movementSpans.push({ startS: round(onsetS, 4), endS: round(g.lastT, 4) });
    }
    // Probe movement shifts skin and fat with the muscle; a voluntary contraction moves the muscle
    // under a comparatively still subcutis.
    const contraction = g.sumTopZ < 0.5 * g.sumRestZ;
    const { x, y, width, height } = this.roi;
    const areaPx = width * height;
    this.finished.push({
      id: this.nextId++,
      kind: contraction ? 'contraction' : 'probe-motion',
      onsetS: round(onsetS, 4),
      peakS: round(g.peakT, 4),
      endS: round(g.lastT, 4),
      durationS: round(durationS, 4),
      xPx: Math.round(x + width / 2),
      yPx: Math.round(y + height / 2),
      boxPx: { x, y, width, height },
      areaPx,
      areaMm2: this.mmPerPx ? round(areaPx * this.mmPerPx ** 2, 2) : null,
      score: round(g.maxZ, 2),
      peakDisplacementPx: null,
      peakDisplacementMm: null,
      directionCoherence: null,
      reason: contraction ? 'whole-muscle motion under still skin and fat' : 'whole-field motion (probe or limb movement)',
      probability: 0,
      source: 'detector',
      blocks: [],
    });
  }



  /** Peak displacement in the box from the frame before onset to each frame of the rise. */
  private measureDisplacement(boxPx: RectPx, onsetS: number, endS: number) {
    const before = this.frameBefore(onsetS);
    if (!before) return null;
    const c = this.cellPx;
    const margin = this.blockCells;
    const box: RectPx = {
      x: Math.max(0, (boxPx.x - this.roi.x) / c - margin),
      y: Math.max(0, (boxPx.y - this.roi.y) / c - margin),
      width: 0,
      height: 0,
    };
    box.width = Math.min(this.cellCols - box.x, boxPx.width / c + 2 * margin);
    box.height = Math.min(this.cellRows - box.y, boxPx.height / c + 2 * margin);
    const img = (f: DistinctFrame): GrayImage => ({ data: f.cells, width: this.cellCols, height: this.cellRows });
    let best: { magnitude: number; dx: number; dy: number; coherence: number } | null = null;
    // The rise of a twitch (contraction time 40-120 ms) ends well within 0.4 s of onset.
    for (const f of this.ring) {
      if (f.t <= before.t || f.t > Math.min(endS, onsetS + 0.4)) continue;
      const d = this.displacement(img(before), img(f), box);
      if (d && (!best || d.magnitude > best.magnitude)) best = d;
    }
    return best ? { ...best, magnitude: best.magnitude * c } : null;
  }
}


function meanAbsDiff(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += Math.abs(a[i] - b[i]);
  return s / a.length;
}

function clampRect(r: RectPx, width: number, height: number): RectPx {
  const x = Math.min(Math.max(0, Math.round(r.x)), width - 1);
  const y = Math.min(Math.max(0, Math.round(r.y)), height - 1);
  return { x, y, width: Math.min(Math.round(r.width), width - x), height: Math.min(Math.round(r.height), height - y) };
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
