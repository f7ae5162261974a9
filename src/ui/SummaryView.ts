import type { AnalysisResult, ClipSummary } from '../analysis/AnalysisResult';
import { EVENT_KINDS } from '../analysis/TwitchEvent';
import { h } from './dom';
import { formatNumber } from './format';
import { KIND_LABELS } from './kindColors';

/**
 * The summary a clinician reads first: fasciculations in the clip and per minute, the same for
 * the baseline, their ratio, and the median event duration and area. Only kind 'fasciculation'
 * is counted (the analysis does this); other kinds are listed apart so nothing is hidden.
 */
export function renderSummary(list: HTMLDListElement, result: AnalysisResult): void {
  const { summary, input, baseline, comparison, noise, settings } = result;
  const rows: [string, string][] = [
    ['Fasciculations in the clip', countLine(summary, input.durationS)],
  ];
  if (baseline) {
    rows.push(['Fasciculations in the baseline', countLine(baseline.summary, baseline.input.durationS)]);
    rows.push([
      'Rate ratio, clip ÷ baseline',
      comparison?.rateRatio != null
        ? `${formatNumber(comparison.rateRatio, 2)}×`
        : 'not defined (no fasciculations in the baseline)',
    ]);
    if (comparison) {
      rows.push(['Rate difference, clip − baseline', `${signed(comparison.perMinuteDifference)} per minute`]);
    }
  } else {
    rows.push(['Baseline', 'none given']);
  }
  rows.push(['Median fasciculation duration', withUnit(summary.medianDurationS, 2, 's')]);
  rows.push([
    'Median fasciculation area',
    summary.medianAreaMm2 != null
      ? `${formatNumber(summary.medianAreaMm2, 1)} mm² (${formatNumber(summary.medianAreaPx, 0)} px)`
      : withUnit(summary.medianAreaPx, 0, 'px'),
  ]);
  const others = EVENT_KINDS.filter((k) => k !== 'fasciculation' && summary.eventsByKind[k] > 0)
    .map((k) => `${KIND_LABELS[k]}: ${summary.eventsByKind[k]}`)
    .join(', ');
  rows.push(['Other motion events (not counted)', others || 'none']);
  rows.push([
    'Scale',
    settings.mmPerPx != null ? `${formatNumber(settings.mmPerPx, 4)} mm per px` : 'not known (areas in px)',
  ]);
  rows.push([
    'Noise floor from',
    noise.source === 'baseline'
      ? `the baseline clip (${formatNumber(noise.quietS, 1)} s)`
      : `quiet stretches of the clip (${formatNumber(noise.quietS, 1)} s)`,
  ]);
  rows.push(['Clip', `${input.file}: ${input.frames} frames, ${formatNumber(input.fps, 1)} fps, ${formatNumber(input.durationS, 2)} s, ${input.width}×${input.height} px`]);

  list.replaceChildren(...rows.flatMap(([term, value]) => [h('dt', {}, term), h('dd', {}, value)]));
}

function countLine(s: ClipSummary, durationS: number): string {
  return `${s.fasciculations} in ${formatNumber(durationS, 1)} s (${formatNumber(s.perMinute, 1)} per minute)`;
}

function withUnit(value: number | null, digits: number, unit: string): string {
  return value == null ? 'no fasciculations' : `${formatNumber(value, digits)} ${unit}`;
}

function signed(value: number): string {
  return `${value > 0 ? '+' : ''}${formatNumber(value, 1)}`;
}
