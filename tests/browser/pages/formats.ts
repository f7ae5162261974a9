import { openBrowserSource } from '../../../src/sources/browser/openBrowserSource';

/**
 * Formats harness: the chosen file (or files, as a picture sequence) go through the worker's
 * source dispatch, run here on the page so the real ImageDecoder decodes JPEG frames. ?fps=N is
 * passed as the frame rate for untimed inputs. Reports the clip info, every frame's time, and
 * every frame's luma (small test clips only) as JSON in #result; #status is "done" or "error".
 */
const input = document.querySelector<HTMLInputElement>('#files')!;
const status = document.querySelector<HTMLOutputElement>('#status')!;
const result = document.querySelector<HTMLPreElement>('#result')!;
const fpsParam = new URLSearchParams(location.search).get('fps');

input.addEventListener('change', async () => {
  const files = Array.from(input.files ?? []);
  status.value = 'working';
  try {
    const stream = await openBrowserSource(files.length === 1 ? files[0] : files, { fps: fpsParam ? Number(fpsParam) : null });
    const timesS: number[] = [];
    const luma: number[][] = [];
    for await (const frame of stream.frames) {
      timesS.push(frame.timestampS);
      luma.push(Array.from(frame.data));
    }
    result.textContent = JSON.stringify({ info: stream.info, timesS, luma });
    status.value = 'done';
  } catch (error) {
    const e = error as Error;
    result.textContent = JSON.stringify({ name: e.name, message: e.message });
    status.value = 'error';
  }
});
status.value = 'ready';
