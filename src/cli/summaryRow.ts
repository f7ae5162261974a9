import type { AnalysisResult } from '../analysis/AnalysisResult';

/** One clip of a batch, as summary.csv shows it; numbers are null for a clip that failed. */
export interface SummaryRow {
  file: string;
  analysableS: number | null;
  fasciculations: number | null;
  perMinute: number | null;
  baselinePerMinute: number | null;
  warnings: string[];
}

const COLUMNS: (keyof SummaryRow)[] = ['file', 'analysableS', 'fasciculations', 'perMinute', 'baselinePerMinute', 'warnings'];

/** The row for an analysed clip. The numbers are the result's own (already rounded by the core). */
export function summaryRow(result: AnalysisResult): SummaryRow {
  return {
    file: result.input.file,
    analysableS: result.summary.analysableS,
    fasciculations: result.summary.fasciculations,
    perMinute: result.summary.perMinute,
    baselinePerMinute: result.baseline?.summary.perMinute ?? null,
    warnings: result.warnings,
  };
}

/** The row for a clip that could not be analysed: the reason stands in the warnings column. */
export function failedRow(file: string, message: string): SummaryRow {
  return { file, analysableS: null, fasciculations: null, perMinute: null, baselinePerMinute: null, warnings: [`not analysed: ${message}`] };
}

/**
 * summary.csv: a header, then one row per clip in the order given (the batch's input order, or
 * the merged files' name order), so the bytes depend on the clips alone, never on which worker
 * finished first. Several warnings share one cell, separated by " | " (RFC 4180 quoting).
 */
export function toSummaryCsv(rows: readonly SummaryRow[]): string {
  const lines = [COLUMNS.join(',')];
  for (const row of rows) {
    lines.push(COLUMNS.map((k) => cell(k === 'warnings' ? row.warnings.join(' | ') : row[k])).join(','));
  }
  return `${lines.join('\n')}\n`;
}

function cell(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
