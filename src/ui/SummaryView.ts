import type { AnalysisResult, ClipSummary } from '../analysis/AnalysisResult';
import type { ReviewedSummary } from '../analysis/exportResult';
import { describeRecount } from '../review/recountReview';
import { EVENT_KINDS } from '../analysis/TwitchEvent';
import { h } from './dom';
import { formatNumber } from './format';
import { KIND_LABELS } from './kindColors';

/**
 * The summary a clinician reads first: fasciculations after review (recounted at every verdict)
 * and as the detector found them, per analysable minute, the same for the baseline, their ratio,
 * and the median event duration and area. Only kind 'fasciculation' is counted by the detector;
 * other kinds are listed apart so nothing is hidden.
 */
export function renderSummary(list: HTMLDListElement, result: AnalysisResult, reviewed: ReviewedSummary): void {
  const { summary, input, baseline, noise, settings } = result;
  const rows: [string, string][] = [
    ['Fasciculations (reviewed)', describeRecount(reviewed)],
    ['Found by the detector', countLine(summary)],
    ['Analysable time', analysableLine(result)],
  ];
  if (baseline) {
    rows.push(['Fasciculations in the baseline', countLine(baseline.summary)]);
    rows.push([
      'Rate ratio, clip ÷ baseline',
      reviewed.rateRatio != null ? `${formatNumber(reviewed.rateRatio, 2)}×` : 'not defined (no fasciculations in the baseline)',
    ]);
    if (reviewed.perMinuteDifference != null) {
      rows.push(['Rate difference, clip − baseline', `${signed(reviewed.perMinuteDifference)} per analysable minute`]);
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

function countLine(s: ClipSummary): string {
  return `${s.fasciculations} in ${formatNumber(s.analysableS, 1)} analysable s (${formatNumber(s.perMinute, 1)} per analysable minute)`;
}

/** "18.4 s of 20.0 s (left out for too much motion: 3.20–4.80 s)", the stretches listed up to four. */
export function analysableLine(result: AnalysisResult): string {
  const spans = result.unanalysable;
  const listed = spans.slice(0, 4).map((p) => `${formatNumber(p.startS, 2)}–${formatNumber(p.endS, 2)} s`);
  if (spans.length > 4) listed.push(`${spans.length - 4} more`);
  const rest = spans.length === 0 ? 'none left out' : `left out for too much motion: ${listed.join(', ')}`;
  return `${formatNumber(result.summary.analysableS, 1)} s of ${formatNumber(result.input.durationS, 1)} s (${rest})`;
}

function withUnit(value: number | null, digits: number, unit: string): string {
  return value == null ? 'no fasciculations' : `${formatNumber(value, digits)} ${unit}`;
}

function signed(value: number): string {
  return `${value > 0 ? '+' : ''}${formatNumber(value, 1)}`;
}
