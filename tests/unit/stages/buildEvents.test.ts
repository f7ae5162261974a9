import { describe, expect, it } from 'vitest';
import { buildEvents, type DescribedCandidate } from '../../../src/analysis/buildEvents';
import { decideKind } from '../../../src/analysis/Classifier';

const candidate = (onsetS: number, xPx = 100): DescribedCandidate => ({
  onsetS, peakS: onsetS + 0.05, endS: onsetS + 0.3, xPx, yPx: 100, boxPx: { x: xPx - 16, y: 84, width: 32, height: 32 }, areaPx: 1024, areaMm2: null,
  score: 12, peakDisplacementPx: 2, peakDisplacementMm: null, directionCoherence: null, blocks: [5, 6], features: [],
});
const p = (...v: number[]): Float32Array => Float32Array.from(v);
const roi = { x: 0, y: 0, width: 320, height: 240 };

describe('decideKind', () => {
  it('is a fasciculation from the threshold up, else the likeliest other kind; probability is always P(fasciculation)', () => {
    expect(decideKind(p(0.6, 0.1, 0.1, 0.1, 0.1), 0.5)).toMatchObject({ kind: 'fasciculation', probability: expect.closeTo(0.6, 6) });
    expect(decideKind(p(0.45, 0.05, 0.05, 0.4, 0.05), 0.5)).toMatchObject({ kind: 'pulsation', probability: expect.closeTo(0.45, 6) });
    expect(decideKind(p(0.45, 0.05, 0.05, 0.4, 0.05), 0.4).kind).toBe('fasciculation');
  });
});

describe('buildEvents', () => {
  it('numbers events in onset order, drops low "other" candidates as noise and keeps near misses', () => {
    const events = buildEvents(
      [candidate(3), candidate(1), candidate(2), candidate(4)],
      [p(0.9, 0, 0, 0, 0.1), p(0.05, 0, 0, 0, 0.95), p(0.3, 0, 0, 0, 0.7), p(0.1, 0.6, 0, 0, 0.3)],
      0.5,
      [],
      roi,
      null,
    );
    // 1 s: other at 0.05 (< 0.25 = half the threshold): noise, not an event. 2 s: a near miss (0.3).
    expect(events.map((e) => [e.id, e.onsetS, e.kind])).toEqual([[1, 2, 'other'], [2, 3, 'fasciculation'], [3, 4, 'probe-motion']]);
    expect(events[1]).toMatchObject({ probability: 0.9, source: 'detector', blocks: [5, 6], durationS: 0.3 });
  });

  it('reports movements over the whole region: contraction when the skin moved under half as far as the muscle', () => {
    const events = buildEvents([], [], 0.5, [
      { startS: 1, endS: 2, peakS: 1.5, maxSpeedMmS: 12.345, skinRatio: 0.2 },
      { startS: 3, endS: 3.5, peakS: 3.2, maxSpeedMmS: 5, skinRatio: 0.9 },
    ], roi, 0.1);
    expect(events.map((e) => e.kind)).toEqual(['contraction', 'probe-motion']);
    expect(events[0]).toMatchObject({ xPx: 160, yPx: 120, boxPx: roi, areaMm2: 768, score: 12.35, probability: 0 });
  });
});
