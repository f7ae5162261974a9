import type { RectPx } from '../analysis/LumaFrame';
import type { TwitchEvent } from '../analysis/TwitchEvent';
import { KIND_COLORS } from './kindColors';
import { videoContentRect, type ContentRect } from './videoContentRect';
import { sizeCanvasToElement } from './sizeCanvasToElement';

/**
 * A canvas over the video showing where each event happened (its box, in clip pixels, scaled to
 * the displayed picture) and the image region analysed. Events under way at the current time are
 * drawn bold and numbered; the rest stay faint so the picture remains readable.
 */
export class EventOverlay {
  private events: TwitchEvent[] = [];
  private roi: { rect: RectPx; label: string } | null = null;
  private draft: RectPx | null = null;
  private rafId = 0;

  constructor(
    readonly canvas: HTMLCanvasElement,
    private readonly video: HTMLVideoElement,
  ) {
    for (const type of ['timeupdate', 'seeked', 'loadedmetadata', 'emptied']) {
      video.addEventListener(type, () => this.draw());
    }
    video.addEventListener('play', () => {
      const tick = (): void => {
        this.draw();
        if (!video.paused && !video.ended) this.rafId = requestAnimationFrame(tick);
      };
      cancelAnimationFrame(this.rafId);
      this.rafId = requestAnimationFrame(tick);
    });
    new ResizeObserver(() => this.draw()).observe(video);
  }

  /** Mapping from clip pixels to CSS pixels of the overlay, null until the video has a size. */
  contentRect(): ContentRect | null {
    const box = this.video.getBoundingClientRect();
    return videoContentRect(box.width, box.height, this.video.videoWidth, this.video.videoHeight);
  }

  setEvents(events: readonly TwitchEvent[]): void {
    this.events = [...events];
    this.draw();
  }

  addEvents(events: readonly TwitchEvent[]): void {
    this.events.push(...events);
    this.draw();
  }

  setRoi(rect: RectPx | null, label: string): void {
    this.roi = rect ? { rect, label } : null;
    this.draw();
  }

  /** The rectangle being dragged out, drawn dashed until the pointer is released. */
  setDraft(rect: RectPx | null): void {
    this.draft = rect;
    this.draw();
  }

  draw(): void {
    const sized = sizeCanvasToElement(this.canvas, this.video);
    if (!sized) return;
    const { ctx, width: w, height: hgt, ratio } = sized;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, w, hgt);
    const rect = this.contentRect();
    if (!rect) return;
    // Draw in clip pixels from here on.
    ctx.setTransform(rect.scale * ratio, 0, 0, rect.scale * ratio, rect.left * ratio, rect.top * ratio);
    const px = 1 / rect.scale; // one CSS pixel, in clip pixels
    if (this.roi) this.drawRect(ctx, this.roi.rect, '#7fdbca', px, [6 * px, 4 * px], this.roi.label);
    if (this.draft) this.drawRect(ctx, this.draft, '#ffffff', px, [3 * px, 3 * px], null);

    // An event counts as "now" from a tenth of a second before onset to one after its end, so a
    // paused frame at the onset still shows where to look.
    const t = this.video.currentTime;
    for (const e of this.events) {
      const now = t >= e.onsetS - 0.1 && t <= e.endS + 0.1;
      ctx.globalAlpha = now ? 1 : 0.25;
      ctx.strokeStyle = KIND_COLORS[e.kind];
      ctx.lineWidth = (now ? 2.5 : 1.25) * px;
      ctx.setLineDash([]);
      const r = Math.max(6 * px, Math.sqrt(e.areaPx / Math.PI));
      ctx.beginPath();
      ctx.arc(e.xPx, e.yPx, r, 0, 2 * Math.PI);
      ctx.stroke();
      if (now) {
        ctx.fillStyle = KIND_COLORS[e.kind];
        ctx.font = `${13 * px}px system-ui, sans-serif`;
        ctx.fillText(String(e.id), e.xPx + r + 3 * px, e.yPx - r);
      }
    }
    ctx.globalAlpha = 1;
  }

  private drawRect(
    ctx: CanvasRenderingContext2D,
    r: RectPx,
    color: string,
    px: number,
    dash: number[],
    label: string | null,
  ): void {
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
