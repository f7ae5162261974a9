import type { AnalysisResult } from '../analysis/AnalysisResult';
import { formatNumber } from './format';
import { onLanguageChange, t } from './i18n/i18n';
import type { Words } from './i18n/Messages';
import { mmPerPxFromDepth } from './mmPerPxFromDepth';

/** Which image height a depth scale is taken over. */
export type RegionSource = 'drawn' | 'found' | 'frame';

/**
 * "Depth (cm)": a manual scale for plain video, which carries no physical size (issue 5).
 * mm per px = depth x 10 / image-region height; the region is the user's rectangle when drawn,
 * else the one the last analysis found, else the whole frame (said plainly, as it overstates
 * the scale when the screen has margins).
 */
export class ScaleInput {
  constructor(
    private readonly input: HTMLInputElement,
    private readonly output: HTMLElement,
    private readonly regionHeight: () => { heightPx: number; source: RegionSource } | null,
  ) {
    input.addEventListener('input', () => this.refresh());
    onLanguageChange(() => this.refresh());
  }

  hasDepth(): boolean {
    return this.input.value.trim() !== '';
  }

  /** mm per px for the analysis: null when no depth is entered; words when it is wrong. */
  value(): { mmPerPx: number | null } | { error: Words } {
    const raw = this.input.value.trim();
    if (raw === '') return { mmPerPx: null };
    const region = this.regionHeight();
    if (!region) return { error: (m) => m.inputs.depthNeedsClip };
    const result = mmPerPxFromDepth(Number(raw), region.heightPx);
    return typeof result === 'function' ? { error: result } : { mmPerPx: result };
  }

  refresh(): void {
    const v = this.value();
    const region = this.regionHeight();
    const m = t().inputs;
    if ('error' in v) this.output.textContent = v.error(t());
    else if (v.mmPerPx === null) this.output.textContent = m.noScale;
    else if (region) this.output.textContent = m.scaleLine(formatNumber(v.mmPerPx, 4), formatNumber(region.heightPx, 0), region.source);
  }

  setDisabled(disabled: boolean): void {
    this.input.disabled = disabled;
  }
}

/**
 * A depth scale set before the image region was known assumed the whole frame; say so when the
 * region found turned out different, so the user can analyse again with the truer scale.
 */
export function scaleNote(mmPerPx: number | null, usedHeightPx: number, result: AnalysisResult): Words | null {
  if (mmPerPx === null || result.roi.source === 'user') return null;
  if (Math.abs(usedHeightPx - result.roi.height) <= 1) return null;
  const found = result.roi.height;
  return (m) => m.inputs.scaleNote(usedHeightPx, found, formatNumber(usedHeightPx / found, 3));
}
