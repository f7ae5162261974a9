import { analyzeFile } from '../../src/cli/analyzeFile';
import { loadClassifier } from '../../src/cli/loadClassifier';
import { loadOpenCv } from '../../src/cli/loadOpenCv';
import { opencvDisplacement } from '../../src/cv/opencvDisplacement';
import { openFfmpegSource } from '../../src/sources/node/openFfmpegSource';
import type { ClipRow } from './browserBench';
import { memoryDriftMiB, peaksOf } from './pidTreeRss';

/**
 * The CLI path in this process: ffmpeg decode alone (every frame through the pipe), then the
 * whole single-clip analysis as `npm run analyze -- CLIP` runs it (analyzeFile, OpenCV flow).
 * Memory is this Node process's RSS (ffmpeg's own is its business: it streams from disk).
 */
export async function cliRows(clips: readonly string[]): Promise<ClipRow[]> {
  const opencv = await loadOpenCv();
  const hooks = { displacement: opencv ? opencvDisplacement(opencv.cv) : undefined, classifier: await loadClassifier() };
  const rows: ClipRow[] = [];
  for (const clip of clips) {
    const before = process.memoryUsage().rss;
    const samples: number[] = [];
    const sampler = setInterval(() => samples.push(process.memoryUsage().rss / 2 ** 20), 50);
    const t0 = performance.now();
    let frames = 0;
    let size = '';
    for await (const f of (await openFfmpegSource(clip)).frames) {
      frames++;
      size = `${f.width}x${f.height}`;
    }
    const t1 = performance.now();
    const analysisFrom = samples.length;
    const result = await analyzeFile(clip, { baseline: null, options: {}, fps: null, decoderThreads: null }, hooks);
    const t2 = performance.now();
    clearInterval(sampler);
    const peakMiB = Math.max(before / 2 ** 20, ...samples);
    rows.push({
      clip: clip.split('/').pop() ?? clip,
      size,
      videoS: result.input.durationS,
      frames,
      decodeS: (t1 - t0) / 1000,
      endToEndS: (t2 - t1) / 1000,
      peakMemMiB: peakMiB,
      growthMiB: peakMiB - before / 2 ** 20,
      driftMiB: memoryDriftMiB(samples.slice(analysisFrom)),
      memoryMiB: peaksOf(samples.slice(analysisFrom), 40),
    });
  }
  return rows;
}
