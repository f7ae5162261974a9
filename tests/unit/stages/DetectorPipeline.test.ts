import { describe, expect, it } from 'vitest';
import { validateOptions } from '../../../src/analysis/AnalysisOptions';
import { DetectorPipeline } from '../../../src/analysis/DetectorPipeline';
import { syntheticFrames, type SyntheticSpec, type SyntheticTwitch } from '../../helpers/syntheticFrames';

/**
 * Candidates (no classifier) and movements of a synthetic clip through the whole pipeline, on
 * 16 px blocks (the sizes below were worked out for them; by default the block follows the scale).
 */
function run(spec: SyntheticSpec) {
  const p = new DetectorPipeline(validateOptions({ blockSizePx: 16 }), { width: spec.width, height: spec.height, noise: null, mmPerPx: null, imageRegionPx: { x: 0, y: 0, width: spec.width, height: spec.height }, classifier: null });
  for (const f of syntheticFrames(spec)) p.push(f);
  return p.finish();
}

// 320x240 at 20 fps, grains of 7 px. Without a scale the pipeline assumes 40 mm over 240 px (0.17 mm/px).
const base: SyntheticSpec = { width: 320, height: 240, fps: 20, durationS: 7.5, seed: 5, noiseGrey: 2, grainPx: 7, padPx: 40 };
const twitch: SyntheticTwitch = { onsetS: 6, riseS: 0.08, decayS: 0.35, xPx: 180, yPx: 120, radiusPx: 14, amplitudePx: 2.5 };
/** A slow turn about the centre, 0.15 degrees per second, with a slow lateral drift of 1 px/s. */
const rotating = (t: number, x: number, y: number) => {
  const a = (0.15 * Math.PI * t) / 180;
  return { dx: t + (Math.cos(a) - 1) * (x - 160) - Math.sin(a) * (y - 120), dy: Math.sin(a) * (x - 160) + (Math.cos(a) - 1) * (y - 120) };
};

describe('DetectorPipeline (candidate stages, no classifier)', () => {
  it('finds nothing in a still clip slowly rotated and drifting: the smooth field is registered away', { timeout: 60_000 }, () => {
    const out = run({ ...base, globalField: rotating });
    expect(out.candidates).toEqual([]);
    expect(out.movements).toEqual([]);
  });

  it('finds a twitch inside that rotating field as one track, at its time and place', { timeout: 60_000 }, () => {
    const out = run({ ...base, globalField: rotating, twitches: [twitch] });
    expect(out.candidates).toHaveLength(1);
    const [c] = out.candidates;
    expect(c.peakS).toBeGreaterThan(twitch.onsetS - 0.05);
    expect(c.peakS).toBeLessThan(twitch.onsetS + twitch.riseS + 0.1);
    expect(Math.hypot(c.xPx - twitch.xPx, c.yPx - twitch.yPx)).toBeLessThan(24);
  });

  it('reports a stretch of non-rigid whole-field motion (the deep half sliding under the top) as unanalysable time', { timeout: 60_000 }, () => {
    // From 4.0 to 4.4 s the lower half slides 20 px sideways and back (a contraction's shear band).
    const shear = (t: number, _x: number, y: number) => {
      const u = t < 4 || t > 4.4 ? 0 : Math.sin((Math.PI * (t - 4)) / 0.4);
      return { dx: y > 120 ? 20 * u : 0, dy: 0 };
    };
    const out = run({ ...base, globalField: shear });
    expect(out.movements.length).toBeGreaterThanOrEqual(1);
    const hidden = out.movements.reduce((s, m) => s + (m.endS - m.startS), 0);
    expect(hidden).toBeGreaterThan(0.2);
    expect(out.movements[0].startS).toBeGreaterThan(3.8);
    expect(out.movements[out.movements.length - 1].endS).toBeLessThan(4.7);
    expect(out.candidates).toEqual([]);
  });

  it('without a baseline scores nothing before its warm-up (warmupS), then scores the buffered frames', { timeout: 60_000 }, () => {
    const quick = { ...base, durationS: 4 };
    const firstOut = (warmupS: number): number => {
      const p = new DetectorPipeline(validateOptions({ blockSizePx: 16, warmupS }), { width: quick.width, height: quick.height, noise: null, mmPerPx: null, imageRegionPx: { x: 0, y: 0, width: quick.width, height: quick.height }, classifier: null });
      let scoredAt = Number.NaN;
      for (const f of syntheticFrames({ ...quick, twitches: [{ ...twitch, onsetS: 1.2 }] })) {
        p.push(f);
        // The tracker only exists once frames are scored; before, the pipeline only buffers.
        if (Number.isNaN(scoredAt) && (p as unknown as { warmup: unknown[] | null }).warmup === null) scoredAt = f.timestampS;
      }
      return scoredAt;
    };
    expect(firstOut(1)).toBeCloseTo(1.05, 1);
    expect(firstOut(2)).toBeCloseTo(2.05, 1);
    expect(() => validateOptions({ warmupS: 0.5 })).toThrow('Option warmupS must be a number from 1 to 30; got 0.5.');
  });
});
