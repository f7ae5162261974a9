import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeClip } from '../../src/analysis/analyzeClip';
import { detectionRates, scoreDetections, sumCounts, type DetectionCounts } from '../../src/analysis/scoreDetections';
import { loadClassifier } from '../../src/cli/loadClassifier';
import type { GroundTruth } from '../../src/simulation/GroundTruth';
import { openNodeSource } from '../../src/sources/node/openNodeSource';
import { benchPairs } from '../../scripts/bench/benchSets';
import { makePair } from '../../scripts/bench/makeBenchCases';
import { splitRealClips } from '../../scripts/bench/realSplit';

/**
 * Detection regression on a small fixed part of the TEST set (issue 10): five of its simulated
 * pairs, rendered and encoded here exactly as `npm run make-bench` makes them (the cheapest to
 * render: 400-720 px wide), each with its baseline, scored with the project's matching rule; their
 * baselines alone and the real test clips are the negatives.
 *
 * The floors guard today's level, not the goal: with the shipped model (public/model, trained on
 * the tuning set only) this subset gives F1 0.764 (21 TP, 4 FP, 9 FN) and 2 false fasciculations
 * in 1.5 min of baselines (1.3 per minute), measured by `npm run eval` on 2026-12-04 (model
 * 0aae8183, three averaged MLPs; on 2026-12-03, model 3328f0fc: F1 0.778, 1.4 per minute). The
 * floor sits about two twitches below that: on 30 twitches one twitch moves F1 by about 0.013,
 * and a re-rendered pair can differ from the bench's by a candidate. Issue 10 asks
 * for F1 0.93 and 0.3 per minute; the detector does not reach them yet (README, "Evaluation").
 * Any change that loses a few more twitches or adds false events here fails this test.
 */
const F1_FLOOR = 0.73;
const MAX_FALSE_PER_MIN = 6;
export const REGRESSION_CASES = ['test-04-jolts', 'test-05-pulsation', 'test-11-low-bitrate', 'test-12-low-bitrate-pulsation', 'test-22-mixed-c'];
const REAL = '../shared/data/real';
const hasFfmpeg = spawnSync('ffmpeg', ['-version']).status === 0;
const dir = mkdtempSync(join(tmpdir(), 'ts-regression-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!hasFfmpeg)('detection on a fixed part of the test set', () => {
  it('keeps F1 above its floor and false fasciculations on the baselines under their ceiling', async () => {
    const classifier = await loadClassifier();
    const twitching: DetectionCounts[] = [];
    let falseOnBaselines = 0;
    let baselineMinutes = 0;
    for (const pair of benchPairs('test').filter((p) => REGRESSION_CASES.includes(p.name))) {
      const made = await makePair('test', pair, false, dir);
      const clipPath = join(dir, made.clip);
      const basePath = join(dir, made.baseline as string);
      const truth = JSON.parse(readFileSync(join(dir, made.truth), 'utf8')) as GroundTruth;
      const result = await analyzeClip(await openNodeSource(clipPath), await openNodeSource(basePath), {}, { classifier });
      twitching.push(scoreDetections(truth.fasciculations, result.events, truth.mmPerPx));
      const alone = await analyzeClip(await openNodeSource(basePath), null, {}, { classifier });
      falseOnBaselines += alone.summary.fasciculations;
      baselineMinutes += alone.input.durationS / 60;
    }
    const rates = detectionRates(sumCounts(twitching));
    console.info(`test subset: F1 ${rates.f1?.toFixed(3)}, precision ${rates.precision?.toFixed(3)}, recall ${rates.recall?.toFixed(3)}; ${falseOnBaselines} false on ${baselineMinutes.toFixed(1)} min of baselines`);
    expect(twitching).toHaveLength(REGRESSION_CASES.length);
    expect(rates.f1).toBeGreaterThanOrEqual(F1_FLOOR);
    expect(falseOnBaselines / baselineMinutes).toBeLessThanOrEqual(MAX_FALSE_PER_MIN);
  }, 1_200_000);

  it.skipIf(!existsSync(REAL))('finds no fasciculation in the real test clips, and reports their movement', async () => {
    const classifier = await loadClassifier();
    const clips = splitRealClips(readdirSync(REAL).filter((f) => f.endsWith('.mp4'))).test;
    expect(clips.length).toBeGreaterThanOrEqual(10);
    for (const f of clips) {
      const result = await analyzeClip(await openNodeSource(join(REAL, f)), null, {}, { classifier });
      expect(result.summary.fasciculations, f).toBe(0);
      expect(result.events.some((e) => e.kind === 'probe-motion' || e.kind === 'contraction'), `${f}: its movement is reported as such`).toBe(true);
    }
  }, 1_200_000);
});
