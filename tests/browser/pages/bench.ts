import { AnalysisClient } from '../../../src/worker-client/AnalysisClient';
import type { ReadStats } from './countingBlob';

/**
 * Benchmark page: for the chosen file, time decoding alone (listFrameTimes decodes every frame
 * in the worker exactly as analyze() does, and keeps only timestamps) and then the whole
 * analysis, in the same worker and the same run, so the two numbers compare directly.
 * ?reads: the worker is the app's plus a read counter (benchAnalysis.worker.ts), and the result
 * says how much of the file was read in all, in the largest read, and by half the analysis.
 * ?pause: after decoding, wait for a click on #go (the profiler starts in between).
 */
const params = new URLSearchParams(location.search);
const countReads = params.has('reads');
let latestReads: ReadStats | null = null;
const client = new AnalysisClient(
  countReads
    ? {
        createWorker: () => {
          const worker = new Worker(new URL('./benchAnalysis.worker.ts', import.meta.url), { type: 'module' });
          worker.addEventListener('message', (e: MessageEvent<{ benchReads?: ReadStats }>) => {
            if (e.data?.benchReads) latestReads = e.data.benchReads;
          });
          return worker;
        },
      }
    : {},
);
const input = document.querySelector<HTMLInputElement>('#file')!;
const go = document.querySelector<HTMLButtonElement>('#go')!;
const status = document.querySelector<HTMLOutputElement>('#status')!;
const result = document.querySelector<HTMLPreElement>('#result')!;

input.addEventListener('change', async () => {
  const file = input.files?.[0];
  if (!file) return;
  status.value = 'decoding';
  try {
    const t0 = performance.now();
    const times = await client.listFrameTimes(file);
    const t1 = performance.now();
    if (params.has('pause')) {
      status.value = 'decoded';
      go.hidden = false;
      await new Promise((resolve) => go.addEventListener('click', resolve, { once: true }));
    }
    status.value = 'analyzing';
    const t2 = performance.now();
    let bytesReadAtHalf: number | null = null;
    const analysis = await client.analyze(file, null, {}, {
      onProgress: (p) => {
        if (bytesReadAtHalf === null && p.phase === 'clip' && p.framesDone >= times.timesS.length / 2) bytesReadAtHalf = latestReads?.bytesRead ?? null;
      },
    });
    const t3 = performance.now();
    // The counter reports every 100 ms: wait for the last report of this job.
    if (countReads) await new Promise((resolve) => setTimeout(resolve, 300));
    result.textContent = JSON.stringify({
      frames: times.timesS.length,
      width: times.width,
      height: times.height,
      durationS: analysis.input.durationS,
      decodeS: (t1 - t0) / 1000,
      analyzeS: (t3 - t2) / 1000,
      fasciculations: analysis.summary.fasciculations,
      reads: countReads && latestReads ? { ...(latestReads as ReadStats), bytesReadAtHalf } : null,
    });
    status.value = 'done';
  } catch (error) {
    const e = error as Error;
    result.textContent = JSON.stringify({ name: e.name, message: e.message });
    status.value = 'error';
  }
});
status.value = 'ready';
