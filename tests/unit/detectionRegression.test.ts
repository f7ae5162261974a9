import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeClip } from '../../src/analysis/analyzeClip';
import { detectionRates, scoreDetections, sumCounts, type DetectionCounts } from '../../src/analysis/scoreDetections';
import { loadOpenCv } from '../../src/cli/loadOpenCv';
import { opencvDisplacement } from '../../src/cv/opencvDisplacement';
import { createSimulatedClip } from '../../src/simulation/createSimulatedClip';
import { openFfmpegSource } from '../../src/sources/node/openFfmpegSource';
import { BENCH_PAIRS, pairSpecs } from '../../scripts/benchPairs';
import { writeSimulatedClip } from '../../scripts/writeSimulatedClip';

/**
 * Detection regression on the benchmark's quick subset (clean, pulsation, everything at once,
 * screen recording), rendered and encoded here exactly as `npm run make-bench` does, scored with
 * the project's matching rule, plus the real clips as negatives. Fails when F1 falls below the
 * bar or false fasciculations rise above it (issue 4: F1 0.95, 0.5 false per minute on
 * non-twitching clips, none on the real clips). On this subset detection stands at F1 0.969
 * (precision 1.000, recall 0.939, none false on baselines; the whole benchmark: 0.953), so one
 * more miss or one false event still passes, two misses do not.
 */
const F1_FLOOR = 0.95;
const MAX_FALSE_PER_MIN = 0.5;
const hasFfmpeg = spawnSync('ffmpeg', ['-version']).status === 0;
const dir = mkdtempSync(join(tmpdir(), 'ts-regression-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!hasFfmpeg)('detection on the benchmark subset', () => {
  it('keeps F1 above the floor and adds no false fasciculations', async () => {
    const loaded = await loadOpenCv();
    const hooks = { displacement: loaded ? opencvDisplacement(loaded.cv) : undefined };
    const twitching: DetectionCounts[] = [];
    let falseOnBaselines = 0;
    let baselineMinutes = 0;
    for (const pair of BENCH_PAIRS.filter((p) => p.subset)) {
      const specs = pairSpecs(pair);
      const ext = pair.codec === 'vp9' ? 'webm' : 'mp4';
      const clip = createSimulatedClip(specs.clip);
      const clipPath = join(dir, `${pair.name}.${ext}`);
      const basePath = join(dir, `${pair.name}-baseline.${ext}`);
      await writeSimulatedClip(clip, clipPath, { codec: pair.codec, preset: 'veryfast', vp9Realtime: true });
      await writeSimulatedClip(createSimulatedClip(specs.baseline), basePath, { codec: pair.codec, preset: 'veryfast', vp9Realtime: true });
      const result = await analyzeClip(await openFfmpegSource(clipPath), await openFfmpegSource(basePath), {}, hooks);
      twitching.push(scoreDetections(clip.truth.fasciculations, result.events, clip.truth.mmPerPx));
      const alone = await analyzeClip(await openFfmpegSource(basePath), null, {}, hooks);
      falseOnBaselines += alone.summary.fasciculations;
      baselineMinutes += alone.input.durationS / 60;
    }
    const rates = detectionRates(sumCounts(twitching));
    console.info(`subset: F1 ${rates.f1?.toFixed(3)}, precision ${rates.precision?.toFixed(3)}, recall ${rates.recall?.toFixed(3)}; ${falseOnBaselines} false on baselines`);
    expect(rates.f1).toBeGreaterThanOrEqual(F1_FLOOR);
    expect(falseOnBaselines / baselineMinutes).toBeLessThanOrEqual(MAX_FALSE_PER_MIN);
  }, 600_000);

  const REAL = '../shared/data/real';
  it.skipIf(!existsSync(REAL))('finds no fasciculation in the real clips (passive rotation, contractions)', async () => {
    for (const f of ['p6_passive_ROM_01_push_01.mp4', 'p6_isometric_max_01_push_01.mp4', 'p6_isokinetic120_01_push_04.mp4']) {
      const result = await analyzeClip(await openFfmpegSource(join(REAL, f)), null, {});
      expect(result.summary.fasciculations, f).toBe(0);
      expect(result.events.length, `${f}: its movement is reported as such`).toBeGreaterThan(0);
    }
  }, 300_000);
});
