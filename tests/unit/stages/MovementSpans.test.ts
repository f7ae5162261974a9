import { describe, expect, it } from 'vitest';
import { isAnalysable, MovementSpans, type FrameMotion } from '../../../src/analysis/MovementSpans';

const frame = (t: number, analysable: boolean, skin = 1, deep = 1, speed = 5): FrameMotion => ({ t, fromS: t - 0.1, analysable, speedMmS: speed, skinShiftMm: skin, deepShiftMm: deep });

describe('MovementSpans', () => {
  it('joins unanalysable frames closer than the gap into one movement, from the first frame\'s lag on', () => {
    const m = new MovementSpans(0.1);
    for (const t of [1, 1.033, 1.066]) m.push(frame(t, false, 1, 1, t === 1.033 ? 9 : 5));
    m.push(frame(1.1, true));
    m.push(frame(1.133, false)); // 0.033 - 0.1 from the last: same movement
    m.push(frame(1.5, true));
    m.push(frame(1.6, true)); // 0.467 s after it: closed
    const spans = m.finish();
    expect(spans).toHaveLength(1);
    expect(spans[0].startS).toBeCloseTo(0.9, 9);
    expect(spans[0].endS).toBe(1.133);
    expect(spans[0].peakS).toBe(1.033);
    expect(spans[0].maxSpeedMmS).toBe(9);
  });

  it('keeps the median skin-to-muscle motion ratio: a contraction moves the muscle under still skin', () => {
    const m = new MovementSpans(0.1);
    [0.1, 0.2, 0.9].forEach((skin, i) => m.push(frame(1 + i * 0.033, false, skin, 1)));
    expect(m.finish()[0].skinRatio).toBeCloseTo(0.2, 9);
  });

  it('calls a frame unanalysable when the non-rigid residual exceeds the smallest twitch, or too little could be tracked', () => {
    expect(isAnalysable(0.05, 1, 0.1)).toBe(true);
    expect(isAnalysable(0.15, 1, 0.1)).toBe(false);
    expect(isAnalysable(0.01, 0.4, 0.1)).toBe(false);
  });
});
