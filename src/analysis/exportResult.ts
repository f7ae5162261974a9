import type { AnalysisResult } from './AnalysisResult';
import type { TwitchEvent } from './TwitchEvent';

/** The result as pretty JSON: the same bytes from the browser's export and the CLI. */
export function toResultJson(result: AnalysisResult): string {
  return `${JSON.stringify(result, null, 2)}\n`;
}

const CSV_COLUMNS: (keyof TwitchEvent)[] = [
  'id', 'kind', 'onsetS', 'peakS', 'endS', 'durationS', 'xPx', 'yPx', 'areaPx', 'areaMm2',
  'score', 'peakDisplacementPx', 'peakDisplacementMm', 'directionCoherence', 'reason',
];

/**
 * One row per event, then the settings as `# key=value` comment lines so a CSV on its own
 * still says how it was made (RFC 4180 quoting for text fields).
 */
export function toResultCsv(result: AnalysisResult): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const e of result.events) lines.push(CSV_COLUMNS.map((k) => csvCell(e[k])).join(','));
  lines.push(`# tool=${result.tool.name} ${result.tool.version}; schemaVersion=${result.schemaVersion}`);
  lines.push(`# file=${csvCell(result.input.file)}; frames=${result.input.frames}; fps=${result.input.fps}; durationS=${result.input.durationS}`);
  lines.push(`# roi=${result.roi.x},${result.roi.y},${result.roi.width},${result.roi.height} (${result.roi.source}); noise=${result.noise.source}`);
  for (const [key, value] of Object.entries(result.settings)) lines.push(`# ${key}=${JSON.stringify(value)}`);
  return `${lines.join('\n')}\n`;
}

function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return csvCell(JSON.stringify(value));
  const text = String(value);
  return /[",\n#]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
