import { openVideoSource } from '../../../src/sources/browser/openVideoSource';
import { AnalysisClient } from '../../../src/worker-client/AnalysisClient';

/**
 * Test harness page. The chosen file goes either through the real client and worker
 * (default: frame times, as the app decodes them; ?mode=analyze: a whole analysis, summarised)
 * or, with ?mode=luma, straight through the video source on this page to report each frame's
 * luma sum (to compare with ffmpeg's Y plane).
 * The outcome is written as JSON into #result; #status becomes "done" or "error".
 */
const client = new AnalysisClient();
const input = document.querySelector<HTMLInputElement>('#file')!;
const status = document.querySelector<HTMLOutputElement>('#status')!;
const result = document.querySelector<HTMLPreElement>('#result')!;
const mode = new URLSearchParams(location.search).get('mode') ?? 'times';

async function lumaSums(file: File): Promise<{ width: number; height: number; sums: number[] }> {
  const stream = await openVideoSource(file);
  const out = { width: 0, height: 0, sums: [] as number[] };
  for await (const frame of stream.frames) {
    let sum = 0;
    for (const v of frame.data) sum += v;
    out.width = frame.width;
    out.height = frame.height;
    out.sums.push(sum);
  }
  return out;
}

input.addEventListener('change', async () => {
  const file = input.files?.[0];
  if (!file) return;
  status.value = 'working';
  try {
    const value =
      mode === 'luma'
        ? await lumaSums(file)
        : mode === 'analyze'
          ? await client.analyze(file, null, {}).then((r) => ({ frames: r.input.frames, events: r.events.length }))
          : await client.listFrameTimes(file);
    result.textContent = JSON.stringify(value);
    status.value = 'done';
  } catch (error) {
    const e = error as Error;
    result.textContent = JSON.stringify({ name: e.name, message: e.message });
    status.value = 'error';
  }
});
status.value = 'ready';
