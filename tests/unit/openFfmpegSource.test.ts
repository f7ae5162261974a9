import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openFfmpegSource } from '../../src/sources/node/openFfmpegSource';

const hasFfmpeg = spawnSync('ffmpeg', ['-version']).status === 0;
if (!hasFfmpeg) console.warn('Skipping the ffmpeg source tests: ffmpeg is not installed (.ci/ensure-system-deps.sh installs it).');
const dir = mkdtempSync(join(tmpdir(), 'ts-ffmpeg-source-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** [pts, time base numerator, denominator] of every frame, in presentation order, from ffprobe. */
function probePts(path: string): { pts: number[]; num: number; den: number } {
  const tb = execFileSync('ffprobe', ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'stream=time_base', '-of', 'csv=p=0', path], { encoding: 'utf8' }).trim();
  const [num, den] = tb.split('/').map(Number);
  const out = execFileSync('ffprobe', ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'frame=pts', '-of', 'csv=p=0', path], { encoding: 'utf8' });
  // One line per frame ("0," then side-data lines, empty here): keep the numbers.
  const pts = out.split('\n').map((l) => l.replace(/,.*$/, '').trim()).filter((l) => l !== '').map(Number).sort((a, b) => a - b);
  return { pts, num, den };
}

describe.skipIf(!hasFfmpeg)('openFfmpegSource', () => {
  it('gives every frame its exact presentation time, pts x time base, as WebCodecs does', async () => {
    // 40 s at 30 fps in a 1/90000 time base: past 10 s ffmpeg's printed pts_time keeps 6 significant
    // digits (12.3333 for 12.333333...), a 33 us error that would make the CLI's JSON differ from the
    // browser's, which takes (pts - edit list offset) / timescale from mediabunny.
    const clip = join(dir, 'long-30fps.mp4');
    execFileSync('ffmpeg', ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc2=size=64x48:rate=30:duration=40', '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-video_track_timescale', '90000', clip]);
    const { pts, num, den } = probePts(clip);
    const stream = await openFfmpegSource(clip);
    const times: number[] = [];
    for await (const frame of stream.frames) times.push(frame.timestampS);
    expect(times.length).toBe(1200);
    expect(times).toEqual(pts.map((p) => (p * num) / den));
    // 3000 ticks of 1/90000 s per frame: frame 370 starts at exactly 370 / 30 s.
    expect(times[370]).toBe((370 * 3000) / 90000);
  }, 60_000);

  it('streams frames whose bytes span many pipe reads (a 1080p frame is ~2 MB, 32 reads of 64 KiB)', async () => {
    const clip = join(dir, 'hd.mp4');
    execFileSync('ffmpeg', ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc2=size=1920x1080:rate=30:duration=0.5', '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', clip]);
    // ffmpeg's own Y plane, frame by frame, as the reference for the bytes the source hands out.
    const reference = execFileSync('ffmpeg', ['-v', 'error', '-i', clip, '-vf', 'extractplanes=y', '-f', 'rawvideo', '-pix_fmt', 'gray', 'pipe:1'], { maxBuffer: 64 * 2 ** 20 });
    const frameBytes = 1920 * 1080;
    let index = 0;
    for await (const frame of (await openFfmpegSource(clip)).frames) {
      expect(frame.data.length).toBe(frameBytes);
      expect(Buffer.compare(Buffer.from(frame.data), reference.subarray(index * frameBytes, (index + 1) * frameBytes)), `frame ${index}`).toBe(0);
      index++;
    }
    expect(index).toBe(15);
  }, 60_000);
});
