import { describe, expect, it } from 'vitest';
import { mergeRefractory } from '../../src/analysis/mergeRefractory';
import type { TwitchEvent } from '../../src/analysis/TwitchEvent';

const ev = (id: number, onsetS: number, endS: number, xPx: number, score: number): TwitchEvent => ({
  id, kind: 'fasciculation', onsetS, peakS: onsetS + 0.05, endS, durationS: endS - onsetS, xPx, yPx: 100,
  boxPx: { x: xPx - 16, y: 84, width: 32, height: 32 }, areaPx: 1024, areaMm2: null, score,
  peakDisplacementPx: 2, peakDisplacementMm: null, directionCoherence: 0.8, reason: '', probability: 1, source: 'detector', blocks: [],
});

describe('mergeRefractory', () => {
  it('merges a second onset at the same site within the gap, keeps separate sites and later twitches apart', () => {
    // 1: 1.00-1.40 at x=100; 2: 1.50-1.70 at x=110 (gap 0.10 s <= 0.15, 10 px away) -> merged into 1.
    // 3: 1.50-1.70 at x=300 (other site) stays; 4: 2.00-2.20 at x=100 (gap 0.30 s) stays.
    const out = mergeRefractory([ev(1, 1.0, 1.4, 100, 8), ev(2, 1.5, 1.7, 110, 12), ev(3, 1.5, 1.7, 300, 9), ev(4, 2.0, 2.2, 100, 9)], 48, 0.15);
    expect(out.map((e) => e.id)).toEqual([1, 3, 4]);
    expect(out[0]).toMatchObject({ onsetS: 1.0, endS: 1.7, durationS: 0.7, score: 12, peakS: 1.55 });
    expect(out[0].boxPx).toEqual({ x: 84, y: 84, width: 42, height: 32 });
  });

  it('keeps apart an event shown to be a second contraction', () => {
    const events = [ev(1, 1.0, 1.6, 100, 40), ev(2, 1.4, 1.9, 105, 9)];
    expect(mergeRefractory(events, 48, 0.15).map((e) => e.id)).toEqual([1]);
    expect(mergeRefractory(events, 48, 0.15, new Set([2])).map((e) => e.id)).toEqual([1, 2]);
  });
});
