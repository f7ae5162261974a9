import type { RectPx } from '../analysis/LumaFrame';
import type { EventOverlay } from './EventOverlay';
import { elementToClipPx } from './videoContentRect';
import type { Playback } from './player/Playback';

/**
 * The image region the user draws: drag a rectangle on the video (after pressing "Draw image
 * region"), or type x, y, width, height in clip pixels (the non-drag way, WCAG 2.5.7). "Reset"
 * goes back to automatic detection. The region is passed to the analysis as options.roiPx.
 */
export class RoiEditor {
  private roi: RectPx | null = null;
  private drawing = false;
  private start: { xPx: number; yPx: number } | null = null;

  constructor(
    private readonly overlay: EventOverlay,
    private readonly video: Playback,
    private readonly drawButton: HTMLButtonElement,
    private readonly resetButton: HTMLButtonElement,
    private readonly fields: Record<keyof RectPx, HTMLInputElement>,
    private readonly onChange: (roi: RectPx | null) => void,
  ) {
    drawButton.addEventListener('click', () => this.setDrawing(!this.drawing));
    resetButton.addEventListener('click', () => this.set(null));
    for (const input of Object.values(fields)) input.addEventListener('change', () => this.readFields());
    const canvas = overlay.canvas;
    canvas.addEventListener('pointerdown', (e) => {
      if (!this.drawing) return;
      const p = this.toClip(e);
      if (!p) return;
      canvas.setPointerCapture(e.pointerId);
      this.start = p;
    });
    canvas.addEventListener('pointermove', (e) => {
      const p = this.start && this.toClip(e);
      if (this.start && p) overlay.setDraft(rectBetween(this.start, p));
    });
    canvas.addEventListener('pointerup', (e) => {
      const p = this.start && this.toClip(e);
      const from = this.start;
      this.start = null;
      overlay.setDraft(null);
      if (!from || !p) return;
      const rect = rectBetween(from, p);
      this.setDrawing(false);
      // A click without a drag is not a region; keep the old one.
      if (rect.width >= 8 && rect.height >= 8) this.set(rect);
    });
    document.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && this.drawing) this.setDrawing(false);
    });
  }

  get current(): RectPx | null {
    return this.roi;
  }

  set(roi: RectPx | null): void {
    this.roi = roi;
    this.fields.x.value = roi ? String(roi.x) : '';
    this.fields.y.value = roi ? String(roi.y) : '';
    this.fields.width.value = roi ? String(roi.width) : '';
    this.fields.height.value = roi ? String(roi.height) : '';
    this.resetButton.disabled = roi === null;
    this.onChange(roi);
  }

  setDisabled(disabled: boolean): void {
    this.drawButton.disabled = disabled;
    this.resetButton.disabled = disabled || this.roi === null;
    for (const input of Object.values(this.fields)) input.disabled = disabled;
    if (disabled) this.setDrawing(false);
  }

  private setDrawing(on: boolean): void {
    this.drawing = on;
    this.drawButton.setAttribute('aria-pressed', String(on));
    this.overlay.canvas.classList.toggle('drawing', on);
  }

  private readFields(): void {
    const values = (['x', 'y', 'width', 'height'] as const).map((k) => this.fields[k].value.trim());
    if (values.every((v) => v === '')) {
      this.set(null);
      return;
    }
    const [x, y, width, height] = values.map((v) => Math.round(Number(v)));
    // Half-filled fields wait for the rest; the analysis validates the final numbers.
    if (![x, y, width, height].every((v) => Number.isFinite(v)) || values.some((v) => v === '')) return;
    this.roi = { x, y, width, height };
    this.resetButton.disabled = false;
    this.onChange(this.roi);
  }

  private toClip(e: PointerEvent): { xPx: number; yPx: number } | null {
    const rect = this.overlay.contentRect();
    if (!rect) return null;
    const box = this.overlay.canvas.getBoundingClientRect();
    return elementToClipPx(rect, e.clientX - box.left, e.clientY - box.top, this.video.videoWidth, this.video.videoHeight);
  }
}

function rectBetween(a: { xPx: number; yPx: number }, b: { xPx: number; yPx: number }): RectPx {
  return {
    x: Math.min(a.xPx, b.xPx),
    y: Math.min(a.yPx, b.yPx),
    width: Math.abs(a.xPx - b.xPx),
    height: Math.abs(a.yPx - b.yPx),
  };
}
