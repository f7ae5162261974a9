import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openPage } from './harness';

/**
 * The worker's frame source in real Chromium against ffprobe, frame by frame: same count,
 * same presentation times (ffprobe prints 6 decimals; WebCodecs keeps whole microseconds, so
 * 2 us covers both roundings), same size, and the same luma as ffmpeg's Y plane.
 * Clips are made here with ffmpeg's testsrc2 so the test needs nothing committed.
 */
const TIME_TOLERANCE_S = 2e-6;

const CLIPS: { name: string; args: string[] }[] = [
  // H.264 with B-frames (x264 default) and a size that is not a multiple of 16 (coded 336x256).
  { name: 'h264-bframes.mp4', args: ['-f', 'lavfi', '-i', 'testsrc2=size=328x244:rate=30:duration=2', '-c:v', 'libx264', '-pix_fmt', 'yuv420p'] },
  { name: 'vp9.webm', args: ['-f', 'lavfi', '-i', 'testsrc2=size=320x240:rate=25:duration=2', '-c:v', 'libvpx-vp9', '-deadline', 'realtime', '-cpu-used', '8', '-pix_fmt', 'yuv420p'] },
  // Variable frame rate: 30 fps for 20 frames, then 12 fps.
  {
    name: 'h264-vfr.mp4',
    args: ['-f', 'lavfi', '-i', 'testsrc2=size=320x240:rate=30:duration=2', '-vf', "setpts='if(lt(N,20),N/30,20/30+(N-20)/12)/TB'",
      '-fps_mode', 'vfr', '-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-video_track_timescale', '90000'],
  },
];

/** Real scanner exports (Telemed, 1148x624 H.264, 61 fps), read in place; absent on a fresh clone. */
const REAL_DIR = resolve('../shared/data/real');
const REAL_CLIPS = existsSync(REAL_DIR) ? readdirSync(REAL_DIR).filter((n) => n.endsWith('.mp4')) : [];

let dir = '';
let browser: Browser;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'twitchscope-frames-'));
  for (const clip of CLIPS) execFileSync('ffmpeg', ['-v', 'error', '-y', ...clip.args, join(dir, clip.name)]);
  writeFileSync(join(dir, 'notes.mp4'), 'Patient notes: this is a text file with a video name.\n');
  // Hostile inputs: HEVC (iPhone default), cut-off files with the index at the end (ffmpeg's
  // default) and at the start (faststart), and random bytes.
  execFileSync('ffmpeg', ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc2=size=320x240:rate=30:duration=1', '-c:v', 'libx265', '-x265-params', 'log-level=error', '-tag:v', 'hvc1', '-pix_fmt', 'yuv420p', join(dir, 'iphone-hevc.mp4')]);
  execFileSync('ffmpeg', ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc2=size=320x240:rate=30:duration=2', '-c:v', 'libx264', '-movflags', '+faststart', '-pix_fmt', 'yuv420p', join(dir, 'faststart.mp4')]);
  const whole = readFileSync(join(dir, 'h264-bframes.mp4'));
  writeFileSync(join(dir, 'cut-index-at-end.mp4'), whole.subarray(0, Math.floor(whole.length * 0.6)));
  const fast = readFileSync(join(dir, 'faststart.mp4'));
  writeFileSync(join(dir, 'cut-faststart.mp4'), fast.subarray(0, Math.floor(fast.length * 0.5)));
  const webm = readFileSync(join(dir, 'vp9.webm'));
  writeFileSync(join(dir, 'cut.webm'), webm.subarray(0, Math.floor(webm.length * 0.5)));
  let seed = 12345;
  writeFileSync(join(dir, 'random.mp4'), Uint8Array.from({ length: 100_000 }, () => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 24)));
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function ffprobeFrames(path: string): { timesS: number[]; width: number; height: number } {
  const out = execFileSync(
    'ffprobe',
    ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'frame=pts_time:stream=width,height', '-of', 'json', path],
    { encoding: 'utf8' },
  );
  const probe = JSON.parse(out) as { frames: { pts_time: string }[]; streams: { width: number; height: number }[] };
  return { timesS: probe.frames.map((f) => Number(f.pts_time)), width: probe.streams[0].width, height: probe.streams[0].height };
}

/**
 * Sum of every frame's Y plane as ffmpeg decodes it. extractplanes=y hands over the plane as it is;
 * plain `-pix_fmt gray` would stretch limited-range luma (16-235) to 0-255 (measured: +1.2 %).
 */
function ffmpegLumaSums(path: string, width: number, height: number): number[] {
  const raw = execFileSync('ffmpeg', ['-v', 'error', '-i', path, '-fps_mode', 'passthrough', '-vf', 'extractplanes=y', '-f', 'rawvideo', '-pix_fmt', 'gray', '-'], { maxBuffer: 1 << 30 });
  const size = width * height;
  const sums: number[] = [];
  for (let off = 0; off + size <= raw.length; off += size) {
    let s = 0;
    for (let i = off; i < off + size; i++) s += raw[i];
    sums.push(s);
  }
  return sums;
}

async function runPage(
  file: string,
  mode: 'times' | 'luma' | 'analyze',
): Promise<{ status: string; value: Record<string, unknown>; errors: string[]; requests: string[] }> {
  const opened = await openPage(browser, `/tests/browser/pages/frameSource.html?mode=${mode}`);
  try {
    await opened.page.waitForFunction(() => document.querySelector('output')?.value === 'ready');
    await opened.page.setInputFiles('#file', file);
    await opened.page.waitForFunction(() => ['done', 'error'].includes(document.querySelector('output')?.value ?? ''), undefined, { timeout: 60_000 });
    const status = await opened.page.$eval('#status', (el) => (el as HTMLOutputElement).value);
    const value = JSON.parse(await opened.page.locator('#result').innerText()) as Record<string, unknown>;
    return { status, value, errors: opened.errors, requests: opened.requests };
  } finally {
    await opened.close();
  }
}

describe('frame source in Chromium (worker) vs ffprobe', () => {
  for (const clip of CLIPS) {
    it(`${clip.name}: same frame count, timestamps and size`, async () => {
      const path = join(dir, clip.name);
      const probe = ffprobeFrames(path);
      const { status, value, errors } = await runPage(path, 'times');
      expect(status, JSON.stringify(value)).toBe('done');
      expect(errors).toEqual([]);
      const timesS = value.timesS as number[];
      expect(timesS.length).toBe(probe.timesS.length);
      const worst = Math.max(...timesS.map((t, i) => Math.abs(t - probe.timesS[i])));
      expect(worst).toBeLessThanOrEqual(TIME_TOLERANCE_S);
      expect([value.width, value.height]).toEqual([probe.width, probe.height]);
    });

    it(`${clip.name}: each frame's luma equals ffmpeg's Y plane`, async () => {
      const path = join(dir, clip.name);
      const { width, height } = ffprobeFrames(path);
      const { status, value } = await runPage(path, 'luma');
      expect(status, JSON.stringify(value)).toBe('done');
      expect(value.sums).toEqual(ffmpegLumaSums(path, width, height));
    });
  }

  it('a text file named .mp4 ends in a plain-words error', async () => {
    const { status, value } = await runPage(join(dir, 'notes.mp4'), 'times');
    expect(status).toBe('error');
    expect(value.name).toBe('ClipError');
    expect(value.message).toMatch(/"notes\.mp4" is a text file, not a video/);
  });

  const HOSTILE: [string, RegExp][] = [
    ['iphone-hevc.mp4', /^This clip is HEVC \(H\.265\), which this browser cannot decode\. Export it from the scanner or phone as H\.264 MP4 and try again\.$/],
    ['cut-index-at-end.mp4', /^"cut-index-at-end\.mp4" is cut short: the file ends after \d+ kB, but its own header says it runs to \d+ kB\./],
    ['cut-faststart.mp4', /^"cut-faststart\.mp4" is cut short: the file ends after \d+ kB, but its own header says it runs to \d+ kB\./],
    ['cut.webm', /^"cut\.webm" is cut short: the file ends after \d+ kB, but its own header says it runs to \d+ kB\./],
    ['random.mp4', /^"random\.mp4" is not a video file this app can read/],
  ];
  for (const [name, message] of HOSTILE) {
    it(`${name} ends in a specific plain-words error`, async () => {
      const { status, value, errors } = await runPage(join(dir, name), 'times');
      expect(status, JSON.stringify(value)).toBe('error');
      expect(value.name).toBe('ClipError');
      expect(value.message).toMatch(message);
      expect(errors).toEqual([]);
    });
  }

  if (REAL_CLIPS.length === 0) {
    it.skip('real scanner clips: ../shared/data/real is absent, so they are not checked', () => undefined);
  }
  for (const name of REAL_CLIPS) {
    it(`real clip ${name}: same frame count, timestamps and luma as ffmpeg`, async () => {
      const path = join(REAL_DIR, name);
      const probe = ffprobeFrames(path);
      const times = await runPage(path, 'times');
      expect(times.status, JSON.stringify(times.value)).toBe('done');
      const timesS = times.value.timesS as number[];
      expect(timesS.length).toBe(probe.timesS.length);
      expect(Math.max(...timesS.map((t, i) => Math.abs(t - probe.timesS[i])))).toBeLessThanOrEqual(TIME_TOLERANCE_S);
      const luma = await runPage(path, 'luma');
      expect(luma.value.sums).toEqual(ffmpegLumaSums(path, probe.width, probe.height));
    });
  }

  it('an analysis in the worker loads OpenCV.js once, as its own chunk, and finishes', async () => {
    const { status, value, errors, requests } = await runPage(join(dir, 'h264-bframes.mp4'), 'analyze');
    expect(status, JSON.stringify(value)).toBe('done');
    expect(value.frames).toBe(60);
    expect(errors).toEqual([]);
    expect(requests.filter((url) => /\/assets\/opencvModule-[\w-]+\.js$/.test(url))).toHaveLength(1);
  });
});
