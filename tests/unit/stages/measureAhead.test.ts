import { describe, expect, it } from 'vitest';
import { analyzeClip } from '../../../src/analysis/analyzeClip';
import type { FrameStream } from '../../../src/analysis/FrameStream';
import type { ClipInfo, LumaFrame } from '../../../src/analysis/LumaFrame';
import { FrontEnd, type FrontResult, type FrontSpec } from '../../../src/analysis/measureFront';
import { loadClassifier } from '../../../src/cli/loadClassifier';
import { frontPayloadBytes, readFront, writeFront } from '../../../src/sources/frontPayload';
import { syntheticFrames, type SyntheticSpec } from '../../helpers/syntheticFrames';

/**
 * The detector's front (cells, smoothing, both lag channels) measured ahead, as the browser's
 * decode worker does it (FrontEnd, then through a slot's bytes with writeFront / readFront),
 * must give the result the pipeline gives when it measures every frame itself: byte for byte.
 */
const SPEC: SyntheticSpec = {
  width: 256,
  height: 192,
  fps: 30,
  durationS: 5,
  seed: 11,
  noiseGrey: 2,
  padPx: 32,
  twitches: [
    { onsetS: 3.1, riseS: 0.08, decayS: 0.3, xPx: 150, yPx: 90, radiusPx: 12, amplitudePx: 2.5 },
    { onsetS: 4.2, riseS: 0.06, decayS: 0.5, xPx: 70, yPx: 120, radiusPx: 10, amplitudePx: 2 },
  ],
  // A slow drift, then a jolt (a stretch the registration must handle).
  globalShift: (t) => ({ dx: 0.6 * t + (t > 1.5 && t < 1.8 ? 6 : 0), dy: 0.2 * t }),
};

/** Frames with a repeat and an out-of-order timestamp among them, as screen recordings have. */
function* awkwardFrames(spec: SyntheticSpec): Generator<LumaFrame> {
  let previous: LumaFrame | null = null;
  let k = 0;
  for (const f of syntheticFrames(spec)) {
    if (k === 20 && previous) yield { ...previous, data: previous.data.slice(), timestampS: f.timestampS - 0.01 }; // the same image again
    if (k === 40 && previous) yield { ...f, timestampS: previous.timestampS - 0.001 }; // out of order
    yield f;
    previous = f;
    k++;
  }
}

const info = (name: string): ClipInfo => ({ file: name, frames: null, fps: SPEC.fps, durationS: null, width: SPEC.width, height: SPEC.height, codec: null, mmPerPx: null, imageRegionPx: null });

function plain(spec: SyntheticSpec, name: string): FrameStream {
  return { info: info(name), frames: (async function* () { yield* awkwardFrames(spec); })() };
}

/** The same frames, each measured ahead and sent through one reused slot, as the ring does. */
function aheadOf(spec: SyntheticSpec, name: string, regionBytes = frontPayloadBytes(spec.width * spec.height)): FrameStream & { told: FrontSpec[] } {
  const told: FrontSpec[] = [];
  const slot = new Uint8Array(new SharedArrayBuffer(regionBytes + 8), 8, regionBytes);
  async function* frames(): AsyncGenerator<LumaFrame & { front?: FrontResult }> {
    const front = told[0] ? new FrontEnd(structuredClone(told[0])) : null;
    let measuring = front !== null;
    let first = true;
    for (const f of awkwardFrames(spec)) {
      const written = measuring && front ? writeFront(front.push(f), slot) : false;
      if (first && !written) measuring = false;
      first = false;
      const result = measuring ? readFront(slot) : null;
      yield result ? { ...f, front: result } : f;
    }
  }
  return { info: info(name), frames: frames(), measureAhead: (s) => void told.push(s), told };
}

const json = (x: unknown): string => JSON.stringify(x);

describe('measuring the front ahead (the decode worker) changes nothing', () => {
  it('gives the same result JSON as measuring in the pipeline, alone and with a baseline, on either lag setting', async () => {
    const classifier = await loadClassifier();
    const baselineSpec: SyntheticSpec = { ...SPEC, seed: 12, twitches: [] };
    for (const options of [{}, { longLagS: 0 }, { blockSizePx: 12 }]) {
      const direct = await analyzeClip(plain(SPEC, 'clip'), plain(baselineSpec, 'base'), options, { classifier });
      const clip = aheadOf(SPEC, 'clip');
      const base = aheadOf(baselineSpec, 'base');
      const ahead = await analyzeClip(clip, base, options, { classifier });
      expect(clip.told).toHaveLength(1);
      expect(base.told[0].options.roiPx).toBeNull(); // the baseline's settings, never the clip's ROI
      expect(json(ahead)).toBe(json(direct));
    }
    const alone = await analyzeClip(plain(SPEC, 'clip'), null, {}, { classifier });
    expect(json(await analyzeClip(aheadOf(SPEC, 'clip'), null, {}, { classifier }))).toBe(json(alone));
    expect(alone.summary.fasciculations + alone.events.length).toBeGreaterThan(0);
  });

  it('falls back to measuring in the pipeline when the grid does not fit the slot, with the same result', async () => {
    const direct = await analyzeClip(plain(SPEC, 'clip'), null, {});
    const tooSmall = aheadOf(SPEC, 'clip', 1024);
    expect(json(await analyzeClip(tooSmall, null, {}))).toBe(json(direct));
  });

  it('stores every number as it was, and a skip or nothing as such', () => {
    const slot = new Uint8Array(frontPayloadBytes(64 * 48));
    expect(writeFront({ kind: 'skip' }, slot)).toBe(true);
    expect(readFront(slot)).toEqual({ kind: 'skip' });
    expect(writeFront(null, slot)).toBe(true);
    expect(readFront(slot)).toBeNull();
    const field = { order: 1 as const, cx: 1.5, cy: 2.25, hx: 3, hy: 4, ax: Float64Array.of(0.1, -1e-17, 3), ay: Float64Array.of(Math.PI, 2, -0) };
    const channel = (k: number) => ({ refT: 0.1 + k, lagS: 1 / 30, energy: Float32Array.of(1.5, k, 3e-8), field, residualMm: 0.012345678901234, speedMmS: 1e-300, trackedShare: 0.875, rawMeanAbsDiff: 2.5, skinShiftMm: 0.3, deepShiftMm: Number.MIN_VALUE });
    const measured: FrontResult = { kind: 'cells', t: 1 / 3, previousT: null, cells: Float32Array.of(1, 2.5, 255), smooth: Float32Array.of(0.1, 0.2, 0.3), short: channel(0), long: channel(1) };
    expect(writeFront(measured, slot)).toBe(true);
    const back = readFront(slot);
    expect(back).toEqual(measured);
    expect(Object.is((back as { long: { field: { ay: Float64Array } } }).long.field.ay[2], -0)).toBe(true);
  });
});
