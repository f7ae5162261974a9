import type { AnalysisResult } from '../analysis/AnalysisResult';
import { formatNumber } from './format';
import { mmPerPxFromDepth } from './mmPerPxFromDepth';

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
    private readonly regionHeight: () => { heightPx: number; what: string } | null,
  ) {
    input.addEventListener('input', () => this.refresh());
  }

  hasDepth(): boolean {
    return this.input.value.trim() !== '';
  }

  /** mm per px for the analysis: null when no depth is entered; a message when it is wrong. */
  value(): { mmPerPx: number | null } | { error: string } {
    const raw = this.input.value.trim();
    if (raw === '') return { mmPerPx: null };
    const region = this.regionHeight();
    if (!region) return { error: 'Choose a clip before entering a depth: the scale needs its image height.' };
    const result = mmPerPxFromDepth(Number(raw), region.heightPx);
    return typeof result === 'string' ? { error: result } : { mmPerPx: result };
  }

  refresh(): void {
    const v = this.value();
    const region = this.regionHeight();
    if ('error' in v) this.output.textContent = v.error;
    else if (v.mmPerPx === null) this.output.textContent = 'No scale: areas in pixels.';
    else if (region) {
      this.output.textContent = `${formatNumber(v.mmPerPx, 4)} mm per px (${formatNumber(region.heightPx, 0)} px ${region.what}).`;
    }
  }

  setDisabled(disabled: boolean): void {
    this.input.disabled = disabled;
  }
}

/**
 * A depth scale set before the image region was known assumed the whole frame; say so when the
 * region found turned out different, so the user can analyse again with the truer scale.
 */
export function scaleNote(mmPerPx: number | null, usedHeightPx: number, result: AnalysisResult): string | null {
  if (mmPerPx === null || result.roi.source === 'user') return null;
  if (Math.abs(usedHeightPx - result.roi.height) <= 1) return null;
  return `The depth scale assumed an image ${usedHeightPx} px high, but the image region found is ${result.roi.height} px high. Press Analyze again to use it (the scale is then ${(usedHeightPx / result.roi.height).toFixed(3)}× the one used here).`;
}
