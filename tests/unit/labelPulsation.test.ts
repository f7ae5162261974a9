import { describe, expect, it } from 'vitest';
import { labelPulsation } from '../../src/analysis/labelPulsation';
import type { TwitchEvent } from '../../src/analysis/TwitchEvent';

const ev = (peakS: number, xPx: number, yPx: number): TwitchEvent => ({
  id: 0, kind: 'fasciculation', onsetS: peakS - 0.05, peakS, endS: peakS + 0.2, durationS: 0.25, xPx, yPx,
  boxPx: { x: xPx - 8, y: yPx - 8, width: 16, height: 16 }, areaPx: 256, areaMm2: null, score: 10,
  peakDisplacementPx: null, peakDisplacementMm: null, directionCoherence: null, reason: '', probability: 1, source: 'detector', blocks: [],
});

describe('labelPulsation', () => {
  it('labels a steady 75 bpm recurrence at one site, and leaves irregular or scattered events alone', () => {
    const beats = [1, 1.8, 2.6, 3.4, 4.2].map((t) => ev(t, 100, 100)); // 0.8 s apart = 75 bpm
    const irregular = [1.1, 1.7, 3.9, 4.4].map((t) => ev(t, 300, 50)); // 0.6, 2.2, 0.5 s: not a rhythm
    const scattered = [1.3, 2.1, 2.9, 3.7].map((t, i) => ev(t, 40 + i * 80, 200)); // rhythmic but 80 px apart
    const out = labelPulsation([...beats, ...irregular, ...scattered], 48);
    expect(beats.every((e) => e.kind === 'pulsation')).toBe(true);
    expect(irregular.every((e) => e.kind === 'fasciculation')).toBe(true);
    expect(scattered.every((e) => e.kind === 'fasciculation')).toBe(true);
    expect(out).toHaveLength(13);
  });

  it('needs four beats: three regular ones stay fasciculations', () => {
    const three = [1, 1.8, 2.6].map((t) => ev(t, 100, 100));
    labelPulsation(three, 48);
    expect(three.every((e) => e.kind === 'fasciculation')).toBe(true);
  });

  it('labels a weak pulsation that crosses the threshold on some beats only (whole numbers of one period)', () => {
    // 60 bpm, seen on beats 6, 8, 10, 12 and 13 (peaks dated within a frame or two).
    const beats = [6.2, 8.28, 10.28, 12.24, 13.24].map((t) => ev(t, 100, 100));
    labelPulsation(beats, 48);
    expect(beats.every((e) => e.kind === 'pulsation')).toBe(true);
  });

  it('needs five beats when some are skipped, and leaves irregular recurrences at one site alone', () => {
    const four = [6.2, 8.28, 10.28, 12.24].map((t) => ev(t, 100, 100));
    labelPulsation(four, 48);
    expect(four.every((e) => e.kind === 'fasciculation')).toBe(true);
    // One motor unit firing five times: intervals 1.7, 2.4, 1.3, 2.9 s fit no cardiac grid.
    const unit = [2, 3.7, 6.1, 7.4, 10.3].map((t) => ev(t, 100, 100));
    labelPulsation(unit, 48);
    expect(unit.every((e) => e.kind === 'fasciculation')).toBe(true);
  });
});

