import type { AnalysisResult } from '../analysis/AnalysisResult';
import { byId } from './dom';
import type { EventOverlay } from './EventOverlay';

/**
 * "Heat map": colours the picture where local motion rose above its noise floor, summed over
 * the clip (seconds per block, result.motionMap) or during the current event (its blocks).
 */
export class HeatMapControl {
  private readonly toggle = byId('heat-map', HTMLButtonElement);
  private readonly scope = byId('heat-scope', HTMLSelectElement);
  private result: AnalysisResult | null = null;

  constructor(private readonly overlay: EventOverlay) {
    this.toggle.addEventListener('click', () => {
      this.toggle.setAttribute('aria-pressed', String(!this.on));
      this.apply();
    });
    this.scope.addEventListener('change', () => this.apply());
    this.setResult(null);
  }

  get on(): boolean {
    return this.toggle.getAttribute('aria-pressed') === 'true';
  }

  /** Turn the heat map on over `scope` (teaching mode shows it). */
  show(scope: 'clip' | 'event'): void {
    if (!this.result) return;
    this.scope.value = scope;
    this.toggle.setAttribute('aria-pressed', 'true');
    this.apply();
  }

  setResult(result: AnalysisResult | null): void {
    this.result = result;
    this.toggle.disabled = !result;
    this.scope.disabled = !result;
    this.apply();
  }

  private apply(): void {
    const map = this.result?.motionMap;
    this.overlay.setHeatMap(this.on && map ? { map, scope: this.scope.value === 'event' ? 'event' : 'clip' } : null);
  }
}
