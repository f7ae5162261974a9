import { describe, expect, it } from 'vitest';
import { validateOptions, type AnalysisOptions } from '../../src/analysis/AnalysisOptions';
import { MotionAnalyzer } from '../../src/analysis/MotionAnalyzer';
import { syntheticFrames, type SyntheticSpec, type SyntheticTwitch } from '../helpers/syntheticFrames';

function run(spec: SyntheticSpec, options: Partial<AnalysisOptions> = {}) {
  const analyzer = new MotionAnalyzer(validateOptions(options), {
    width: spec.width,
    height: spec.height,
    noise: null,
    mmPerPx: null,
    imageRegionPx: null,
  });
  for (const f of syntheticFrames(spec)) analyzer.push(f);
  return analyzer.finish();
}

const base: SyntheticSpec = { width: 192, height: 160, fps: 30, durationS: 8, seed: 7, noiseGrey: 2 };
const twitch: SyntheticTwitch = { onsetS: 4.0, riseS: 0.08, decayS: 0.3, xPx: 120, yPx: 70, radiusPx: 10, amplitudePx: 2.5 };

describe('MotionAnalyzer', () => {
  it('finds exactly one fasciculation for one local twitch, at the right time and place', () => {
    const out = run({ ...base, twitches: [twitch] });
    const fasc = out.events.filter((e) => e.kind === 'fasciculation');
    expect(fasc).toHaveLength(1);
    const [e] = fasc;
    // Onset within one frame (1/30 s) of the true onset; peak during the rise or early decay.
    expect(Math.abs(e.onsetS - twitch.onsetS)).toBeLessThanOrEqual(1 / 30 + 1e-6);
    expect(e.peakS).toBeGreaterThan(twitch.onsetS);
    expect(e.peakS).toBeLessThan(twitch.onsetS + twitch.riseS + twitch.decayS);
    // Located within one 16 px block of the territory centre.
    expect(Math.hypot(e.xPx - twitch.xPx, e.yPx - twitch.yPx)).toBeLessThan(16);
    // Displacement measured by optical flow: amplitude 2.5 px (x 1.12 with the lateral part).
    expect(e.peakDisplacementPx).toBeGreaterThan(1.2);
    expect(e.peakDisplacementPx).toBeLessThan(4.5);
  });

  it('finds nothing in pure noise, on both lags', () => {
    // 11 s: the long-lag floor needs 5 s of still video before that channel scores anything.
    const out = run({ ...base, durationS: 11 });
    expect(out.events).toEqual([]);
  });

  it('finds a weak, slowly rising twitch in noise through the long lag, and misses it without', () => {
    // 1.2 px over a 120 ms rise in noise of 4 grey levels: each frame-to-frame step is too small
    // to clear the noise, the displacement over the whole rise is not.
    const weak: SyntheticTwitch = { onsetS: 8, riseS: 0.12, decayS: 0.4, xPx: 120, yPx: 70, radiusPx: 12, amplitudePx: 1.2 };
    const spec = { ...base, durationS: 11, noiseGrey: 4, twitches: [weak] };
    const found = run(spec).events.filter((e) => e.kind === 'fasciculation');
    expect(found).toHaveLength(1);
    expect(Math.abs(found[0].onsetS - weak.onsetS)).toBeLessThanOrEqual(0.1);
    expect(Math.hypot(found[0].xPx - weak.xPx, found[0].yPx - weak.yPx)).toBeLessThan(16);
    expect(run(spec, { longLagS: 0 }).events.filter((e) => e.kind === 'fasciculation')).toEqual([]);
  });

  it('calls a whole-image shift probe motion, never a fasciculation', () => {
    // A 6 px jolt over 0.3 s, like a probe slipping.
    const jolt = (t: number) => {
      const u = Math.min(1, Math.max(0, (t - 4) / 0.3));
      return { dx: 6 * u, dy: 3 * u };
    };
    const out = run({ ...base, globalShift: jolt });
    expect(out.events.filter((e) => e.kind === 'fasciculation')).toEqual([]);
    expect(out.events.some((e) => e.kind === 'probe-motion' || e.kind === 'contraction')).toBe(true);
  });

  it('gives the same events at 25 and 60 fps', () => {
    const at = (fps: number) =>
      run({ ...base, fps, twitches: [twitch, { ...twitch, onsetS: 6.2, xPx: 50, yPx: 110 }] }).events.filter(
        (e) => e.kind === 'fasciculation',
      );
    const slow = at(25);
    const fast = at(60);
    expect(slow).toHaveLength(2);
    expect(fast).toHaveLength(2);
    for (let i = 0; i < 2; i++) {
      expect(Math.abs(slow[i].onsetS - fast[i].onsetS)).toBeLessThanOrEqual(1 / 25 + 1e-6);
      expect(Math.abs(slow[i].xPx - fast[i].xPx)).toBeLessThanOrEqual(16);
    }
  });
});
