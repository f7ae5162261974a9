import { describe, expect, it } from 'vitest';
import { detectionRates, scoreDetections, sumCounts, type TruthEvent } from '../../src/analysis/scoreDetections';

// Two true events; mmPerPx 0.1, so radius 2 mm = 20 px and "located" means within 2.5 x 20 = 50 px.
const truth: TruthEvent[] = [
  { onsetS: 1.0, peakS: 1.1, endS: 1.5, xPx: 100, yPx: 100, radiusMm: 2 },
  { onsetS: 3.0, peakS: 3.05, endS: 3.3, xPx: 300, yPx: 200, radiusMm: 2 },
];
const det = (peakS: number, xPx = 100, yPx = 100, kind = 'fasciculation') => ({ kind, peakS, xPx, yPx });

describe('scoreDetections', () => {
  it('matches inside [onset - 0.15, end + 0.15] and not outside', () => {
    // 0.86 is inside [0.85, 1.65]; 1.66 is outside; 2.84 is outside [2.85, 3.45].
    const s = scoreDetections(truth, [det(0.86), det(1.66), det(2.84, 300, 200)], 0.1);
    expect([s.truePositives, s.falsePositives, s.falseNegatives]).toEqual([1, 2, 1]);
    expect(s.matches[0]).toMatchObject({ truthIndex: 0, detectedIndex: 0 });
    expect(s.matches[0].peakErrorS).toBeCloseTo(-0.24, 10);
  });

  it('is one to one, nearest peak first', () => {
    // Both detections fall in event 0's window; 1.12 is nearer its peak (gap 0.02 vs 0.3), so it
    // takes event 0 and 1.4 is a false positive: TP 1, FP 1, FN 1 (event 1 missed).
    const s = scoreDetections(truth, [det(1.4), det(1.12)], 0.1);
    expect(s.matches).toHaveLength(1);
    expect(s.matches[0].detectedIndex).toBe(1);
    expect([s.truePositives, s.falsePositives, s.falseNegatives]).toEqual([1, 1, 1]);
  });

  it('ignores events of other kinds entirely', () => {
    const s = scoreDetections(truth, [det(1.1, 100, 100, 'probe-motion'), det(3.05, 300, 200, 'pulsation')], 0.1);
    expect([s.truePositives, s.falsePositives, s.falseNegatives]).toEqual([0, 0, 2]);
  });

  it('counts a match as located within 2.5 territory radii', () => {
    // Distance 50 px = 2.5 x 20 px: located; 50.1 px: not located (but still a true positive).
    const a = scoreDetections(truth, [det(1.1, 130, 140)], 0.1);
    expect(a.matches[0].distancePx).toBeCloseTo(50, 10);
    expect(a.located).toBe(1);
    const b = scoreDetections(truth, [det(1.1, 150.1, 100)], 0.1);
    expect([b.truePositives, b.located]).toEqual([1, 0]);
  });

  it('works out precision, recall, F1 and located share by hand', () => {
    // TP 3, FP 1, FN 2, located 2: precision 3/4, recall 3/5, F1 6/9, located 2/3.
    const r = detectionRates({ truePositives: 3, falsePositives: 1, falseNegatives: 2, located: 2 });
    expect(r.precision).toBeCloseTo(0.75, 12);
    expect(r.recall).toBeCloseTo(0.6, 12);
    expect(r.f1).toBeCloseTo(6 / 9, 12);
    expect(r.locatedShare).toBeCloseTo(2 / 3, 12);
  });

  it('gives null rates rather than dividing by zero, and sums counts over clips', () => {
    expect(detectionRates({ truePositives: 0, falsePositives: 0, falseNegatives: 0, located: 0 })).toEqual({
      precision: null,
      recall: null,
      f1: null,
      locatedShare: null,
    });
    // A baseline with 2 false detections: precision 0, recall undefined, F1 0.
    expect(detectionRates({ truePositives: 0, falsePositives: 2, falseNegatives: 0, located: 0 })).toMatchObject({ precision: 0, recall: null, f1: 0 });
    expect(
      sumCounts([
        { truePositives: 1, falsePositives: 2, falseNegatives: 3, located: 1 },
        { truePositives: 4, falsePositives: 0, falseNegatives: 1, located: 2 },
      ]),
    ).toEqual({ truePositives: 5, falsePositives: 2, falseNegatives: 4, located: 3 });
  });

  it('rejects a scale that is not positive', () => {
    expect(() => scoreDetections(truth, [], 0)).toThrow(/mmPerPx/);
  });
});
