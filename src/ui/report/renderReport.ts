import type { AnalysisResult } from '../../analysis/AnalysisResult';
import type { EventReview, ReviewedSummary } from '../../analysis/exportResult';
import type { TwitchEvent } from '../../analysis/TwitchEvent';
import { describeRecount } from '../../review/recountReview';
import { h } from '../dom';
import { formatNumber, formatS } from '../format';
import { KIND_LABELS } from '../kindColors';
import { reviewWord } from '../reviewWords';
import { analysableLine } from '../SummaryView';

/** Printed on every report, word for word (issue 11). */
export const REPORT_CAVEAT =
  'Calf fasciculations alone separate ALS from benign fasciculation syndrome poorly, and ultrasound misses small twitches that EMG sees. This count supports clinical and electrodiagnostic assessment; it does not replace it.';

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
  const { result, reviewed } = d;
  const { input, settings } = result;
  const header = h('header', { class: 'report-header' });
  header.append(h('h1', {}, 'Fasciculations in calf ultrasound'), h('p', { class: 'report-sub' }, `TwitchScope ${result.tool.version}, analysed on this device; printed ${longDate(d.printedAt)}`));

  const rate = h('section', { class: 'report-rate', 'aria-label': 'Result' });
  rate.append(h('p', { class: 'report-count' }, describeRecount(reviewed)), h('p', {}, baselineLine(result, reviewed)));

  const facts = h('section', { class: 'report-facts' });
  facts.append(
    definitionList('Clip', [
      ['File', d.showFileName ? input.file : 'not shown (tick “Show file name” to print it)'],
      ['Frames', `${input.frames} at ${formatNumber(input.fps, 1)} fps, ${formatNumber(input.durationS, 2)} s`],
      ['Picture', `${input.width} × ${input.height} px`],
      ['Content hash', d.clipSha256 ? `SHA-256 ${d.clipSha256.slice(0, 16)}…` : 'not yet computed'],
      ['Baseline', result.baseline ? (d.showFileName ? `${result.baseline.input.file}, ${formatNumber(result.baseline.input.durationS, 1)} s` : `${formatNumber(result.baseline.input.durationS, 1)} s (file name not shown)`) : 'none'],
    ]),
    definitionList('Settings and analysable time', [
      ['Analysable time', analysableLine(result)],
      ['Confidence threshold', settings.confidenceThreshold === null ? 'the model’s own' : formatNumber(settings.confidenceThreshold, 2)],
      ['Motion threshold', `z ≥ ${formatNumber(settings.zThreshold, 1)}, blocks of ${settings.blockSizePx} px`],
      ['Detector', result.tool.detector],
      ['Image region', `${result.roi.width} × ${result.roi.height} px at (${result.roi.x}, ${result.roi.y}), ${result.roi.source === 'user' ? 'drawn by the user' : result.roi.source === 'file' ? 'from the file' : 'found automatically'}`],
      ['Scale', settings.mmPerPx != null ? `${formatNumber(settings.mmPerPx, 4)} mm per px` : 'not known (areas in px)'],
      ['Noise floor from', result.noise.source === 'baseline' ? 'the baseline clip' : `quiet stretches of the clip (${formatNumber(result.noise.quietS, 1)} s)`],
    ]),
  );

  const figure = h('figure', { class: 'report-timeline' });
  const img = h('img', { src: d.timelinePng, alt: `Timeline of the clip with ${d.events.length} event markers and the motion-energy trace` });
  figure.append(img, h('figcaption', {}, 'Timeline: a marker per event at its onset, numbered as in the table; hatched stretches could not be analysed.'));

  const table = h('table', { class: 'report-events' });
  const head = h('tr');
  for (const c of ['#', 'Review', 'Kind', 'P(fasc.)', 'Onset s', 'Peak s', 'End s', 'x, y px', 'Area']) head.append(h('th', { scope: 'col' }, c));
  const thead = h('thead');
  thead.append(head);
  const tbody = h('tbody');
  for (const e of d.events) {
    const review = d.reviewOf(e);
    const row = h('tr', { class: `review-${review ?? 'none'}` });
    for (const text of [
      String(e.id), reviewWord(review), e.source === 'reviewer' ? 'Fasciculation (added)' : KIND_LABELS[e.kind], formatNumber(e.probability, 2),
      formatS(e.onsetS), formatS(e.peakS), formatS(e.endS), `${Math.round(e.xPx)}, ${Math.round(e.yPx)}`,
      e.areaMm2 != null ? `${formatNumber(e.areaMm2, 1)} mm²` : `${formatNumber(e.areaPx, 0)} px`,
    ]) row.append(h('td', {}, text));
    tbody.append(row);
  }
  table.append(h('caption', {}, d.events.length ? `Events (${d.events.length}); rejected ones are struck out and not counted` : 'No motion events were found.'), thead, tbody);

  const signoff = h('section', { class: 'report-signoff' });
  signoff.append(
    h('h2', {}, 'Reviewer'),
    h('p', { class: 'report-note' }, d.note.trim() || 'No note.'),
    h('p', {}, d.reviewedAt ? `Reviewed ${longDate(new Date(d.reviewedAt))}.` : 'Not reviewed: the count is the detector’s.'),
    h('p', { class: 'report-sign' }, 'Signature: ______________________________    Date: ______________'),
  );
  const caveat = h('aside', { class: 'report-caveat' });
  caveat.append(h('strong', {}, 'Caveat. '), REPORT_CAVEAT);
  root.replaceChildren(header, rate, facts, figure, table, signoff, caveat);
}

function baselineLine(result: AnalysisResult, reviewed: ReviewedSummary): string {
  const b = result.baseline;
  if (!b) return 'No baseline clip was given, so there is no comparison with the same muscle at rest.';
  const ratio = reviewed.rateRatio != null ? `${formatNumber(reviewed.rateRatio, 2)}× the baseline` : 'no ratio (no fasciculations in the baseline)';
  return `Baseline: ${b.summary.fasciculations} fasciculations, ${formatNumber(b.summary.perMinute, 1)} per analysable minute (${formatNumber(b.summary.analysableS, 1)} s analysable); clip ${formatNumber(reviewed.perMinute, 1)} per analysable minute, ${ratio}.`;
}

function definitionList(title: string, rows: [string, string][]): HTMLElement {
  const section = h('div', { class: 'report-block' });
  const list = h('dl');
  for (const [k, v] of rows) list.append(h('dt', {}, k), h('dd', {}, v));
  section.append(h('h2', {}, title), list);
  return section;
}

function longDate(d: Date): string {
  return d.toLocaleString('en-GB', { dateStyle: 'long', timeStyle: 'short' });
}
