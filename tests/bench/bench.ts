/**
 * npm run bench [-- --only browser,first,long,cli,batch,kernels]: speed and memory of the real paths,
 * printed as tables and saved to bench-data/bench.json (a partial run replaces only its own
 * sections). Never run by the tests (timings are not assertions).
 *
 * - browser: Debian Chromium, the app's worker, WebCodecs decode alone vs the whole analysis on
 *   the same clip in the same run; memory of the bench's own Chromium process tree.
 * - first: the app page on the demo pair, Analyze to the first event on screen and to the
 *   result, with the provisional preview and without it (`?preview=0`).
 * - long: the same for a 10-minute 1080p30 clip (memory growth) and a 2 GB file (read counter:
 *   streamed, never read whole; memory flat).
 * - cli: ffmpeg decode alone vs the whole single-clip analysis; RSS of this Node process.
 * - batch: `npm run analyze -- DIR/` with one worker per core against one worker, same clips.
 * - kernels: the per-frame kernel (800x600) in typed arrays, OpenCV.js and tfjs, and
 *   DetectorPipeline.push alone.
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { DetectorPipeline } from '../../src/analysis/DetectorPipeline';
import { validateOptions } from '../../src/analysis/AnalysisOptions';
import { loadOpenCv } from '../../src/cli/loadOpenCv';
import { batchRow, type BatchRow } from './batchBench';
import { loopClip, tenMinute1080pClip, twoGigabyteClip } from './benchClips';
import { BenchBrowser, type ClipRow } from './browserBench';
import { cliRows } from './cliBench';
import { firstEventRows, LOOK_MS } from './firstEventBench';
import { kernelBenchmarks } from './kernelBenchmarks';

const OUT = resolve('bench-data');
const REAL_DIR = resolve('../shared/data/real');
const REAL = join(REAL_DIR, 'p6_passive_ROM_01_push_01.mp4');
const SECTIONS = ['browser', 'first', 'long', 'cli', 'batch', 'kernels'] as const;
type Section = (typeof SECTIONS)[number];

function chosenSections(): Set<Section> {
  const i = process.argv.indexOf('--only');
  if (i < 0) return new Set(SECTIONS);
  const names = (process.argv[i + 1] ?? '').split(',');
  const unknown = names.filter((n) => !(SECTIONS as readonly string[]).includes(n));
  if (unknown.length > 0 || names.length === 0) throw new Error(`--only takes some of ${SECTIONS.join(',')}; not ${unknown.join(',')}`);
  return new Set(names as Section[]);
}

const mib = (bytes: number): string => (bytes / 2 ** 20).toFixed(1);

function printClipTable(title: string, rows: ClipRow[]): void {
  console.log(`\n${title}`);
  console.log('| clip | size | video s | frames | worker start s | decode alone s | end to end s | decode s per s of video | end to end s per s of video | end to end / decode | peak memory MiB | growth during the job MiB | drift during the analysis MiB |');
  console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const r of rows) {
    console.log(
      `| ${r.clip} | ${r.size} | ${r.videoS.toFixed(1)} | ${r.frames} | ${r.warmUpS === undefined ? '-' : r.warmUpS.toFixed(2)} | ${r.decodeS.toFixed(2)} | ${r.endToEndS.toFixed(2)} | ${(r.decodeS / r.videoS).toFixed(3)} | ${(r.endToEndS / r.videoS).toFixed(3)} | ${(r.endToEndS / r.decodeS).toFixed(2)}x | ${r.peakMemMiB.toFixed(0)} | ${r.growthMiB.toFixed(0)} | ${r.driftMiB.toFixed(0)} |`,
    );
  }
  for (const r of rows.filter((row) => row.reads)) {
    const reads = r.reads as NonNullable<ClipRow['reads']>;
    const half = reads.bytesReadAtHalf === null ? '?' : `${((100 * reads.bytesReadAtHalf) / reads.fileBytes).toFixed(0)}%`;
    console.log(
      `reads of ${r.clip} during the analysis: ${mib(reads.bytesRead)} MiB of ${mib(reads.fileBytes)} MiB (${((100 * reads.bytesRead) / reads.fileBytes).toFixed(1)}%) in ${reads.reads} reads, the largest ${mib(reads.largestReadBytes)} MiB; ${half} of the file read at half the frames`,
    );
  }
}

function printBatch(row: BatchRow): void {
  console.log(`\nCLI batch: ${row.clips} clips, ${row.workers} workers against 1 (npm run analyze -- DIR/ --jobs N; runs in the order 1, ${row.workers}, ${row.workers}, 1)`);
  console.log('| workers | wall s (mean of 2) | cores kept busy | other programs\' cores meanwhile |');
  console.log('|---|---|---|---|');
  console.log(`| 1 | ${row.oneWorkerS.toFixed(1)} | ${row.oneWorkerCores.toFixed(2)} | ${row.othersCoresOneWorker.toFixed(2)} |`);
  console.log(`| ${row.workers} | ${row.poolS.toFixed(1)} | ${row.poolCores.toFixed(2)} | ${row.othersCoresPool.toFixed(2)} |`);
  console.log(`batch: { workers: ${row.workers}, clips: ${row.clips}, speedup: ${row.speedup.toFixed(2)} }; results identical: ${row.identical}`);
}

async function browserSection(clips: string[], countReads: (clip: string) => boolean): Promise<ClipRow[]> {
  const bench = await BenchBrowser.open('node_modules/.cache/twitchscope-bench');
  try {
    const rows: ClipRow[] = [];
    for (const clip of clips) rows.push(await bench.clipRow(clip, { countReads: countReads(clip) }));
    return rows;
  } finally {
    await bench.close();
  }
}

async function main(): Promise<void> {
  const only = chosenSections();
  mkdirSync(OUT, { recursive: true });
  const saved = join(OUT, 'bench.json');
  const report: Record<string, unknown> = existsSync(saved) ? (JSON.parse(readFileSync(saved, 'utf8')) as Record<string, unknown>) : {};
  const hasReal = existsSync(REAL);
  if (!hasReal) console.log(`(${REAL} absent: the real-clip rows and the batch use the demo clips)`);
  const source = hasReal ? REAL : resolve('samples/demo-twitching.mp4');
  const standard = [loopClip('samples/demo-twitching.mp4', join(OUT, 'long-demo-120s.mp4'), 120)];
  if (hasReal) standard.push(loopClip(REAL, join(OUT, 'long-real-60s.mp4'), 60));
  const machine = () => ({ cores: cpus().length, loadAverage1min: loadavg()[0] });
  const note = (section: Section, value: unknown): void => {
    report[section] = value;
    report[`${section}Measured`] = { date: new Date().toISOString(), ...machine() };
  };

  if (only.has('browser')) {
    const rows = await browserSection(standard, () => false);
    printClipTable('Browser (Chromium, WebCodecs in the module worker; memory = the bench Chromium\'s process tree)', rows);
    note('browser', rows);
  }
  if (only.has('first')) {
    const bench = await BenchBrowser.open('node_modules/.cache/twitchscope-bench');
    try {
      const rows = await firstEventRows(bench.browser, bench.baseUrl);
      console.log(`\nFirst event on the app page, demo pair (Analyze pressed ${LOOK_MS / 1000} s after Load demo clips; to the first event on the timeline, and to the result; median of 3 runs each)`);
      console.log('| mode | first event s | result s |');
      console.log('|---|---|---|');
      for (const r of rows) console.log(`| ${r.mode} | ${r.firstEventS.toFixed(2)} | ${r.resultS.toFixed(2)} |`);
      note('first', rows);
    } finally {
      await bench.close();
    }
  }
  if (only.has('long')) {
    const long = [tenMinute1080pClip(source, OUT), twoGigabyteClip(source, OUT)];
    for (const c of long) console.log(`clip ${c}: ${mib(statSync(c).size)} MiB`);
    const rows = await browserSection(long, () => true);
    printClipTable('Long clips in the browser (the worker counts every byte read from the file)', rows);
    note('long', rows);
  }
  if (only.has('cli')) {
    const rows = await cliRows(standard);
    printClipTable('CLI (Node, ffmpeg pipe; memory = Node process RSS)', rows);
    note('cli', rows);
  }
  if (only.has('batch')) {
    const row = batchRow(hasReal ? REAL_DIR : resolve('samples'));
    printBatch(row);
    note('batch', row);
  }
  if (only.has('kernels')) {
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
    note('kernels', kernels);
    report.analyzerPushMs = pushMs;
  }
  report.date = new Date().toISOString();
  writeFileSync(saved, JSON.stringify(report, null, 2));
  console.log(`\nSaved ${saved}`);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
