import type { RectPx } from '../analysis/LumaFrame';
import type { RegionSource } from './ScaleInput';

/**
 * The height a depth scale divides by, and where it comes from: the region the user drew, else
 * the image region the last analysis found, else the clip's whole frame. The frame and the found
 * region are remembered per clip (forget() on a new clip); the drawn one is always read fresh.
 */
export class RegionHeights {
  /** The clip's frame height, px (0 until its player or its frame list says). */
  framePx = 0;
  /** The image region the last analysis found, px (0 until one ran). */
  foundPx = 0;

  constructor(private readonly drawn: () => RectPx | null) {}

  forget(): void {
    this.framePx = 0;
    this.foundPx = 0;
  }

  current(): { heightPx: number; source: RegionSource } | null {
    const roi = this.drawn();
    if (roi) return { heightPx: roi.height, source: 'drawn' };
    if (this.foundPx) return { heightPx: this.foundPx, source: 'found' };
    if (this.framePx) return { heightPx: this.framePx, source: 'frame' };
    return null;
  }
}
