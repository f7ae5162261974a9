/**
 * Scores detected events against ground truth (simulated clips): the arithmetic behind
 * `npm run eval` and the detector's regression test. Pure: plain numbers in, plain numbers out.
 *
 * Rules (issue 3): only events of kind 'fasciculation' count; a detection matches a true event
 * when its peakS lies in [onsetS - 0.15 s, endS + 0.15 s]; matching is one to one, the pairs with
 * the nearest peaks first (greedy on |peak difference|). A matched detection is "located" when
 * its centroid lies within 2.5 territory radii of the true territory's centre.
 */
export interface TruthEvent {
  onsetS: number;
  peakS: number;
  endS: number;
  xPx: number;
  yPx: number;
  radiusMm: number;
}

export interface DetectedEvent {
  kind: string;
  peakS: number;
  xPx: number;
  yPx: number;
}

export interface ScoreRules {
  /** Slack around the true event's span, s. */
  toleranceS: number;
  /** A match is located when the centroid distance is at most this many territory radii. */
  locationRadii: number;
}

export const DEFAULT_SCORE_RULES: ScoreRules = { toleranceS: 0.15, locationRadii: 2.5 };

export interface DetectionMatch {
  truthIndex: number;
  detectedIndex: number;
  peakErrorS: number;
  distancePx: number;
  located: boolean;
}

export interface DetectionCounts {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  /** Matched events located within locationRadii territory radii. */
  located: number;
}

export interface DetectionScore extends DetectionCounts {
  matches: DetectionMatch[];
}

export function scoreDetections(
  truth: readonly TruthEvent[],
  detected: readonly DetectedEvent[],
  mmPerPx: number,
  rules: ScoreRules = DEFAULT_SCORE_RULES,
): DetectionScore {
  if (!(mmPerPx > 0)) throw new RangeError(`mmPerPx must be above 0 (got ${mmPerPx}).`);
  const candidates: { t: number; d: number; gapS: number }[] = [];
  detected.forEach((d, di) => {
    if (d.kind !== 'fasciculation') return;
    truth.forEach((t, ti) => {
      if (d.peakS >= t.onsetS - rules.toleranceS && d.peakS <= t.endS + rules.toleranceS) {
        candidates.push({ t: ti, d: di, gapS: Math.abs(d.peakS - t.peakS) });
      }
    });
  });
  // Nearest peaks first; ties broken by index so the result never depends on sort stability.
  candidates.sort((a, b) => a.gapS - b.gapS || a.t - b.t || a.d - b.d);
  const usedTruth = new Set<number>();
  const usedDetected = new Set<number>();
  const matches: DetectionMatch[] = [];
  for (const c of candidates) {
    if (usedTruth.has(c.t) || usedDetected.has(c.d)) continue;
    usedTruth.add(c.t);
    usedDetected.add(c.d);
    const t = truth[c.t];
    const d = detected[c.d];
    const distancePx = Math.hypot(d.xPx - t.xPx, d.yPx - t.yPx);
    matches.push({
      truthIndex: c.t,
      detectedIndex: c.d,
      peakErrorS: d.peakS - t.peakS,
      distancePx,
      located: distancePx <= (rules.locationRadii * t.radiusMm) / mmPerPx,
    });
  }
  matches.sort((a, b) => a.truthIndex - b.truthIndex);
  const fasciculations = detected.filter((d) => d.kind === 'fasciculation').length;
  return {
    truePositives: matches.length,
    falsePositives: fasciculations - matches.length,
    falseNegatives: truth.length - matches.length,
    located: matches.filter((m) => m.located).length,
    matches,
  };
}

export interface DetectionRates {
  /** TP / (TP + FP); null when nothing was detected. */
  precision: number | null;
  /** TP / (TP + FN); null when there was nothing to find. */
  recall: number | null;
  /** 2TP / (2TP + FP + FN); null when there was nothing to find and nothing was found. */
  f1: number | null;
  /** Located / TP; null without matches. */
  locatedShare: number | null;
}

export function detectionRates(c: DetectionCounts): DetectionRates {
  const tp = c.truePositives;
  const ratio = (num: number, den: number): number | null => (den > 0 ? num / den : null);
  return {
    precision: ratio(tp, tp + c.falsePositives),
    recall: ratio(tp, tp + c.falseNegatives),
    f1: ratio(2 * tp, 2 * tp + c.falsePositives + c.falseNegatives),
    locatedShare: ratio(c.located, tp),
  };
}

/** Sums counts over clips (micro-averaging: every event weighs the same, whatever its clip). */
export function sumCounts(all: readonly DetectionCounts[]): DetectionCounts {
  return all.reduce<DetectionCounts>(
    (acc, c) => ({
      truePositives: acc.truePositives + c.truePositives,
      falsePositives: acc.falsePositives + c.falsePositives,
      falseNegatives: acc.falseNegatives + c.falseNegatives,
      located: acc.located + c.located,
    }),
    { truePositives: 0, falsePositives: 0, falseNegatives: 0, located: 0 },
  );
}
