import type { AnalysisResult, ClipSummary } from '../analysis/AnalysisResult';
import type { ReviewedSummary } from '../analysis/exportResult';
import { EVENT_KINDS } from '../analysis/TwitchEvent';
import { h } from './dom';
import { formatCount, formatNumber } from './format';
import { t } from './i18n/i18n';

/**
 * The summary a clinician reads first: fasciculations after review (recounted at every verdict)
 * and as the detector found them, per analysable minute, the same for the baseline, their ratio,
 * and the median event duration and area. Only kind 'fasciculation' is counted by the detector;
 * other kinds are listed apart so nothing is hidden.
 */
export function renderSummary(list: HTMLDListElement, result: AnalysisResult, reviewed: ReviewedSummary): void {
  const m = t().summary;
  const { summary, input, baseline, noise, settings } = result;
  const rows: [string, string][] = [
    [m.reviewed, t().review.recount(reviewed)],
    [m.detector, countLine(summary)],
    [m.analysable, analysableLine(result)],
  ];
  if (baseline) {
    rows.push([m.baselineCount, countLine(baseline.summary)]);
    rows.push([m.rateRatio, reviewed.rateRatio != null ? `${formatNumber(reviewed.rateRatio, 2)}×` : m.ratioUndefined]);
    if (reviewed.perMinuteDifference != null) rows.push([m.rateDifference, m.perMinuteDifference(signed(reviewed.perMinuteDifference))]);
  } else {
    rows.push([m.baseline, m.noBaseline]);
  }
  rows.push([m.medianDuration, withUnit(summary.medianDurationS, 2, 's')]);
  rows.push([
    m.medianArea,
    summary.medianAreaMm2 != null
      ? `${formatNumber(summary.medianAreaMm2, 1)} mm² (${formatNumber(summary.medianAreaPx, 0)} px)`
      : withUnit(summary.medianAreaPx, 0, 'px'),
  ]);
  const others = EVENT_KINDS.filter((k) => k !== 'fasciculation' && summary.eventsByKind[k] > 0)
    .map((k) => `${t().review.kinds[k]}: ${formatCount(summary.eventsByKind[k])}`)
    .join(', ');
  rows.push([m.otherEvents, others || m.none]);
  rows.push([m.scale, settings.mmPerPx != null ? m.mmPerPx(formatNumber(settings.mmPerPx, 4)) : m.scaleUnknown]);
  rows.push([m.noiseFrom, noise.source === 'baseline' ? m.noiseBaseline(formatNumber(noise.quietS, 1)) : m.noiseQuiet(formatNumber(noise.quietS, 1))]);
  rows.push([
    m.clip,
    m.clipLine(input.file, formatCount(input.frames), formatNumber(input.fps, 1), formatNumber(input.durationS, 2), `${input.width}×${input.height}`),
  ]);

  list.replaceChildren(...rows.flatMap(([term, value]) => [h('dt', {}, term), h('dd', {}, value)]));
}

function countLine(s: ClipSummary): string {
  return t().summary.countLine(formatCount(s.fasciculations), formatNumber(s.analysableS, 1), formatNumber(s.perMinute, 1));
}

/** "18.4 s of 20.0 s (left out for too much motion: 3.20–4.80 s)", the stretches listed up to four. */
export function analysableLine(result: AnalysisResult): string {
  const m = t().summary;
  const spans = result.unanalysable;
  const listed = spans.slice(0, 4).map((p) => `${formatNumber(p.startS, 2)}–${formatNumber(p.endS, 2)} s`);
  if (spans.length > 4) listed.push(m.more(spans.length - 4));
  const rest = spans.length === 0 ? m.noneLeftOut : m.leftOut(listed.join(', '));
  return m.analysableLine(formatNumber(result.summary.analysableS, 1), formatNumber(result.input.durationS, 1), rest);
}

function withUnit(value: number | null, digits: number, unit: string): string {
  return value == null ? t().summary.noFasciculations : `${formatNumber(value, digits)} ${unit}`;
}

function signed(value: number): string {
  return `${value > 0 ? '+' : ''}${formatNumber(value, 1)}`;
}
