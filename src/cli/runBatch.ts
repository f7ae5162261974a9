import { statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import type { FileSettings } from './analyzeFile';
import { BatchProgress } from './BatchProgress';
import type { BatchReply, BatchTask, BatchWorkerInit } from './batchProtocol';
import { clipStem } from './listClips';
import { startWorkerThread } from './startWorkerThread';
import { failedRow, type SummaryRow } from './summaryRow';

export interface BatchPlan {
  clips: readonly string[];
  /** Threads at most (never more than there are clips). */
  jobs: number;
  settings: FileSettings;
  /** Folder for one result JSON per clip; null writes none. */
  outDir: string | null;
  /** Folder for one event CSV per clip; null writes none. */
  csvDir: string | null;
}

export interface BatchOutcome {
  /** One per clip, in the plan's order (never the order in which workers finished). */
  rows: SummaryRow[];
  failures: number;
}

const WORKER_ENTRY = new URL('./batchWorker.ts', import.meta.url);

/**
 * The batch pool: `jobs` worker threads, each running the same analysis as the single-clip CLI
 * (batchWorker.ts), one clip at a time from a shared queue, largest file first: the long clips
 * start early and the short ones fill in at the end, so no thread finishes long before the
 * others (longest-processing-time-first scheduling). A clip that fails, even one that
 * crashes its thread, becomes a failed row and the rest go on; a crashed thread is replaced.
 * Each thread's ffmpeg decodes with one thread (settings.decoderThreads): the pool already
 * keeps every core busy, and ffmpeg's default of one decoder thread per core would only add
 * contention.
 */
export function runBatch(plan: BatchPlan, log: (line: string) => void): Promise<BatchOutcome> {
  const { clips } = plan;
  const rows: (SummaryRow | null)[] = clips.map(() => null);
  const bytes = clips.map(fileBytes);
  const queue = clips.map((_, i) => i).sort((a, b) => bytes[b] - bytes[a] || a - b);
  const progress = new BatchProgress(bytes);
  let failures = 0;
  let next = 0;
  let running = 0;

  return new Promise((resolve) => {
    const finishIfDone = (): void => {
      if (running === 0 && next >= clips.length) resolve({ rows: rows.map((r, i) => r ?? failedRow(basename(clips[i]), 'it was not analysed')), failures });
    };
    const settle = (reply: BatchReply): void => {
      const name = basename(clips[reply.index]);
      if (reply.ok) {
        rows[reply.index] = reply.row;
        const r = reply.row;
        log(progress.clipDone(reply.index, true, `${name}: ${r.fasciculations} fasciculations (${r.perMinute}/min) in ${reply.durationS} s`));
      } else {
        failures++;
        rows[reply.index] = failedRow(name, reply.message);
        log(progress.clipDone(reply.index, false, `${name} failed: ${reply.message}`));
      }
    };
    const task = (index: number): BatchTask => {
      const stem = clipStem(clips[index]);
      return {
        index,
        clip: clips[index],
        jsonPath: plan.outDir ? join(plan.outDir, `${stem}.json`) : null,
        csvPath: plan.csvDir ? join(plan.csvDir, `${stem}.csv`) : null,
      };
    };
    const startThread = (): void => {
      const init: BatchWorkerInit = { settings: plan.settings };
      const worker: Worker = startWorkerThread(WORKER_ENTRY, { workerData: init, stdout: false, stderr: false });
      running++;
      let current: number | null = null;
      const feed = (): void => {
        if (next >= clips.length) {
          current = null;
          void worker.terminate();
          return;
        }
        current = queue[next++];
        worker.postMessage(task(current));
      };
      worker.on('message', (reply: BatchReply) => {
        settle(reply);
        feed();
      });
      // A thread that dies mid-clip (out of memory, a bug below the analysis) fails that clip only.
      let crash: Error | null = null;
      worker.on('error', (err) => (crash = err));
      worker.on('exit', (code) => {
        running--;
        if (current !== null) {
          const why = crash ? `the analysis stopped unexpectedly (${crash.message})` : `the analysis thread exited with code ${code}`;
          settle({ index: current, ok: false, message: why });
          current = null;
          if (next < clips.length) startThread();
        }
        finishIfDone();
      });
      feed();
    };
    const threads = Math.max(1, Math.min(plan.jobs, clips.length));
    for (let i = 0; i < threads; i++) startThread();
  });
}

function fileBytes(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}
