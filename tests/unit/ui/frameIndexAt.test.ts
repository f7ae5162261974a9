import { describe, expect, it } from 'vitest';
import { frameIndexAt, frameIndexForKey } from '../../../src/ui/frameIndexAt';

// Variable frame rate on purpose: gaps of 0.1, 0.1, 0.3, 0.05 s.
const timesS = [0, 0.1, 0.2, 0.5, 0.55];

describe('frameIndexAt', () => {
  it('finds the frame on screen: the last one at or before the time', () => {
    expect(frameIndexAt(timesS, 0)).toBe(0);
    expect(frameIndexAt(timesS, 0.15)).toBe(1);
    expect(frameIndexAt(timesS, 0.49)).toBe(2); // 0.2 stays up until 0.5
    expect(frameIndexAt(timesS, 0.5)).toBe(3);
    expect(frameIndexAt(timesS, 9)).toBe(4);
    expect(frameIndexAt(timesS, -1)).toBe(0);
    expect(frameIndexAt([], 1)).toBe(-1);
  });

  it('absorbs float rounding of currentTime just below a frame time', () => {
    expect(frameIndexAt(timesS, 0.4999999)).toBe(3);
  });
});

describe('frameIndexForKey (WAI-ARIA media seek slider)', () => {
  it('steps one frame with the arrows and clamps at the ends', () => {
    expect(frameIndexForKey('ArrowRight', 1, timesS)).toBe(2);
    expect(frameIndexForKey('ArrowUp', 4, timesS)).toBe(4);
    expect(frameIndexForKey('ArrowLeft', 0, timesS)).toBe(0);
    expect(frameIndexForKey('ArrowDown', 3, timesS)).toBe(2);
  });

  it('jumps to the ends with Home and End', () => {
    expect(frameIndexForKey('Home', 3, timesS)).toBe(0);
    expect(frameIndexForKey('End', 0, timesS)).toBe(4);
  });

  it('pages by time, at least one frame', () => {
    // 0.1 s + 0.3 s page -> 0.4 s, on screen is frame 2 (0.2 s), which is one past frame 1.
    expect(frameIndexForKey('PageUp', 1, timesS, 0.3)).toBe(2);
    // from 0 s, a 0.5 s page lands exactly on frame 3 (0.5 s).
    expect(frameIndexForKey('PageUp', 0, timesS, 0.5)).toBe(3);
    // 0.55 - 0.3 = 0.25 s -> frame 2.
    expect(frameIndexForKey('PageDown', 4, timesS, 0.3)).toBe(2);
    expect(frameIndexForKey('PageDown', 0, timesS, 1)).toBe(0);
  });

  it('ignores other keys and empty clips', () => {
    expect(frameIndexForKey('a', 1, timesS)).toBeNull();
    expect(frameIndexForKey('Home', 0, [])).toBeNull();
  });
});
