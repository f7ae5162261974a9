import { describe, expect, it } from 'vitest';
import { analyzeClip } from '../../src/analysis/analyzeClip';
import type { FrameStream } from '../../src/analysis/FrameStream';
import { loadClassifier } from '../../src/cli/loadClassifier';
import type { ClipSpecInput, PlannedTwitch } from '../../src/simulation/ClipSpec';
import { createSimulatedClip } from '../../src/simulation/createSimulatedClip';

/**
 * One twitch gives one event, over the whole published range (issue 10): contraction times 40-120
 * ms (Fuglevand 1993), durations 0.15-1 s, amplitudes 0.1-0.5 mm, territories 4-11 mm across
 * (radius 2-5.5 mm, Jahanmehr 2015). A half fraction of the 2^4 corners (rise x duration x
 * amplitude x radius with an even number of "high" levels), the middle, and the case a code review
 * found split in two (0.08 s rise, 0.9 s relaxation). Each is one twitch in 9 s of simulated calf,
 * frames straight from the simulator (no codec), analysed without a baseline.
 */
const CORNERS: Array<[number, number, number, number]> = [];
for (const rise of [0.04, 0.12]) for (const dur of [0.15, 1]) for (const amp of [0.15, 0.5]) for (const r of [2, 5.5]) {
  const highs = [rise === 0.12, dur === 1, amp === 0.5, r === 5.5].filter(Boolean).length;
  if (highs % 2 === 0) CORNERS.push([rise, dur, amp, r]);
}
const CASES: Array<[number, number, number, number]> = [...CORNERS, [0.08, 0.55, 0.3, 3.75], [0.08, 0.98, 0.3, 3.5]];

const spec = (t: PlannedTwitch): ClipSpecInput => ({ durationS: 9, fps: 30, screenWidthPx: 480, screenHeightPx: 360, depthMm: 35, anatomySeed: 77, eventSeed: 5, fasciculations: { ratePerMin: 0, planned: [t] } });

function stream(input: ClipSpecInput): FrameStream {
  const clip = createSimulatedClip(input);
  async function* frames() {
    yield* clip.frames();
  }
  return { info: { file: 'one-twitch', frames: clip.frameCount, fps: clip.spec.fps, durationS: clip.spec.durationS, width: clip.widthPx, height: clip.heightPx, codec: null, mmPerPx: clip.truth.mmPerPx, imageRegionPx: clip.truth.imageBoxPx }, frames: frames() };
}

describe('one twitch gives one event', () => {
  it.each(CASES)('rise %s s, duration %s s, %s mm, radius %s mm', async (riseS, durationS, amplitudeMm, radiusMm) => {
    const classifier = await loadClassifier();
    // In the medial gastrocnemius, a third of the way down, away from the image's edges.
    const twitch: PlannedTwitch = { onsetS: 6.5, contractionS: riseS, durationS: Math.max(durationS, riseS + 0.1), xMm: 12, zMm: 12, radiusMm, amplitudeMm };
    const result = await analyzeClip(stream(spec(twitch)), null, {}, { classifier });
    const local = result.events.filter((e) => e.kind !== 'probe-motion' && e.kind !== 'contraction');
    const fasc = local.filter((e) => e.kind === 'fasciculation');
    expect(fasc.map((e) => [e.peakS, e.probability]), JSON.stringify(local.map((e) => [e.kind, e.peakS, e.probability]))).toHaveLength(1);
    expect(local).toHaveLength(1);
    const [e] = fasc;
    expect(e.peakS).toBeGreaterThanOrEqual(twitch.onsetS - 0.15);
    expect(e.peakS).toBeLessThanOrEqual(twitch.onsetS + twitch.durationS + 0.15);
  }, 120_000);
});
