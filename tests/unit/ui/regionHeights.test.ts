import { describe, expect, it } from 'vitest';
import type { RectPx } from '../../../src/analysis/LumaFrame';
import { RegionHeights } from '../../../src/ui/RegionHeights';

describe('RegionHeights', () => {
  it('takes the drawn region first, then the found one, then the whole frame, and nothing before any is known', () => {
    let drawn: RectPx | null = null;
    const h = new RegionHeights(() => drawn);
    expect(h.current()).toBeNull();
    h.framePx = 480;
    expect(h.current()).toEqual({ heightPx: 480, source: 'frame' });
    h.foundPx = 400;
    expect(h.current()).toEqual({ heightPx: 400, source: 'found' });
    drawn = { x: 10, y: 20, width: 300, height: 250 };
    expect(h.current()).toEqual({ heightPx: 250, source: 'drawn' });
  });

  it('forgets the frame and the found region for a new clip, but still reads the drawn region', () => {
    let drawn: RectPx | null = { x: 0, y: 0, width: 100, height: 90 };
    const h = new RegionHeights(() => drawn);
    h.framePx = 480;
    h.foundPx = 400;
    h.forget();
    expect(h.current()).toEqual({ heightPx: 90, source: 'drawn' });
    drawn = null;
    expect(h.current()).toBeNull();
  });
});
