import { AnalysisClient } from '../../../src/worker-client/AnalysisClient';
import type { ReadStats } from './countingBlob';

/**
 * Benchmark page: for the chosen file, time the whole analysis and then decoding alone
 * (listFrameTimes decodes every frame in the worker exactly as analyze() does, and keeps only
 * timestamps), in the same worker and the same run, so the two numbers compare directly.
 * ?reads: the worker is the app's plus a read counter (benchAnalysis.worker.ts), and the result
 * says how much of the file was read in all, in the largest read, and by half the analysis.
 * ?pause: decode first, then wait for a click on #go before analysing (the profiler starts in between).
 * Before the analysis the worker warms up, as the app's does when a clip is chosen; its time is
 * reported apart (warmUpS).
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

interface Decoded {
  frames: number;
  width: number;
  height: number;
  decodeS: number;
}

/** Decode every frame in the worker, keeping only the timestamps; seconds it took. */
async function decodeAlone(file: File): Promise<Decoded> {
  const t0 = performance.now();
  const times = await client.listFrameTimes(file);
  return { frames: times.timesS.length, width: times.width, height: times.height, decodeS: (performance.now() - t0) / 1000 };
}

input.addEventListener('change', async () => {
  const file = input.files?.[0];
  if (!file) return;
  try {
    // The analysis runs first, on a fresh page, so the memory it adds is its own: a decoding
    // pass before it would leave garbage that the analysis's peak would then include.
    // With ?pause (profiling) the decoding goes first, so the worker is up when the profiler attaches.
    let decoded: Decoded | null = null;
    if (params.has('pause')) {
      status.value = 'decoding';
      decoded = await decodeAlone(file);
      status.value = 'decoded';
      go.hidden = false;
      await new Promise((resolve) => go.addEventListener('click', resolve, { once: true }));
    }
    // As the app does when a clip is chosen (App.ts): the worker loads OpenCV and the classifier
    // before Analyze. Timed on its own, so the start-up is reported, not folded into the per-frame rate.
    const w0 = performance.now();
    await client.warmUp();
    const warmUpS = (performance.now() - w0) / 1000;
    status.value = 'analyzing';
    const t0 = performance.now();
    let bytesReadAtHalf: number | null = null;
    const analysis = await client.analyze(file, null, {}, {
      onProgress: (p) => {
        const total = decoded?.frames ?? p.framesTotal;
        if (bytesReadAtHalf === null && p.phase === 'clip' && total && p.framesDone >= total / 2) bytesReadAtHalf = latestReads?.bytesRead ?? null;
      },
    });
    const analyzeS = (performance.now() - t0) / 1000;
    // The counter reports every 100 ms: wait for the last report of this job.
    if (countReads) await new Promise((resolve) => setTimeout(resolve, 300));
    const reads = countReads && latestReads ? { ...(latestReads as ReadStats), bytesReadAtHalf } : null;
    status.value = 'decoding';
    decoded ??= await decodeAlone(file);
    result.textContent = JSON.stringify({
      ...decoded,
      durationS: analysis.input.durationS,
      analyzeS,
      warmUpS,
      fasciculations: analysis.summary.fasciculations,
      reads,
    });
    status.value = 'done';
  } catch (error) {
    const e = error as Error;
    result.textContent = JSON.stringify({ name: e.name, message: e.message });
    status.value = 'error';
  }
});
status.value = 'ready';
