import { describe, expect, it } from 'vitest';
import { labelPulsation } from '../../src/analysis/labelPulsation';
import type { TwitchEvent } from '../../src/analysis/TwitchEvent';

const ev = (peakS: number, xPx: number, yPx: number): TwitchEvent => ({
  id: 0, kind: 'fasciculation', onsetS: peakS - 0.05, peakS, endS: peakS + 0.2, durationS: 0.25, xPx, yPx,
  boxPx: { x: xPx - 8, y: yPx - 8, width: 16, height: 16 }, areaPx: 256, areaMm2: null, score: 10,
  peakDisplacementPx: null, peakDisplacementMm: null, directionCoherence: null, reason: '',
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
});
