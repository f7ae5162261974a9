import { analyzeClip, type AnalyzeHooks } from '../src/analysis/analyzeClip';
import type { AnalysisOptions } from '../src/analysis/AnalysisOptions';
import type { AnalysisResult } from '../src/analysis/AnalysisResult';
import { detectionRates, scoreDetections, sumCounts, type DetectionCounts } from '../src/analysis/scoreDetections';
import { openNodeSource } from '../src/sources/node/openNodeSource';
import { readReviewLabels, type LabelledClip } from './readReviewLabels';

export interface LabelRow extends DetectionCounts {
  clip: string;
  durationS: number;
  trueEvents: number;
  detected: number;
}

/** Runs the detector on one labelled clip; injectable so the scoring is tested without decoding. */
export type AnalyzeLabelled = (clip: LabelledClip, options: Partial<AnalysisOptions>) => Promise<AnalysisResult>;

/** The detector on each clip, with the reviewer's region and scale, scored by the eval's own rules. */
export async function scoreReviewLabels(clips: readonly LabelledClip[], analyze: AnalyzeLabelled, overrides: Partial<AnalysisOptions> = {}): Promise<LabelRow[]> {
  const rows: LabelRow[] = [];
  for (const clip of clips) {
    const result = await analyze(clip, { ...clip.options, ...overrides });
    const score = scoreDetections(clip.truth, result.events, clip.mmPerPx);
    rows.push({
      clip: clip.clipPath.split('/').pop() ?? clip.clipPath,
      durationS: clip.durationS,
      trueEvents: clip.truth.length,
      detected: result.summary.fasciculations,
      truePositives: score.truePositives,
      falsePositives: score.falsePositives,
      falseNegatives: score.falseNegatives,
      located: score.located,
    });
  }
  return rows;
}

/**
 * `npm run eval -- --labels DIR`: reviewed exports in DIR as ground truth (README, "Labels").
 * Prints a row per clip and the micro-averaged total; exit status 1 when no export was usable.
 */
export async function evalReviewLabels(dir: string, overrides: Partial<AnalysisOptions>, hooks: Pick<AnalyzeHooks, 'displacement' | 'classifier'>): Promise<void> {
  const { clips, skipped } = await readReviewLabels(dir);
  for (const s of skipped) console.log(`${s.file}: skipped, ${s.reason}`);
  if (clips.length === 0) {
    console.error(`No reviewed export in ${dir} is usable as ground truth.`);
    process.exitCode = 1;
    return;
  }
  const rows = await scoreReviewLabels(clips, async (clip, options) =>
    analyzeClip(
      await openNodeSource(clip.clipPath, { fpsIfUntimed: clip.fps }),
      clip.baselinePath ? await openNodeSource(clip.baselinePath, { fpsIfUntimed: clip.fps }) : null,
      options,
      hooks,
    ), overrides);
  const fmt = (v: number | null): string => (v === null ? '-' : v.toFixed(3));
  console.log(`${'clip'.padEnd(40)} ${'dur s'.padStart(6)} true  TP  FP  FN  prec   rec    F1`);
  for (const r of rows) {
    const rates = detectionRates(r);
    console.log(`${r.clip.padEnd(40)} ${r.durationS.toFixed(1).padStart(6)} ${String(r.trueEvents).padStart(4)} ${String(r.truePositives).padStart(3)} ${String(r.falsePositives).padStart(3)} ${String(r.falseNegatives).padStart(3)} ${fmt(rates.precision)} ${fmt(rates.recall)} ${fmt(rates.f1)}`);
  }
  const total = sumCounts(rows);
  const rates = detectionRates(total);
  console.log(`TOTAL reviewed clips: TP ${total.truePositives}  FP ${total.falsePositives}  FN ${total.falseNegatives}  precision ${fmt(rates.precision)}  recall ${fmt(rates.recall)}  F1 ${fmt(rates.f1)}`);
}
