import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { AnalysisResult } from '../analysis/AnalysisResult';
import { isFolder, naturalOrder } from './listClips';
import { summaryRow, type SummaryRow } from './summaryRow';

/**
 * `--merge`: summary rows from result JSON files written earlier (one per cluster task, or a
 * batch's results folder), with the same row code as the batch pool, so the merged summary.csv
 * is the pool's for the same results. Folders give their *.json files in natural name order.
 * A file that is not a TwitchScope result is an error that names it: a summary silently missing
 * a clip would be worse than none.
 */
export function mergeResults(paths: readonly string[]): SummaryRow[] {
  const files: string[] = [];
  for (const path of paths) {
    if (isFolder(path)) {
      const names = readdirSync(path).filter((n) => n.toLowerCase().endsWith('.json') && !n.startsWith('.')).sort(naturalOrder);
      files.push(...names.map((n) => join(path, n)));
    } else files.push(path);
  }
  if (files.length === 0) throw new Error(`No result JSON files found in ${paths.join(', ')}.`);
  return files.map((file) => summaryRow(readResult(file)));
}

function readResult(file: string): AnalysisResult {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new Error(`Cannot read "${file}".`);
  }
  let parsed: Partial<AnalysisResult>;
  try {
    parsed = JSON.parse(text) as Partial<AnalysisResult>;
  } catch {
    throw new Error(`"${basename(file)}" is not JSON (is it cut short?); analyse its clip again.`);
  }
  if (parsed?.tool?.name !== 'twitchscope' || typeof parsed.schemaVersion !== 'number' || !parsed.summary || !parsed.input) {
    throw new Error(`"${basename(file)}" is not a TwitchScope result file; leave only results in the folder.`);
  }
  return parsed as AnalysisResult;
}

