import type { AnalysisResult } from '../../analysis/AnalysisResult';
import type { EventReview } from '../../analysis/exportResult';
import type { TwitchEvent } from '../../analysis/TwitchEvent';
import { drawTimelineCanvas, UNANALYSABLE_COLOR } from '../drawTimelineCanvas';
import { formatNumber } from '../format';
import { t } from '../i18n/i18n';
import { KIND_COLORS } from '../kindColors';
import { timelineTicksS } from '../timelineTicksS';

/** The picture's size in CSS px; drawn at `scale` device pixels per CSS pixel for print. */
export const PICTURE_WIDTH = 1000;
export const PICTURE_HEIGHT = 230;

const MARKER_ROW = 34;
const TRACK_TOP = MARKER_ROW + 4;
const TRACK_HEIGHT = 120;
const AXIS_TOP = TRACK_TOP + TRACK_HEIGHT;

/** Light-background kind colours: the page's are tuned for a dark one; these keep contrast on paper. */
const INK = '#1b2228';
const MUTED = '#5b6773';

/**
 * The timeline as a picture on white, for the report and "Save timeline as PNG": a marker per
 * event at its onset (a triangle in its kind's colour; hollow and crossed when rejected; a
 * diamond when added by the reviewer; numbered), the motion-energy trace, the unanalysable
 * stretches hatched, a time axis and a key. Everything is drawn here, nothing is copied from screen.
 */
export function drawTimelinePicture(result: AnalysisResult, events: readonly TwitchEvent[], reviewOf: (e: TwitchEvent) => EventReview, scale = 2): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = PICTURE_WIDTH * scale;
  canvas.height = PICTURE_HEIGHT * scale;
  const ctx = canvas.getContext('2d');
  if (!ctx) return canvas;
  ctx.scale(scale, scale);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, PICTURE_WIDTH, PICTURE_HEIGHT);
  const left = 12;
  const width = PICTURE_WIDTH - 2 * left;
  const durationS = result.input.durationS;
  const fraction = (t: number): number => (durationS > 0 ? Math.min(1, Math.max(0, t / durationS)) : 0);

  // The track: drawn by the same painter as the page's timeline, in light colours.
  ctx.save();
  ctx.translate(left, TRACK_TOP);
  ctx.fillStyle = '#f2f5f7';
  ctx.fillRect(0, 0, width, TRACK_HEIGHT);
  const track = document.createElement('canvas');
  track.width = width * scale;
  track.height = TRACK_HEIGHT * scale;
  const tctx = track.getContext('2d');
  if (tctx) {
    drawTimelineCanvas(tctx, track.width, track.height, scale, {
      events, reviewOf, unanalysable: result.unanalysable, timesS: result.trace.timesS, energy: result.trace.energy, fraction, traceColor: '#0f5e52', unanalysableColor: '#6b7683',
    });
    ctx.drawImage(track, 0, 0, width, TRACK_HEIGHT);
  }
  ctx.strokeStyle = '#c5ccd3';
  ctx.lineWidth = 1;
  ctx.strokeRect(0.5, 0.5, width - 1, TRACK_HEIGHT - 1);
  ctx.restore();

  ctx.font = '11px system-ui, sans-serif';
  for (const e of events) drawMarker(ctx, e, reviewOf(e), left + fraction(e.onsetS) * width);

  // Time axis.
  ctx.fillStyle = MUTED;
  ctx.strokeStyle = '#9aa5b0';
  ctx.textAlign = 'center';
  for (const tickS of timelineTicksS(durationS, 10)) {
    const x = left + fraction(tickS) * width;
    ctx.beginPath();
    ctx.moveTo(x, AXIS_TOP);
    ctx.lineTo(x, AXIS_TOP + 5);
    ctx.stroke();
    ctx.fillText(`${formatNumber(tickS, Number.isInteger(Math.round(tickS * 10) / 10) ? 0 : 1)} s`, Math.min(PICTURE_WIDTH - 20, Math.max(20, x)), AXIS_TOP + 17);
  }
  drawKey(ctx, left, AXIS_TOP + 44);
  return canvas;
}

function drawMarker(ctx: CanvasRenderingContext2D, e: TwitchEvent, review: EventReview, x: number): void {
  const color = KIND_COLORS[e.kind];
  const y = MARKER_ROW - 4;
  ctx.lineWidth = 1.5;
  ctx.strokeStyle = review === 'rejected' ? MUTED : INK;
  ctx.fillStyle = color;
  ctx.beginPath();
  if (review === 'added') {
    ctx.moveTo(x, y - 14);
    ctx.lineTo(x + 6, y - 7);
    ctx.lineTo(x, y);
    ctx.lineTo(x - 6, y - 7);
  } else {
    ctx.moveTo(x - 6, y - 12);
    ctx.lineTo(x + 6, y - 12);
    ctx.lineTo(x, y);
  }
  ctx.closePath();
  if (review === 'rejected') {
    ctx.stroke();
    ctx.beginPath();
    ctx.moveTo(x - 7, y - 13);
    ctx.lineTo(x + 7, y + 1);
    ctx.stroke();
  } else {
    ctx.fill();
    ctx.stroke();
  }
  ctx.fillStyle = review === 'rejected' ? MUTED : INK;
  ctx.textAlign = 'center';
  ctx.fillText(String(e.id), x, y - 17);
}

function drawKey(ctx: CanvasRenderingContext2D, x0: number, y: number): void {
  ctx.textAlign = 'left';
  ctx.font = '11px system-ui, sans-serif';
  const m = t().report.key;
  let x = x0;
  const item = (draw: (x: number) => void, label: string): void => {
    draw(x);
    ctx.fillStyle = MUTED;
    ctx.fillText(label, x + 16, y + 4);
    x += 24 + ctx.measureText(label).width;
  };
  const tri = (color: string, hollow: boolean) => (cx: number): void => {
    ctx.beginPath();
    ctx.moveTo(cx, y - 5);
    ctx.lineTo(cx + 10, y - 5);
    ctx.lineTo(cx + 5, y + 5);
    ctx.closePath();
    ctx.fillStyle = color;
    ctx.strokeStyle = INK;
    if (!hollow) ctx.fill();
    ctx.stroke();
    if (hollow) {
      ctx.beginPath();
      ctx.moveTo(cx - 1, y - 6);
      ctx.lineTo(cx + 11, y + 6);
      ctx.stroke();
    }
  };
  item(tri(KIND_COLORS.fasciculation, false), m.fasciculation);
  item(tri(KIND_COLORS['probe-motion'], false), m.otherKinds);
  item(tri(KIND_COLORS.fasciculation, true), m.rejected);
  item((cx) => {
    ctx.beginPath();
    ctx.moveTo(cx + 5, y - 6);
    ctx.lineTo(cx + 11, y);
    ctx.lineTo(cx + 5, y + 6);
    ctx.lineTo(cx - 1, y);
    ctx.closePath();
    ctx.fillStyle = KIND_COLORS.fasciculation;
    ctx.fill();
    ctx.stroke();
  }, m.added);
  item((cx) => {
    ctx.fillStyle = UNANALYSABLE_COLOR + '66';
    ctx.fillRect(cx, y - 5, 11, 10);
  }, m.unanalysable);
  item((cx) => {
    ctx.strokeStyle = '#0f5e52';
    ctx.beginPath();
    ctx.moveTo(cx, y + 3);
    ctx.lineTo(cx + 4, y - 4);
    ctx.lineTo(cx + 11, y + 2);
    ctx.stroke();
  }, m.energy);
}
