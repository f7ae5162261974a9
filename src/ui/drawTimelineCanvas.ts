import type { TwitchEvent } from '../analysis/TwitchEvent';
import { KIND_COLORS } from './kindColors';

export interface TimelinePicture {
  events: readonly TwitchEvent[];
  timesS: readonly number[];
  energy: readonly number[];
  /** Time to 0..1 across the axis. */
  fraction: (timeS: number) => number;
}

/**
 * Paints the timeline: each event's span, faint, in its kind's colour, then the motion-energy
 * trace on top. `ratio` is device pixels per CSS pixel (line widths stay crisp on any screen).
 */
export function drawTimelineCanvas(ctx: CanvasRenderingContext2D, widthPx: number, heightPx: number, ratio: number, pic: TimelinePicture): void {
  ctx.clearRect(0, 0, widthPx, heightPx);
  for (const e of pic.events) {
    ctx.fillStyle = KIND_COLORS[e.kind] + '40'; // 25 % opacity
    const x0 = pic.fraction(e.onsetS) * widthPx;
    const x1 = pic.fraction(e.endS) * widthPx;
    ctx.fillRect(x0, 0, Math.max(2 * ratio, x1 - x0), heightPx);
  }
  const n = Math.min(pic.timesS.length, pic.energy.length);
  if (n < 2) return;
  const top = traceScaleTop(pic.energy);
  const pad = 4 * ratio;
  ctx.strokeStyle = '#9fd3c7';
  ctx.lineWidth = 1.25 * ratio;
  ctx.beginPath();
  for (let i = 0; i < n; i++) {
    const x = pic.fraction(pic.timesS[i]) * widthPx;
    const v = Math.min(1, Math.max(0, pic.energy[i] / top));
    const y = heightPx - pad - v * (heightPx - 2 * pad);
    if (i === 0) ctx.moveTo(x, y);
    else ctx.lineTo(x, y);
  }
  ctx.stroke();
}

/**
 * The energy drawn at full height: the 99th percentile, not the maximum, so one probe bump does
 * not flatten every twitch; above it the trace is clipped. 1 when there is nothing positive.
 */
export function traceScaleTop(energy: readonly number[]): number {
  const sorted = energy.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return 1;
  const top = sorted[Math.floor(0.99 * (sorted.length - 1))];
  return top > 0 ? top : sorted[sorted.length - 1] > 0 ? sorted[sorted.length - 1] : 1;
}
