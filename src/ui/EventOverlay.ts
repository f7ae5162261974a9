import type { MotionMap } from '../analysis/AnalysisResult';
import type { EventReview } from '../analysis/exportResult';
import type { RectPx } from '../analysis/LumaFrame';
import type { TwitchEvent } from '../analysis/TwitchEvent';
import { drawHeatMap } from './drawHeatMap';
import { onLanguageChange, t } from './i18n/i18n';
import type { Words } from './i18n/Messages';
import { KIND_COLORS } from './kindColors';
import type { Playback } from './player/Playback';
import { sizeCanvasToElement } from './sizeCanvasToElement';
import { videoContentRect, type ContentRect } from './videoContentRect';

/** An event counts as "now" from a tenth of a second before onset to one after its end. */
const NOW_SLACK_S = 0.1;

/** True while `e` is under way at `t` (with NOW_SLACK_S either side), so a paused onset frame shows it. */
export function isUnderWay(e: TwitchEvent, t: number): boolean {
  return t >= e.onsetS - NOW_SLACK_S && t <= e.endS + NOW_SLACK_S;
}

/**
 * A canvas over the picture showing where each event happened (a ring of its area, in clip
 * pixels, scaled to the displayed picture), the image region analysed and, when asked, the heat
 * map. Events under way at the current time are drawn bold and numbered, the current event
 * thicker still; rejected events are dashed and crossed, added ones are diamonds.
 */
export class EventOverlay {
  private events: TwitchEvent[] = [];
  private reviewOf: (e: TwitchEvent) => EventReview = () => null;
  private selectedId: number | null = null;
  private roi: { rect: RectPx; label: Words } | null = null;
  private draft: RectPx | null = null;
  private heat: { map: MotionMap; scope: 'clip' | 'event' } | null = null;
  private rafId = 0;

  constructor(
    readonly canvas: HTMLCanvasElement,
    private readonly video: Playback,
  ) {
    for (const type of ['timeupdate', 'seeked', 'loadedmetadata', 'emptied'] as const) {
      video.on(type, () => this.draw());
    }
    video.on('play', () => {
      const tick = (): void => {
        this.draw();
        if (!video.paused && !video.ended) this.rafId = requestAnimationFrame(tick);
      };
      cancelAnimationFrame(this.rafId);
      this.rafId = requestAnimationFrame(tick);
    });
    // The overlay fills the picture's box (video-wrap), whichever element shows the picture.
    new ResizeObserver(() => this.draw()).observe(canvas.parentElement ?? canvas);
    onLanguageChange(() => this.draw());
  }

  /** Mapping from clip pixels to CSS pixels of the overlay, null until the picture has a size. */
  contentRect(): ContentRect | null {
    const box = this.video.element.getBoundingClientRect();
    return videoContentRect(box.width, box.height, this.video.videoWidth, this.video.videoHeight);
  }

  setEvents(events: readonly TwitchEvent[], reviewOf: (e: TwitchEvent) => EventReview = () => null): void {
    this.events = [...events];
    this.reviewOf = reviewOf;
    this.draw();
  }

  addEvents(events: readonly TwitchEvent[]): void {
    this.events.push(...events);
    this.draw();
  }

  setSelected(id: number | null): void {
    this.selectedId = id;
    this.draw();
  }

  /** The heat map over the picture (null: off): of the current event's blocks, or of the whole clip. */
  setHeatMap(heat: { map: MotionMap; scope: 'clip' | 'event' } | null): void {
    this.heat = heat;
    this.draw();
  }

  setRoi(rect: RectPx | null, label: Words): void {
    this.roi = rect ? { rect, label } : null;
    this.draw();
  }

  /** The rectangle being dragged out, drawn dashed until the pointer is released. */
  setDraft(rect: RectPx | null): void {
    this.draft = rect;
    this.draw();
  }

  draw(): void {
    const sized = sizeCanvasToElement(this.canvas, this.video.element);
    if (!sized) return;
    const { ctx, width: w, height: hgt, ratio } = sized;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, w, hgt);
    const rect = this.contentRect();
    if (!rect) return;
    // Draw in clip pixels from here on.
    ctx.setTransform(rect.scale * ratio, 0, 0, rect.scale * ratio, rect.left * ratio, rect.top * ratio);
    const px = 1 / rect.scale; // one CSS pixel, in clip pixels
    if (this.heat) {
      const current = this.events.find((e) => e.id === this.selectedId);
      if (this.heat.scope === 'clip') drawHeatMap(ctx, this.heat.map, null);
      else if (current) drawHeatMap(ctx, this.heat.map, current.blocks);
    }
    if (this.roi) this.drawRect(ctx, this.roi.rect, '#7fdbca', px, [6 * px, 4 * px], this.roi.label(t()));
    if (this.draft) this.drawRect(ctx, this.draft, '#ffffff', px, [3 * px, 3 * px], null);
    const timeS = this.video.currentTime;
    for (const e of this.events) this.drawEvent(ctx, e, isUnderWay(e, timeS), px);
    ctx.globalAlpha = 1;
    ctx.setLineDash([]);
  }

  private drawEvent(ctx: CanvasRenderingContext2D, e: TwitchEvent, now: boolean, px: number): void {
    const review = this.reviewOf(e);
    const selected = e.id === this.selectedId;
    ctx.globalAlpha = now || selected ? 1 : 0.25;
    ctx.strokeStyle = KIND_COLORS[e.kind];
    ctx.lineWidth = (selected ? 3.5 : now ? 2.5 : 1.25) * px;
    ctx.setLineDash(review === 'rejected' ? [4 * px, 3 * px] : []);
    const r = Math.max(6 * px, Math.sqrt(e.areaPx / Math.PI));
    ctx.beginPath();
    if (review === 'added') {
      ctx.moveTo(e.xPx, e.yPx - r);
      ctx.lineTo(e.xPx + r, e.yPx);
      ctx.lineTo(e.xPx, e.yPx + r);
      ctx.lineTo(e.xPx - r, e.yPx);
      ctx.closePath();
    } else ctx.arc(e.xPx, e.yPx, r, 0, 2 * Math.PI);
    if (review === 'rejected') {
      const d = r * Math.SQRT1_2;
      ctx.moveTo(e.xPx - d, e.yPx - d);
      ctx.lineTo(e.xPx + d, e.yPx + d);
    }
    ctx.stroke();
    if (now || selected) {
      ctx.fillStyle = KIND_COLORS[e.kind];
      ctx.font = `${13 * px}px system-ui, sans-serif`;
      ctx.fillText(review === 'rejected' ? t().player.rejectedRing(e.id) : String(e.id), e.xPx + r + 3 * px, e.yPx - r);
    }
  }

  private drawRect(ctx: CanvasRenderingContext2D, r: RectPx, color: string, px: number, dash: number[], label: string | null): void {
    ctx.globalAlpha = 1;
    ctx.strokeStyle = color;
    ctx.lineWidth = 1.5 * px;
    ctx.setLineDash(dash);
    ctx.strokeRect(r.x, r.y, r.width, r.height);
    if (label) {
      ctx.fillStyle = color;
      ctx.font = `${12 * px}px system-ui, sans-serif`;
      ctx.fillText(label, r.x + 4 * px, r.y + 14 * px);
    }
    ctx.setLineDash([]);
  }
}
