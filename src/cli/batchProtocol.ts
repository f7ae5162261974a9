import type { FileSettings } from './analyzeFile';
import type { SummaryRow } from './summaryRow';

/** What each worker of the batch pool is started with (workerData). */
export interface BatchWorkerInit {
  settings: FileSettings;
}

/** One clip for a worker; the worker writes the files itself, so only a summary row travels back. */
export interface BatchTask {
  index: number;
  clip: string;
  jsonPath: string | null;
  csvPath: string | null;
}

export type BatchReply =
  | { index: number; ok: true; row: SummaryRow; durationS: number }
  | { index: number; ok: false; message: string };
