import type { TimeSpan } from './AnalysisResult';

/** One frame as the analysability stage sees it. */
export interface FrameMotion {
  t: number;
  /** Earliest time the frame's motion can have begun (t less the lag), s. */
  fromS: number;
  analysable: boolean;
  /** Fastest whole-field motion, mm/s. */
  speedMmS: number;
  /** Median block shift in the image's top rows (skin, fat) and below them, mm per lag. */
  skinShiftMm: number;
  deepShiftMm: number;
}

/** A stretch of unanalysable frames: a movement that hid the tissue. */
export interface MovementSpan extends TimeSpan {
  peakS: number;
  maxSpeedMmS: number;
  /** Median over the span of skin shift / deep shift: ~1 when the probe moves the whole view. */
  skinRatio: number;
}

/**
 * Collects the unanalysable frames into movement spans: frames closer than `gapS` belong to one
 * movement. A frame is unanalysable when its whole-field motion, once the smooth field is
 * removed, leaves a residual larger than the smallest twitch (residualMaxMm), or when too little
 * of the image could be tracked at all (isAnalysable).
 */
export class MovementSpans {
  private current: { span: MovementSpan; ratios: number[] } | null = null;
  private readonly done: MovementSpan[] = [];

  constructor(private readonly gapS: number) {}

  push(m: FrameMotion): MovementSpan | null {
    const c = this.current;
    if (m.analysable) return c && m.t - c.span.endS > this.gapS ? this.close() : null;
    let closed: MovementSpan | null = null;
    if (c && m.fromS - c.span.endS > this.gapS) closed = this.close();
    const ratio = m.deepShiftMm > 1e-3 ? m.skinShiftMm / m.deepShiftMm : 1;
    if (!this.current) {
      this.current = { span: { startS: m.fromS, endS: m.t, peakS: m.t, maxSpeedMmS: m.speedMmS, skinRatio: ratio }, ratios: [ratio] };
    } else {
      const s = this.current.span;
      s.endS = m.t;
      this.current.ratios.push(ratio);
      if (m.speedMmS > s.maxSpeedMmS) {
        s.maxSpeedMmS = m.speedMmS;
        s.peakS = m.t;
      }
    }
    return closed;
  }

  /** Ends the open span (the clip ended); returns every span of the clip. */
  finish(): MovementSpan[] {
    if (this.current) this.close();
    return this.done.slice();
  }

  get spans(): readonly MovementSpan[] {
    return this.done;
  }

  get openSpan(): MovementSpan | null {
    return this.current?.span ?? null;
  }

  private close(): MovementSpan {
    const c = this.current as { span: MovementSpan; ratios: number[] };
    const sorted = [...c.ratios].sort((a, b) => a - b);
    c.span.skinRatio = sorted[sorted.length >> 1];
    this.done.push(c.span);
    this.current = null;
    return c.span;
  }
}

/** Registration found the field, and what it leaves is smaller than a twitch. */
export function isAnalysable(residualMm: number, trackedShare: number, residualMaxMm: number): boolean {
  // Under half the image trackable: a jolt or a contraction moved it past Lucas-Kanade's reach.
  return trackedShare >= 0.5 && residualMm <= residualMaxMm;
}
