import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RectPx } from '../../src/analysis/LumaFrame';
import type { ClipSpecInput } from '../../src/simulation/ClipSpec';
import { createRandom, deriveSeed } from '../../src/simulation/createRandom';
import { createSimulatedClip } from '../../src/simulation/createSimulatedClip';
import { openFfmpegSource } from '../../src/sources/node/openFfmpegSource';
import { encodeGrayFrames, encodingOf, type WriteOptions } from '../encodeGrayFrames';
import { writeSimulatedClip } from '../writeSimulatedClip';
import { type BenchEntry, type BenchTruth, setDir } from './BenchIndex';
import type { BenchSetName, PairCase } from './benchSets';
import { measureTissueMotion, pingPongOrder, planHybridTwitches, warpFrame } from './makeHybridClip';
import { writeDicomCine, type CineSyntax } from './writeDicomCine';

const ext = (e: WriteOptions): string => (e.codec === 'vp9' ? 'webm' : 'mp4');

/**
 * Renders and encodes one simulated pair into `dir` (the set's folder by default); a file is kept
 * when it and its truth exist and `force` is off (a run stopped mid-encode leaves a clip without
 * its truth, which is then made again).
 */
export async function makePair(set: BenchSetName, p: PairCase, force: boolean, dir = setDir(set)): Promise<BenchEntry> {
  const clip = `${p.name}.${ext(p.encoding)}`;
  const baseline = `${p.name}-baseline.${ext(p.encoding)}`;
  for (const [file, spec] of [[clip, p.clip], [baseline, p.baseline]] as const) {
    if (!force && existsSync(join(dir, file)) && existsSync(join(dir, file.replace(/\.\w+$/, '.truth.json')))) continue;
    await writeSimulatedClip(createSimulatedClip(spec), join(dir, file), p.encoding);
  }
  return { name: p.name, set, role: 'pair', what: p.what, clip, baseline, truth: clip.replace(/\.\w+$/, '.truth.json') };
}

/** Second-generation encoding of hybrids: near the real clips' own quality (4.7 Mbit/s at 1148x624, 61 fps). */
const HYBRID_ENCODING: WriteOptions = { codec: 'h264', crf: 18, preset: 'veryfast' };
const HYBRID_RATE_PER_MIN = 50;
/** Real clips are 1-6.5 s: played forward and back to this length (their rests and movements repeat). */
const HYBRID_LENGTH_S = 16;

export interface FrameSequence {
  frames: Uint8Array[];
  widthPx: number;
  heightPx: number;
  fps: number;
}

export async function readFrames(path: string): Promise<FrameSequence> {
  const s = await openFfmpegSource(path);
  const frames: Uint8Array[] = [];
  let widthPx = 0;
  let heightPx = 0;
  let first = NaN;
  let last = NaN;
  for await (const f of s.frames) {
    frames.push(f.data);
    widthPx = f.width;
    heightPx = f.height;
    if (Number.isNaN(first)) first = f.timestampS;
    last = f.timestampS;
  }
  const fps = Math.round(((frames.length - 1) / (last - first)) * 100) / 100;
  return { frames, widthPx, heightPx, fps };
}

/**
 * One hybrid pair: `source` frames with twitches warped in (the clip), `baselineSource` as it is
 * (the baseline), both encoded alike. The truth tags each twitch 'rest' or 'moving'.
 */
export async function makeHybrid(set: BenchSetName, name: string, what: string, source: FrameSequence, baselineSource: FrameSequence, box: RectPx, mmPerPx: number, force: boolean): Promise<BenchEntry> {
  const dir = setDir(set);
  const clip = `${name}.mp4`;
  const baseline = `${name}-baseline.mp4`;
  const truthFile = `${name}.truth.json`;
  if (force || !existsSync(join(dir, clip)) || !existsSync(join(dir, truthFile))) {
    const motion = measureTissueMotion(source.frames, source.widthPx, box, mmPerPx, source.fps);
    const twitches = planHybridTwitches(motion, source.fps, box, mmPerPx, HYBRID_RATE_PER_MIN, createRandom(deriveSeed(0, `hybrid-${name}`)));
    const warped = (function* () {
      for (let i = 0; i < source.frames.length; i++) yield warpFrame(source.frames[i], source.widthPx, source.heightPx, box, source.fps, i, twitches, motion, mmPerPx);
    })();
    await encodeGrayFrames(warped, source.widthPx, source.heightPx, source.fps, join(dir, clip), HYBRID_ENCODING);
    const r3 = (v: number): number => Math.round(v * 1000) / 1000;
    const truth: BenchTruth & Record<string, unknown> = {
      name,
      fps: source.fps,
      durationS: r3(source.frames.length / source.fps),
      width: source.widthPx,
      height: source.heightPx,
      mmPerPx,
      imageBoxPx: box,
      fasciculations: twitches.map((t) => ({ onsetS: r3(t.onsetS), peakS: r3(t.peakS), endS: r3(t.endS), xPx: Math.round(t.xPx), yPx: Math.round(t.yPx), radiusMm: r3(t.radiusMm), amplitudeMm: r3(t.amplitudeMm), motion: t.motion, tissueSpeedMmS: r3(t.tissueSpeedMmS) })),
      hybrid: { what },
      encoding: encodingOf(HYBRID_ENCODING),
    };
    writeFileSync(join(dir, truthFile), JSON.stringify(truth, null, 2) + '\n');
  }
  if (force || !existsSync(join(dir, baseline))) {
    await encodeGrayFrames(baselineSource.frames, baselineSource.widthPx, baselineSource.heightPx, baselineSource.fps, join(dir, baseline), HYBRID_ENCODING);
  }
  return { name, set, role: 'hybrid', what, clip, baseline, truth: truthFile };
}

/**
 * A real clip played forward and back to HYBRID_LENGTH_S, starting `phaseFrames` into that loop
 * (the loop is periodic, so any phase plays on without a jump).
 */
export function pingPong(seq: FrameSequence, phaseFrames = 0): FrameSequence {
  const order = pingPongOrder(seq.frames.length, seq.fps, HYBRID_LENGTH_S + phaseFrames / seq.fps).slice(phaseFrames);
  return { ...seq, frames: order.map((i) => seq.frames[i]) };
}

export function halves(seq: FrameSequence): [FrameSequence, FrameSequence] {
  const mid = Math.floor(seq.frames.length / 2);
  return [{ ...seq, frames: seq.frames.slice(0, mid) }, { ...seq, frames: seq.frames.slice(mid) }];
}

export interface CineCase {
  name: string;
  what: string;
  spec: ClipSpecInput;
  syntax: CineSyntax;
  /** Write the file's own scale (Sequence of Ultrasound Regions). */
  withRegion: boolean;
}

export const CINE_S = 8;
export const CINE_FULL_S = 30;

/** An 8 s cine with no baseline, written as DICOM (the frames the simulator made, uncompressed or coded). */
export async function makeCine(set: BenchSetName, c: CineCase, force: boolean): Promise<BenchEntry> {
  const dir = setDir(set);
  const file = `${c.name}.dcm`;
  const truthFile = `${c.name}.truth.json`;
  if (force || !existsSync(join(dir, file))) {
    const sim = createSimulatedClip({ ...c.spec, durationS: CINE_S, name: c.name });
    const frames = [...sim.frames()].map((f) => f.data);
    writeDicomCine(join(dir, file), frames, sim.widthPx, sim.heightPx, sim.spec.fps, c.syntax, c.withRegion ? { box: sim.truth.imageBoxPx, mmPerPx: sim.truth.mmPerPx } : null);
    writeFileSync(join(dir, truthFile), JSON.stringify({ ...sim.truth, encoding: { codec: `dicom-${c.syntax}`, crf: null, kbps: null, gop: null } }, null, 2) + '\n');
  }
  return { name: c.name, set, role: 'cine', what: c.what, clip: file, baseline: null, truth: truthFile };
}

/** The 30 s clip a cine was cut from, with a baseline: what the cine's false rate is compared with. */
export async function makeCineFull(set: BenchSetName, c: CineCase, force: boolean): Promise<BenchEntry> {
  const name = `${c.name}-full`;
  const encoding: WriteOptions = { codec: 'h264', crf: 18, preset: 'veryfast' };
  const p: PairCase = {
    name,
    what: `${c.what}, the full ${CINE_FULL_S} s with a baseline`,
    clip: { ...c.spec, durationS: CINE_FULL_S, name },
    baseline: { ...c.spec, durationS: CINE_FULL_S, name: `${name}-baseline`, eventSeed: (c.spec.eventSeed ?? 1) + 1000, fasciculations: { ...c.spec.fasciculations, ratePerMin: 0 } },
    encoding,
  };
  const entry = await makePair(set, p, force);
  return { ...entry, role: 'cine-full' };
}
