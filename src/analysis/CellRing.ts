/** Spare buffers kept for reuse: a frame takes two (cells, smoothed), and at most one leaves per frame. */
const MAX_SPARE = 4;

/** One distinct frame reduced to cells (speckle-smoothed pixels of the image region). */
export interface CellFrame {
  t: number;
  cells: Float32Array;
  /** The same cells smoothed (smoothCells): what registration works on. */
  smooth: Float32Array;
}

/**
 * The last few seconds of distinct frames, oldest first: the only frames the analysis holds
 * (a clip is streamed; a 1-hour clip costs what a 10-second one does). Lagged references, the
 * long lag's frame means and the frame before an event's onset all come from here.
 */
export class CellRing {
  private readonly frames: CellFrame[] = [];
  private readonly spare: Float32Array[] = [];

  constructor(private keepS: number) {}

  /**
   * From now on holds only the last `keepS` seconds (at most what it held): the frames beyond go
   * at once, and so do their buffers, beyond the few the next frames will reuse.
   */
  keepOnly(keepS: number): void {
    this.keepS = Math.min(this.keepS, keepS);
    const latest = this.latest();
    if (latest) this.dropOlderThan(latest.t - this.keepS);
    this.spare.length = Math.min(this.spare.length, MAX_SPARE);
  }

  get length(): number {
    return this.frames.length;
  }

  latest(): CellFrame | null {
    return this.frames[this.frames.length - 1] ?? null;
  }

  /** A buffer for the next frame's cells (reused from frames that left the ring). */
  buffer(size: number): Float32Array {
    const b = this.spare.pop();
    return b && b.length === size ? b : new Float32Array(size);
  }

  /** Returns a buffer that was taken but not pushed (a repeated frame). */
  giveBack(cells: Float32Array): void {
    this.spare.push(cells);
  }

  push(frame: CellFrame): void {
    this.frames.push(frame);
    this.dropOlderThan(frame.t - this.keepS);
  }

  private dropOlderThan(tS: number): void {
    while (this.frames.length > 2 && this.frames[0].t < tS) {
      const old = this.frames.shift() as CellFrame;
      if (this.spare.length < MAX_SPARE) this.spare.push(old.cells, old.smooth);
    }
  }

  /** The newest frame at least `0.75 lag` older than the latest (tolerates timestamp jitter), or null. */
  reference(lagS: number): CellFrame | null {
    const target = (this.latest()?.t ?? 0) - 0.75 * lagS;
    for (let i = this.frames.length - 2; i >= 0; i--) if (this.frames[i].t <= target) return this.frames[i];
    return null;
  }

  /** The newest frame at or before tS. */
  atOrBefore(tS: number): CellFrame | null {
    for (let i = this.frames.length - 1; i >= 0; i--) if (this.frames[i].t <= tS + 1e-6) return this.frames[i];
    return null;
  }

  /**
   * Mean smoothed cells of the frames in (tS - spanS, tS] (at least the frame at or before tS)
   * into `out`; returns how many frames it averaged (0 when none is that old).
   */
  meanOver(tS: number, spanS: number, out: Float32Array): number {
    const slack = 1e-3;
    out.fill(0);
    let count = 0;
    for (let i = this.frames.length - 1; i >= 0; i--) {
      const f = this.frames[i];
      if (f.t > tS + slack) continue;
      if (count > 0 && f.t <= tS - spanS + slack) break;
      const c = f.smooth;
      for (let k = 0; k < out.length; k++) out[k] += c[k];
      count++;
    }
    if (count > 1) for (let k = 0; k < out.length; k++) out[k] /= count;
    return count;
  }

  /** Frames in [fromS, toS], oldest first. */
  between(fromS: number, toS: number): CellFrame[] {
    return this.frames.filter((f) => f.t >= fromS - 1e-6 && f.t <= toS + 1e-6);
  }
}
