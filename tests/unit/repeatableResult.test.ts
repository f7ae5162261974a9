import { describe, expect, it } from 'vitest';
import { analyzeClip } from '../../src/analysis/analyzeClip';
import { toResultJson } from '../../src/analysis/exportResult';
import { loadClassifier } from '../../src/cli/loadClassifier';
import { syntheticStream } from '../contract/syntheticStream';
import type { SyntheticSpec, SyntheticTwitch } from '../helpers/syntheticFrames';

// The contract tests' clip: 192x160 speckle, 4 s at 30 fps, one 2.5 px local twitch at 2.5 s.
const CLIP: SyntheticSpec = { width: 192, height: 160, fps: 30, durationS: 4, seed: 7, noiseGrey: 2 };
const TWITCH: SyntheticTwitch = { onsetS: 2.5, riseS: 0.08, decayS: 0.3, xPx: 120, yPx: 70, radiusPx: 10, amplitudePx: 2.5 };

/**
 * How fast frames arrive and how progress is batched must never reach the result: progress
 * reports are taken on a clock, and a result that depended on them would differ between a
 * loaded and an idle machine, or between the worker (100 ms batches) and the CLI (none).
 */
describe('the result does not depend on timing', () => {
  it('is the same JSON with no progress, progress after every frame, and slow frames with 100 ms batches', async () => {
    const stream = (frameDelayMs = 0) => syntheticStream({ ...CLIP, twitches: [TWITCH] }, { frameDelayMs });
    const classifier = await loadClassifier();
    const quiet = toResultJson(await analyzeClip(stream(), null, {}, { classifier }));

    let tick = 0;
    let reports = 0;
    const everyFrame = toResultJson(
      await analyzeClip(stream(), null, {}, { classifier, onProgress: () => reports++, progressIntervalMs: 0, nowMs: () => (tick += 7) }),
    );
    expect(reports).toBeGreaterThan(100);
    const slow = toResultJson(await analyzeClip(stream(1), null, {}, { classifier, onProgress: () => undefined, progressIntervalMs: 100 }));

    expect(JSON.parse(quiet).summary.fasciculations).toBe(1);
    expect(everyFrame).toBe(quiet);
    expect(slow).toBe(quiet);
  }, 60_000);
});
