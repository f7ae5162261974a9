import type { RectPx } from '../analysis/LumaFrame';
import { drawText, GLYPH_WIDTH_PX } from './bitmapFont';
import type { ClipSpec } from './ClipSpec';

/** Where the tissue image sits on the scanner's screen, and its scale. */
export interface ScreenLayout {
  imageBoxPx: RectPx;
  mmPerPx: number;
  textScale: number;
}

/**
 * Screen layout modelled on a Telemed/Echo Blaster export (../shared/data/real, 1148x624): a top
 * bar about 7% of the height, the image about 63% of the width starting at 18%, a grey-scale bar
 * and depth scale on the left and settings text on the right.
 */
export function computeScreenLayout(spec: ClipSpec): ScreenLayout {
  const W = spec.screenWidthPx;
  const H = spec.screenHeightPx;
  const top = Math.round(0.07 * H);
  const height = H - top - Math.max(4, Math.round(0.01 * H));
  const width = Math.min(Math.round(spec.screen.imageWidth * W), Math.round(1.35 * height));
  const x = Math.round(spec.screen.imageLeft * W);
  return { imageBoxPx: { x, y: top, width, height }, mmPerPx: spec.depthMm / height, textScale: H >= 700 ? 2 : 1 };
}

const BACKGROUND = 46;
const BAR = 30;
const TEXT = 190;

/** The parts of the screen that never change: background, title text, grey bar, depth scale, settings. */
export function drawStaticScreen(spec: ClipSpec, layout: ScreenLayout): Uint8Array {
  const W = spec.screenWidthPx;
  const H = spec.screenHeightPx;
  const s = layout.textScale;
  const screen = new Uint8Array(W * H).fill(BACKGROUND);
  const box = layout.imageBoxPx;
  screen.fill(BAR, 0, box.y * W);
  const lineH = 10 * s;
  // The header's second line only where the bar is tall enough for it (small screens have one line).
  const twoLines = 4 * s + lineH + 7 * s + 2 <= box.y;
  drawText(screen, W, Math.round(0.3 * W), 4 * s, 'HOSPITAL/CLINIC: -', TEXT, s);
  if (twoLines) drawText(screen, W, Math.round(0.3 * W), 4 * s + lineH, 'MSK CALF', TEXT, s);
  drawText(screen, W, Math.round(0.55 * W), 4 * s, 'SONOGRAPHER: -', TEXT, s);
  if (twoLines) drawText(screen, W, Math.round(0.55 * W), 4 * s + lineH, `L${spec.probeMHz.toFixed(1)} LINEAR`, TEXT, s);
  // Grey-scale bar: the display map from black to white.
  const barX = Math.round(0.01 * W);
  const barW = Math.max(6, Math.round(0.02 * W));
  const barY = box.y + Math.round(0.05 * H);
  const barH = Math.round(0.2 * H);
  for (let j = 0; j < barH; j++) {
    screen.fill(Math.round(255 * (1 - j / (barH - 1))), (barY + j) * W + barX, (barY + j) * W + barX + barW);
  }
  // Depth scale: a vertical line left of the image, ticks every 5 mm, labels every 10 mm.
  const scaleX = Math.max(1, box.x - Math.round(0.04 * W));
  for (let j = box.y; j < box.y + box.height; j++) screen[j * W + scaleX] = TEXT;
  for (let mm = 0; mm <= spec.depthMm + 1e-6; mm += 5) {
    const y = Math.min(box.y + box.height - 1, box.y + Math.round(mm / layout.mmPerPx));
    const len = mm % 10 === 0 ? 6 : 3;
    screen.fill(TEXT, y * W + scaleX, y * W + scaleX + len);
    if (mm % 10 === 0) drawText(screen, W, scaleX + 8, Math.max(box.y, y - 3 * s), String(mm), TEXT, s);
  }
  const panelX = box.x + box.width + Math.round(0.07 * W);
  const lines = ['[B]', `DE ${spec.depthMm} MM`, `DR ${Math.round(spec.dynamicRangeDb)} DB`, `GN ${50 + Math.round(spec.gainDb)} %`, `FRQ ${spec.probeMHz.toFixed(1)} MHZ`, 'FRMAVG 0', 'ZOOM 100 %'];
  lines.forEach((text, i) => {
    if (panelX + text.length * GLYPH_WIDTH_PX * s < W) drawText(screen, W, panelX, box.y + 8 + i * lineH, text, TEXT, s);
  });
  return screen;
}

/** Clock text for a recording that started at startSecondOfDay; changes once per second. */
export function clockText(startSecondOfDay: number, tS: number): string {
  const total = Math.floor(startSecondOfDay + tS) % 86400;
  const hh = Math.floor(total / 3600);
  const mm = Math.floor((total % 3600) / 60);
  const ss = total % 60;
  return [hh, mm, ss].map((v) => String(v).padStart(2, '0')).join(':');
}

/** Draws the clock and a one-per-second counter into the top bar (clearing what was there). */
export function drawClock(screen: Uint8Array, spec: ClipSpec, layout: ScreenLayout, startSecondOfDay: number, tS: number): void {
  const W = spec.screenWidthPx;
  const s = layout.textScale;
  const text = `${clockText(startSecondOfDay, tS)}  T ${String(Math.floor(tS)).padStart(3, '0')}`;
  const x = W - (text.length + 1) * GLYPH_WIDTH_PX * s;
  const y = 4 * s;
  for (let j = y; j < y + 7 * s; j++) screen.fill(BAR, j * W + x, j * W + W);
  drawText(screen, W, x, y, text, TEXT, s);
}
