import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ClipSpecInput } from '../src/simulation/ClipSpec';
import { createSimulatedClip } from '../src/simulation/createSimulatedClip';
import { writeSimulatedClip } from './writeSimulatedClip';

/**
 * `npm run make-samples`: the demo pair the app loads (a twitching clip and a baseline of the same
 * simulated calf), the tiny format fixtures, and a PNG putting simulated frames beside a real one.
 * Everything is deterministic: running it again gives the same frames (encoders may differ by version).
 */
const OUT = 'samples';
const REAL = join('..', 'shared', 'data', 'real', 'p6_passive_ROM_01_push_01.mp4');
mkdirSync(OUT, { recursive: true });

const demo: ClipSpecInput = {
  durationS: 25,
  fps: 30,
  screenWidthPx: 640,
  screenHeightPx: 480,
  depthMm: 40,
  anatomySeed: 2024,
  clock: true,
  // Clear twitches for the demo: the upper half of the amplitude range, mid-to-large territories.
  fasciculations: { ratePerMin: 40, amplitudeMm: { min: 0.25, max: 0.5 }, radiusMm: { min: 3, max: 5.5 } },
};

// The first event seed (counting up from 1) that gives 12-18 fasciculations: deterministic, and the
// demo shows a useful number of events whatever the Poisson draw.
let eventSeed = 1;
for (;;) {
  const count = createSimulatedClip({ ...demo, eventSeed }).truth.fasciculations.length;
  if (count >= 12 && count <= 18) break;
  eventSeed++;
}

const jobs: Array<{ file: string; spec: ClipSpecInput; codec: 'h264' | 'vp9'; crf?: number }> = [
  { file: 'demo-twitching.mp4', spec: { ...demo, name: 'demo-twitching', eventSeed }, codec: 'h264', crf: 21 },
  { file: 'demo-baseline.mp4', spec: { ...demo, name: 'demo-baseline', eventSeed: eventSeed + 1000, fasciculations: { ...demo.fasciculations, ratePerMin: 0 } }, codec: 'h264', crf: 21 },
  // Format fixtures: 320x240, short, a few twitches, for frame-count/timestamp tests of the sources.
  { file: 'fixture-h264.mp4', spec: { name: 'fixture-h264', screenWidthPx: 320, screenHeightPx: 240, depthMm: 30, durationS: 2.5, fps: 30, anatomySeed: 31, eventSeed: 3, fasciculations: { ratePerMin: 60 } }, codec: 'h264', crf: 23 },
  { file: 'fixture-vp9.webm', spec: { name: 'fixture-vp9', screenWidthPx: 320, screenHeightPx: 240, depthMm: 30, durationS: 2.4, fps: 25, anatomySeed: 32, eventSeed: 3, view: 'transverse', fasciculations: { ratePerMin: 60 } }, codec: 'vp9', crf: 36 },
];
for (const job of jobs) {
  const clip = createSimulatedClip(job.spec);
  const bytes = await writeSimulatedClip(clip, join(OUT, job.file), { codec: job.codec, crf: job.crf });
  console.log(`${job.file.padEnd(22)} ${clip.frameCount} frames, ${clip.truth.fasciculations.length} fasciculations, ${(bytes / 1024).toFixed(0)} KB`);
}

// Side by side: a real frame (left), the demo clip as encoded (middle), the same calf's scanner in
// the transverse view (right), all scaled to 480 px high.
if (!existsSync(REAL)) {
  console.log(`Comparison PNG not made: ${REAL} is absent (the committed one stays).`);
} else {
  const tmp = mkdtempSync(join(tmpdir(), 'twitchscope-'));
  const transverse = createSimulatedClip({ ...demo, view: 'transverse', durationS: 0.1, eventSeed });
  const frame = transverse.frames().next().value;
  if (!frame) throw new Error('the transverse clip rendered no frame');
  const pgm = join(tmp, 'transverse.pgm');
  writeFileSync(pgm, Buffer.concat([Buffer.from(`P5 ${frame.width} ${frame.height} 255\n`), Buffer.from(frame.data)]));
  const run = spawnSync('ffmpeg', ['-v', 'error', '-y', '-ss', '0.5', '-i', REAL, '-ss', '5', '-i', join(OUT, 'demo-twitching.mp4'), '-i', pgm,
    '-filter_complex', '[0:v]scale=-2:480,format=gray[a];[1:v]format=gray[b];[2:v]format=gray[c];[a][b][c]hstack=inputs=3',
    '-frames:v', '1', join(OUT, 'simulated-vs-real.png')], { encoding: 'utf8' });
  rmSync(tmp, { recursive: true, force: true });
  if (run.status !== 0) throw new Error(`ffmpeg could not make the comparison PNG: ${run.stderr}`);
  console.log('simulated-vs-real.png  real (left) | simulated longitudinal (middle) | simulated transverse (right)');
}
