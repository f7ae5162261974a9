import type { AnalysisResult } from './AnalysisResult';
import type { TwitchEvent } from './TwitchEvent';

/** What a reviewer said of one event; null while nobody has looked at it (and always from the CLI). */
export type EventReview = 'accepted' | 'rejected' | 'added' | null;

/** The count after review, beside the detector's own `summary` (which a review never changes). */
export interface ReviewedSummary {
  /** Fasciculations after review: accepted + added + the detector's fasciculations not yet reviewed. */
  fasciculations: number;
  /** Events the reviewer accepted as fasciculations (of any kind the detector gave). */
  accepted: number;
  /** Twitches the reviewer marked that the detector missed. */
  added: number;
  /** The detector's fasciculations the reviewer rejected. */
  rejected: number;
  /** The detector's fasciculations nobody has accepted or rejected yet (they keep the detector's call). */
  notReviewed: number;
  analysableS: number;
  /** Per analysable minute, 2 decimals; 0 when nothing was analysable. */
  perMinute: number;
  /** Reviewed rate over the baseline's; null without a baseline or when its rate is 0. */
  rateRatio: number | null;
  perMinuteDifference: number | null;
}

/** The review section of an export: who-knows-what stays out; only the clip's content hash identifies it. */
export interface ResultReview {
  /** SHA-256 tree hash of the clip's bytes (src/review/contentHash), never its name. */
  clipSha256: string;
  /** ISO 8601 time of the last review change. */
  reviewedAt: string;
  note: string;
  summary: ReviewedSummary;
}

/** One exported event: the detector's fields, and what the reviewer said of it. */
export type ExportedEvent = TwitchEvent & { review: EventReview };

/** The export: the result, each event with its review, and the review section (null when unreviewed). */
export type ExportedResult = Omit<AnalysisResult, 'events'> & { events: ExportedEvent[]; review: ResultReview | null };

/** What a review adds to a result for export: reviewer-added events and every event's review. */
export interface ReviewForExport {
  /** Events the reviewer added (source 'reviewer'); they follow the detector's events. */
  added: readonly TwitchEvent[];
  reviewOf: (event: TwitchEvent) => EventReview;
  section: ResultReview;
}

/** The result as an export: without a review every event's review is null and so is the section. */
export function toExportedResult(result: AnalysisResult, review: ReviewForExport | null = null): ExportedResult {
  const events: ExportedEvent[] = [
    ...result.events.map((e) => ({ ...e, review: review ? review.reviewOf(e) : null })),
    ...(review?.added ?? []).map((e) => ({ ...e, review: 'added' as const })),
  ];
  return { ...result, events, review: review?.section ?? null };
}

/** The result as pretty JSON: the same bytes from the browser's export and the CLI. */
export function toResultJson(result: AnalysisResult, review: ReviewForExport | null = null): string {
  return `${JSON.stringify(toExportedResult(result, review), null, 2)}\n`;
}

const CSV_COLUMNS: (keyof ExportedEvent)[] = [
  'id', 'kind', 'onsetS', 'peakS', 'endS', 'durationS', 'xPx', 'yPx', 'areaPx', 'areaMm2',
  'score', 'probability', 'peakDisplacementPx', 'peakDisplacementMm', 'directionCoherence', 'source', 'review', 'reason',
];

/**
 * One row per event, then the settings as `# key=value` comment lines so a CSV on its own
 * still says how it was made (RFC 4180 quoting for text fields). A reviewed CSV also carries the
 * reviewed summary and the note (one line; its line breaks are written as \n).
 */
export function toResultCsv(result: AnalysisResult, review: ReviewForExport | null = null): string {
  const exported = toExportedResult(result, review);
  const lines = [CSV_COLUMNS.join(',')];
  for (const e of exported.events) lines.push(CSV_COLUMNS.map((k) => csvCell(e[k])).join(','));
  lines.push(`# tool=${result.tool.name} ${result.tool.version}; schemaVersion=${result.schemaVersion}`);
  lines.push(`# file=${csvCell(result.input.file)}; frames=${result.input.frames}; fps=${result.input.fps}; durationS=${result.input.durationS}`);
  lines.push(`# roi=${result.roi.x},${result.roi.y},${result.roi.width},${result.roi.height} (${result.roi.source}); noise=${result.noise.source}`);
  const s = result.summary;
  lines.push(`# detector: fasciculations=${s.fasciculations}; perMinute=${s.perMinute}; analysableS=${s.analysableS}`);
  const r = exported.review;
  if (r) {
    lines.push(
      `# reviewed: fasciculations=${r.summary.fasciculations}; accepted=${r.summary.accepted}; added=${r.summary.added}; rejected=${r.summary.rejected}; notReviewed=${r.summary.notReviewed}; perMinute=${r.summary.perMinute}`,
    );
    lines.push(`# reviewedAt=${r.reviewedAt}; clipSha256=${r.clipSha256}`);
    lines.push(`# note=${JSON.stringify(r.note)}`);
  }
  for (const [key, value] of Object.entries(result.settings)) lines.push(`# ${key}=${JSON.stringify(value)}`);
  return `${lines.join('\n')}\n`;
}

function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return csvCell(JSON.stringify(value));
  const text = String(value);
  return /[",\n#]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
