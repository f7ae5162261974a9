import type { TimeSpan } from '../analysis/AnalysisResult';
import type { EventReview } from '../analysis/exportResult';
import type { TwitchEvent } from '../analysis/TwitchEvent';
import { KIND_COLORS } from './kindColors';

export interface TimelinePicture {
  events: readonly TwitchEvent[];
  reviewOf?: (e: TwitchEvent) => EventReview;
  /** Stretches with too much motion to see a twitch. */
  unanalysable?: readonly TimeSpan[];
  /** Events found under a provisional floor, before the final analysis reaches them: outlined, dashed. */
  provisional?: readonly TwitchEvent[];
  timesS: readonly number[];
  energy: readonly number[];
  /** Time to 0..1 across the axis. */
  fraction: (timeS: number) => number;
  /** Trace colour; the page's is for a dark background. */
  traceColor?: string;
  unanalysableColor?: string;
}

/** Grey hatching for unanalysable time: a pattern as well as a tone, so it reads without colour. */
export const UNANALYSABLE_COLOR = '#8a96a3';

/**
 * Paints the timeline: unanalysable stretches hatched, each event's span faint in its kind's
 * colour (a rejected one only outlined), then the motion-energy trace on top. `ratio` is device
 * pixels per CSS pixel (line widths stay crisp on any screen).
 */
export function drawTimelineCanvas(ctx: CanvasRenderingContext2D, widthPx: number, heightPx: number, ratio: number, pic: TimelinePicture): void {
  ctx.clearRect(0, 0, widthPx, heightPx);
  drawUnanalysable(ctx, widthPx, heightPx, ratio, pic);
  for (const e of pic.events) {
    const x0 = pic.fraction(e.onsetS) * widthPx;
    const x1 = pic.fraction(e.endS) * widthPx;
    const w = Math.max(2 * ratio, x1 - x0);
    if (pic.reviewOf?.(e) === 'rejected') {
      ctx.strokeStyle = KIND_COLORS[e.kind] + '80';
      ctx.lineWidth = ratio;
      ctx.strokeRect(x0, 0.5 * ratio, w, heightPx - ratio);
    } else {
      ctx.fillStyle = KIND_COLORS[e.kind] + '40'; // 25 % opacity
      ctx.fillRect(x0, 0, w, heightPx);
    }
  }
  drawProvisional(ctx, widthPx, heightPx, ratio, pic);
  const n = Math.min(pic.timesS.length, pic.energy.length);
  if (n < 2) return;
  const top = traceScaleTop(pic.energy);
  const pad = 4 * ratio;
  ctx.strokeStyle = pic.traceColor ?? '#9fd3c7';
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

/** Dashed outlines: found, but not yet confirmed (the line pattern reads without colour). */
function drawProvisional(ctx: CanvasRenderingContext2D, widthPx: number, heightPx: number, ratio: number, pic: TimelinePicture): void {
  const events = pic.provisional ?? [];
  if (events.length === 0) return;
  ctx.save();
  ctx.setLineDash([3 * ratio, 2 * ratio]);
  ctx.lineWidth = 1.5 * ratio;
  for (const e of events) {
    const x0 = pic.fraction(e.onsetS) * widthPx;
    const w = Math.max(3 * ratio, pic.fraction(e.endS) * widthPx - x0);
    ctx.strokeStyle = KIND_COLORS[e.kind];
    ctx.strokeRect(x0, ratio, w, heightPx - 2 * ratio);
  }
  ctx.restore();
}

function drawUnanalysable(ctx: CanvasRenderingContext2D, widthPx: number, heightPx: number, ratio: number, pic: TimelinePicture): void {
  const color = pic.unanalysableColor ?? UNANALYSABLE_COLOR;
  for (const span of pic.unanalysable ?? []) {
    const x0 = pic.fraction(span.startS) * widthPx;
    const x1 = Math.max(x0 + ratio, pic.fraction(span.endS) * widthPx);
    ctx.save();
    ctx.beginPath();
    ctx.rect(x0, 0, x1 - x0, heightPx);
    ctx.clip();
    ctx.fillStyle = color + '33';
    ctx.fillRect(x0, 0, x1 - x0, heightPx);
    ctx.strokeStyle = color + 'aa';
    ctx.lineWidth = ratio;
    const step = 6 * ratio;
    ctx.beginPath();
    for (let x = x0 - heightPx; x < x1; x += step) {
      ctx.moveTo(x, heightPx);
      ctx.lineTo(x + heightPx, 0);
    }
    ctx.stroke();
    ctx.restore();
  }
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
