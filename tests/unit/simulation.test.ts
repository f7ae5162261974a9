import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { makeClipSpec } from '../../src/simulation/ClipSpec';
import { createCalfAnatomy } from '../../src/simulation/createCalfAnatomy';
import { createMotionModel, type MotionFrame } from '../../src/simulation/createMotionModel';
import { createSimulatedClip } from '../../src/simulation/createSimulatedClip';

// Small clips keep these tests to a second or two: 320x240 screen, 3 s.
const small = { screenWidthPx: 320, screenHeightPx: 240, depthMm: 30, durationS: 3, fps: 25 };

function motionAt(model: ReturnType<typeof createMotionModel>, n: number, tS: number): MotionFrame {
  const frame: MotionFrame = { dxPx: new Float32Array(n), dzPx: new Float32Array(n), thetaRad: new Float32Array(n) };
  model.fill(tS, frame);
  return frame;
}

describe('simulated fasciculation', () => {
  const spec = makeClipSpec({ ...small, eventSeed: 5, fasciculations: { ratePerMin: 60 } });
  const w = 200;
  const h = 220;
  const mm = spec.depthMm / h;
  const anatomy = createCalfAnatomy(spec.view, w * mm, h * mm, spec.anatomySeed);
  const model = createMotionModel(spec, anatomy, w, h, mm);

  it('moves tissue only inside its territory and only between onset and end', () => {
    expect(model.fasciculations.length).toBeGreaterThan(0);
    const f = model.fasciculations[0];
    const cx = f.xMm / mm - 0.5;
    const cz = f.zMm / mm - 0.5;
    const rPx = f.radiusMm / mm;
    const others = model.fasciculations.slice(1).filter((o) => o.onsetS < f.endS && o.endS > f.onsetS);
    expect(others).toHaveLength(0); // so everything that moves below belongs to this one
    for (const tS of [f.onsetS - 0.01, f.endS + 0.01]) {
      const m = motionAt(model, w * h, tS);
      expect(Math.max(...m.dxPx.map(Math.abs)), `at ${tS} s`).toBe(0);
      expect(Math.max(...m.thetaRad), `at ${tS} s`).toBe(0);
    }
    const peak = motionAt(model, w * h, f.peakS);
    let maxInside = 0;
    let maxOutside = 0;
    for (let j = 0; j < h; j++) {
      for (let i = 0; i < w; i++) {
        const k = j * w + i;
        const d = Math.hypot(peak.dxPx[k], peak.dzPx[k]) + peak.thetaRad[k];
        if (Math.hypot(i - cx, j - cz) < rPx) maxInside = Math.max(maxInside, Math.hypot(peak.dxPx[k], peak.dzPx[k]));
        else maxOutside = Math.max(maxOutside, d);
      }
    }
    // Peak displacement equals the planned amplitude (to the pixel grid's sampling), nothing outside.
    expect(maxInside).toBeGreaterThan((0.9 * f.amplitudeMm) / mm);
    expect(maxInside).toBeLessThanOrEqual(f.amplitudeMm / mm + 1e-4);
    expect(maxOutside).toBe(0);
    // Half-way through the relaxation the movement is smaller than at the peak, but not gone.
    const later = motionAt(model, w * h, (f.peakS + f.endS) / 2);
    const maxLater = Math.max(...later.dxPx.map(Math.abs), ...later.dzPx.map(Math.abs));
    expect(maxLater).toBeGreaterThan(0);
    expect(maxLater).toBeLessThan(maxInside);
  });

  it('changes rendered pixels only near the territory (noise off, no confounders)', () => {
    const clip = createSimulatedClip({ ...small, eventSeed: 5, fasciculations: { ratePerMin: 60 }, noise: { snrDb: Infinity } });
    const f = clip.truth.fasciculations[0];
    const frames = [...clip.frames()];
    const before = frames[0].data;
    const box = clip.layout.imageBoxPx;
    // Until the onset nothing on screen changes at all.
    for (const fr of frames.filter((x) => x.timestampS < f.onsetS)) expect(Buffer.compare(Buffer.from(fr.data), Buffer.from(before))).toBe(0);
    const atPeak = frames.reduce((a, b) => (Math.abs(b.timestampS - f.peakS) < Math.abs(a.timestampS - f.peakS) ? b : a));
    const rPx = f.radiusMm / clip.truth.mmPerPx;
    // The PSF (lateral sigma about 0.35 mm) and the 3x3 smoothing spread a moved scatterer's echo a little beyond it.
    const reachPx = rPx + 2 / clip.truth.mmPerPx;
    let changedInside = 0;
    let changedOutside = 0;
    for (let y = box.y; y < box.y + box.height; y++) {
      for (let x = box.x; x < box.x + box.width; x++) {
        const k = y * clip.widthPx + x;
        if (atPeak.data[k] === before[k]) continue;
        if (Math.hypot(x - f.xPx, y - f.yPx) <= reachPx) changedInside++;
        else changedOutside++;
      }
    }
    expect(changedInside).toBeGreaterThan(100);
    expect(changedOutside).toBe(0);
  });
});

describe('simulated clip', () => {
  it('has an empty truth list when the rate is 0, and keeps its confounders', () => {
    const clip = createSimulatedClip({ ...small, fasciculations: { ratePerMin: 0 }, breathing: { frequencyHz: 0.25, amplitudeMm: 0.5 } });
    expect(clip.truth.fasciculations).toEqual([]);
    expect(clip.truth.confounders.breathing).toEqual({ frequencyHz: 0.25, amplitudeMm: 0.5 });
    expect(clip.truth.frames).toBe(75);
  });

  it('gives the same bytes for the same seeds and different bytes for another event seed', () => {
    const spec = { ...small, durationS: 1, clock: true, pulsation: { heartRateBpm: 70, amplitudeMm: 0.2, vesselRadiusMm: 1 }, fasciculations: { ratePerMin: 100 } };
    const digest = (eventSeed: number): string => {
      const hash = createHash('sha256');
      for (const f of createSimulatedClip({ ...spec, eventSeed }).frames()) hash.update(f.data);
      return hash.digest('hex');
    };
    expect(digest(3)).toBe(digest(3));
    expect(digest(4)).not.toBe(digest(3));
  });

  it('repeats scanner frames in a screen recording, with times from the recording rate', () => {
    const clip = createSimulatedClip({ ...small, durationS: 1, fps: 60, scannerFps: 20, noise: { snrDb: 20 } });
    const frames = [...clip.frames()];
    expect(frames).toHaveLength(60);
    expect(frames[7].timestampS).toBeCloseTo(7 / 60, 12);
    // 60 / 20 = 3 recorded frames per scanner frame: 0-2 equal, 3 differs (new electronic noise).
    expect(Buffer.from(frames[1].data).equals(Buffer.from(frames[0].data))).toBe(true);
    expect(Buffer.from(frames[2].data).equals(Buffer.from(frames[0].data))).toBe(true);
    expect(Buffer.from(frames[3].data).equals(Buffer.from(frames[2].data))).toBe(false);
  });

  it('names the bad setting when a spec is out of range', () => {
    expect(() => createSimulatedClip({ fps: 500 })).toThrow(/"fps" must be between 10 and 120/);
    expect(() => createSimulatedClip({ screenWidthPx: 641 })).toThrow(/screenWidthPx/);
  });
});
