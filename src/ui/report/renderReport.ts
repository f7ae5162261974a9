import type { AnalysisResult } from '../../analysis/AnalysisResult';
import type { EventReview, ReviewedSummary } from '../../analysis/exportResult';
import type { TwitchEvent } from '../../analysis/TwitchEvent';
import { h } from '../dom';
import { formatCount, formatDateTime, formatNumber, formatS } from '../format';
import { t } from '../i18n/i18n';
import { kindWord, reviewWord } from '../reviewWords';
import { analysableLine } from '../SummaryView';


export interface ReportData {
  result: AnalysisResult;
  reviewed: ReviewedSummary;
  events: readonly TwitchEvent[];
  reviewOf: (e: TwitchEvent) => EventReview;
  note: string;
  /** ISO time of the last review change, null when unreviewed. */
  reviewedAt: string | null;
  clipSha256: string | null;
  /** The clip's (and baseline's) file names appear only when the user ticks "Show file name". */
  showFileName: boolean;
  /** The timeline picture (drawTimelinePicture) as a data: URL. */
  timelinePng: string;
  printedAt: Date;
}

/**
 * The report as plain DOM (no innerHTML: file names and the note are user text), laid out for
 * one or two printed pages: the clip's facts, the settings and the analysable time, the rate per
 * analysable minute against the baseline, the timeline with markers, the events with their
 * review, the reviewer's note and the dates, and the fixed caveat. No patient data is inferred.
 */
export function renderReport(root: HTMLElement, d: ReportData): void {
  const m = t().report;
  const { result, reviewed } = d;
  const { input, settings } = result;
  const header = h('header', { class: 'report-header' });
  header.append(h('h1', {}, m.title), h('p', { class: 'report-sub' }, m.subtitle(result.tool.version, formatDateTime(d.printedAt))));

  const rate = h('section', { class: 'report-rate', 'aria-label': m.resultLabel });
  rate.append(h('p', { class: 'report-count' }, t().review.recount(reviewed)), h('p', {}, baselineLine(result, reviewed)));

  const baseline = result.baseline;
  const facts = h('section', { class: 'report-facts' });
  facts.append(
    definitionList(m.clipHeading, [
      [m.file, d.showFileName ? input.file : m.fileHidden],
      [m.frames, m.framesLine(formatCount(input.frames), formatNumber(input.fps, 1), formatNumber(input.durationS, 2))],
      [m.picture, `${input.width} × ${input.height} px`],
      [m.contentHash, d.clipSha256 ? `SHA-256 ${d.clipSha256.slice(0, 16)}…` : m.hashPending],
      [
        m.baseline,
        baseline
          ? d.showFileName
            ? `${baseline.input.file}, ${formatNumber(baseline.input.durationS, 1)} s`
            : m.baselineHidden(formatNumber(baseline.input.durationS, 1))
          : m.none,
      ],
    ]),
    definitionList(m.settingsHeading, [
      [m.analysable, analysableLine(result)],
      [m.confidence, settings.confidenceThreshold === null ? m.modelsOwn : formatNumber(settings.confidenceThreshold, 2)],
      [m.motionThreshold, m.motionThresholdLine(formatNumber(settings.zThreshold, 1), settings.blockSizePx)],
      [m.detector, result.tool.detector],
      [m.imageRegion, m.regionLine(`${result.roi.width} × ${result.roi.height}`, `${result.roi.x}, ${result.roi.y}`, result.roi.source)],
      [m.scale, settings.mmPerPx != null ? t().summary.mmPerPx(formatNumber(settings.mmPerPx, 4)) : t().summary.scaleUnknown],
      [m.noiseFrom, result.noise.source === 'baseline' ? m.noiseBaseline : t().summary.noiseQuiet(formatNumber(result.noise.quietS, 1))],
    ]),
  );

  const figure = h('figure', { class: 'report-timeline' });
  const img = h('img', { src: d.timelinePng, alt: m.timelineAlt(d.events.length) });
  figure.append(img, h('figcaption', {}, m.timelineCaption));

  const table = h('table', { class: 'report-events' });
  const head = h('tr');
  for (const c of m.columns) head.append(h('th', { scope: 'col' }, c));
  const thead = h('thead');
  thead.append(head);
  const tbody = h('tbody');
  for (const e of d.events) {
    const review = d.reviewOf(e);
    const row = h('tr', { class: `review-${review ?? 'none'}` });
    for (const text of [
      String(e.id), reviewWord(review), kindWord(e), formatNumber(e.probability, 2),
      formatS(e.onsetS), formatS(e.peakS), formatS(e.endS), `${Math.round(e.xPx)}, ${Math.round(e.yPx)}`,
      e.areaMm2 != null ? `${formatNumber(e.areaMm2, 1)} mm²` : `${formatNumber(e.areaPx, 0)} px`,
    ]) row.append(h('td', {}, text));
    tbody.append(row);
  }
  table.append(h('caption', {}, m.eventsCaption(d.events.length)), thead, tbody);

  const signoff = h('section', { class: 'report-signoff' });
  signoff.append(
    h('h2', {}, m.reviewer),
    h('p', { class: 'report-note' }, d.note.trim() || m.noNote),
    h('p', {}, d.reviewedAt ? m.reviewedOn(formatDateTime(new Date(d.reviewedAt))) : m.notReviewed),
    h('p', { class: 'report-sign' }, m.signature),
  );
  const caveat = h('aside', { class: 'report-caveat' });
  caveat.append(h('strong', {}, m.caveatLead), m.caveat);
  root.lang = document.documentElement.lang;
  root.replaceChildren(header, rate, facts, figure, table, signoff, caveat);
}

function baselineLine(result: AnalysisResult, reviewed: ReviewedSummary): string {
  const m = t().report;
  const b = result.baseline;
  if (!b) return m.noBaselineLine;
  const ratio = reviewed.rateRatio != null ? m.ratio(formatNumber(reviewed.rateRatio, 2)) : m.noRatio;
  return m.baselineLine(formatCount(b.summary.fasciculations), formatNumber(b.summary.perMinute, 1), formatNumber(b.summary.analysableS, 1), formatNumber(reviewed.perMinute, 1), ratio);
}

function definitionList(title: string, rows: [string, string][]): HTMLElement {
  const section = h('div', { class: 'report-block' });
  const list = h('dl');
  for (const [k, v] of rows) list.append(h('dt', {}, k), h('dd', {}, v));
  section.append(h('h2', {}, title), list);
  return section;
}
