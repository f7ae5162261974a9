import { AnalysisClient } from '../../../src/worker-client/AnalysisClient';

/**
 * Benchmark page: for the chosen file, time decoding alone (listFrameTimes decodes every frame
 * in the worker exactly as analyze() does, and keeps only timestamps) and then the whole
 * analysis, in the same worker and the same run, so the two numbers compare directly.
 */
const client = new AnalysisClient();
const input = document.querySelector<HTMLInputElement>('#file')!;
const status = document.querySelector<HTMLOutputElement>('#status')!;
const result = document.querySelector<HTMLPreElement>('#result')!;

input.addEventListener('change', async () => {
  const file = input.files?.[0];
  if (!file) return;
  status.value = 'working';
  try {
    const t0 = performance.now();
    const times = await client.listFrameTimes(file);
    const t1 = performance.now();
    const analysis = await client.analyze(file, null, {});
    const t2 = performance.now();
    result.textContent = JSON.stringify({
      frames: times.timesS.length,
      width: times.width,
      height: times.height,
      durationS: analysis.input.durationS,
      decodeS: (t1 - t0) / 1000,
      analyzeS: (t2 - t1) / 1000,
      fasciculations: analysis.summary.fasciculations,
    });
    status.value = 'done';
  } catch (error) {
    const e = error as Error;
    result.textContent = JSON.stringify({ name: e.name, message: e.message });
    status.value = 'error';
  }
});
status.value = 'ready';
