/**
 * npm run bench: speed and memory of the real paths, printed as tables and saved to
 * bench-data/bench.json. Never run by the tests (timings are not assertions).
 *
 * 1. Browser (the product path): Debian Chromium, the app's worker, WebCodecs decode alone vs the
 *    whole analysis on the same long clip in the same run; peak memory of Chromium's processes.
 * 2. CLI: ffmpeg decode alone vs the whole analysis; peak RSS of the Node process.
 * 3. Per-frame kernel (800x600): typed arrays vs OpenCV.js vs tfjs, the candidates for the hot loop.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { analyzeClip } from '../../src/analysis/analyzeClip';
import { DetectorPipeline } from '../../src/analysis/DetectorPipeline';
import { loadClassifier } from '../../src/cli/loadClassifier';
import { validateOptions } from '../../src/analysis/AnalysisOptions';
import { loadOpenCv } from '../../src/cli/loadOpenCv';
import { openFfmpegSource } from '../../src/sources/node/openFfmpegSource';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../browser/harness';
import { kernelBenchmarks } from './kernelBenchmarks';
import { chromium } from 'playwright-core';

const OUT = resolve('bench-data');
const REAL = resolve('../shared/data/real/p6_passive_ROM_01_push_01.mp4');

interface ClipRow {
  clip: string;
  size: string;
  videoS: number;
  frames: number;
  decodeS: number;
  endToEndS: number;
  peakMemMiB: number;
  /** Peak minus the memory just before the job started: what the clip itself cost. */
  growthMiB: number;
}

function loopClip(src: string, dest: string, seconds: number): string {
  if (!existsSync(dest)) {
    execFileSync('ffmpeg', ['-v', 'error', '-y', '-stream_loop', '-1', '-i', src, '-t', String(seconds), '-c', 'copy', dest]);
  }
  return dest;
}

function rssOfChromiumMiB(): number {
  const ps = spawnSync('ps', ['-C', 'chromium', '-o', 'rss='], { encoding: 'utf8' });
  return (ps.stdout || '').split('\n').reduce((s, l) => s + (Number(l.trim()) || 0), 0) / 1024;
}

async function browserRows(clips: string[]): Promise<ClipRow[]> {
  const dist = 'node_modules/.cache/twitchscope-bench';
  const vite = resolve('node_modules/vite/bin/vite.js');
  const build = spawnSync(process.execPath, [vite, 'build', '--outDir', dist, '--emptyOutDir', '--logLevel', 'warn'], {
    env: { ...process.env, TWITCHSCOPE_TEST_PAGES: '1' },
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new Error(`vite build failed: ${build.stderr}`);
  const port = 46000 + Math.floor(Math.random() * 1000);
  const preview = spawn(process.execPath, [vite, 'preview', '--outDir', dist, '--strictPort', '--host', '127.0.0.1', '--port', String(port)], { stdio: 'ignore' });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
  const rows: ClipRow[] = [];
  try {
    for (let i = 0; i < 50; i++) {
      try {
        if ((await fetch(`http://127.0.0.1:${port}/`)).ok) break;
      } catch {
        await new Promise((r) => setTimeout(r, 200));
      }
    }
    for (const clip of clips) {
      const page = await browser.newPage();
      await page.goto(`http://127.0.0.1:${port}/tests/browser/pages/bench.html`);
      await page.waitForFunction(() => document.querySelector('#status')?.textContent === 'ready');
      const before = rssOfChromiumMiB();
      let peak = before;
      const sampler = setInterval(() => (peak = Math.max(peak, rssOfChromiumMiB())), 250);
      await page.setInputFiles('#file', clip);
      await page.waitForFunction(() => ['done', 'error'].includes(document.querySelector('#status')?.textContent ?? ''), null, { timeout: 900_000 });
      clearInterval(sampler);
      const r = JSON.parse((await page.textContent('#result')) ?? '{}');
      if (r.message) throw new Error(`${clip}: ${r.message}`);
      rows.push({
        clip: clip.split('/').pop() ?? clip,
        size: `${r.width}x${r.height}`,
        videoS: r.durationS,
        frames: r.frames,
        decodeS: r.decodeS,
        endToEndS: r.analyzeS,
        peakMemMiB: peak,
        growthMiB: peak - before,
      });
      await page.close();
    }
  } finally {
    await browser.close();
    preview.kill();
  }
  return rows;
}

async function cliRows(clips: string[]): Promise<ClipRow[]> {
  const rows: ClipRow[] = [];
  for (const clip of clips) {
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
    const t0 = performance.now();
    const decodeOnly = await openFfmpegSource(clip);
    let frames = 0;
    let size = '';
    for await (const f of decodeOnly.frames) {
      frames++;
      size = `${f.width}x${f.height}`;
    }
    const t1 = performance.now();
    const result = await analyzeClip(await openFfmpegSource(clip), null, {}, { classifier: await loadClassifier() });
    const t2 = performance.now();
    clearInterval(sampler);
    rows.push({
      clip: clip.split('/').pop() ?? clip,
      size,
      videoS: result.input.durationS,
      frames,
      decodeS: (t1 - t0) / 1000,
      endToEndS: (t2 - t1) / 1000,
      peakMemMiB: peak / 2 ** 20,
      growthMiB: (peak - before) / 2 ** 20,
    });
  }
  return rows;
}

function printClipTable(title: string, rows: ClipRow[]): void {
  console.log(`\n${title}`);
  console.log('| clip | size | video s | frames | decode alone s | end to end s | decode s per s of video | end to end s per s of video | analysis overhead | peak memory MiB | growth during the job MiB |');
  console.log('|---|---|---|---|---|---|---|---|---|---|---|');
  for (const r of rows) {
    console.log(
      `| ${r.clip} | ${r.size} | ${r.videoS.toFixed(1)} | ${r.frames} | ${r.decodeS.toFixed(2)} | ${r.endToEndS.toFixed(2)} | ${(r.decodeS / r.videoS).toFixed(3)} | ${(r.endToEndS / r.videoS).toFixed(3)} | ${(r.endToEndS / r.decodeS).toFixed(2)}x | ${r.peakMemMiB.toFixed(0)} | ${r.growthMiB.toFixed(0)} |`,
    );
  }
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const clips = [loopClip('samples/demo-twitching.mp4', join(OUT, 'long-demo-120s.mp4'), 120)];
  if (existsSync(REAL)) clips.push(loopClip(REAL, join(OUT, 'long-real-60s.mp4'), 60));
  else console.log(`(${REAL} absent: the real-clip rows are skipped)`);
  for (const c of clips) console.log(`clip ${c}: ${(statSync(c).size / 2 ** 20).toFixed(1)} MiB`);

  const browser = await browserRows(clips);
  printClipTable('Browser (Chromium, WebCodecs in the module worker; memory = all Chromium processes)', browser);
  const cli = await cliRows(clips);
  printClipTable('CLI (Node, ffmpeg pipe; memory = Node process RSS)', cli);

  const opencv = await loadOpenCv();
  const kernels = await kernelBenchmarks(opencv?.cv ?? null);
  console.log('\nPer-frame kernel at 800x600 (speckle cells + difference + block energy), Node, ms per frame');
  console.log('| method | ms/frame | result agrees with typed arrays |');
  console.log('|---|---|---|');
  for (const k of kernels) console.log(`| ${k.method} | ${k.msPerFrame.toFixed(2)} | ${k.agrees} |`);

  // The whole per-frame analysis (DetectorPipeline.push) at 800x600 without decoding.
  const analyzer = new DetectorPipeline(validateOptions(), { width: 800, height: 600, noise: null, mmPerPx: null, imageRegionPx: null, classifier: null });
  const frame = new Uint8Array(800 * 600);
  const t0 = performance.now();
  const n = 300;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < frame.length; j += 7) frame[j] = (i * 31 + j) & 255;
    analyzer.push({ data: frame, width: 800, height: 600, timestampS: i / 30 });
  }
  const pushMs = (performance.now() - t0) / n;
  console.log(`\nDetectorPipeline.push at 800x600: ${pushMs.toFixed(2)} ms per frame`);
  writeFileSync(join(OUT, 'bench.json'), JSON.stringify({ date: new Date().toISOString(), browser, cli, kernels, analyzerPushMs: pushMs }, null, 2));
  console.log(`\nSaved ${join(OUT, 'bench.json')}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
