import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createSimulatedClip } from '../../src/simulation/createSimulatedClip';
import { writeSimulatedClip, type SimCodec } from '../../scripts/writeSimulatedClip';

const hasFfmpeg = spawnSync('ffmpeg', ['-version']).status === 0 && spawnSync('ffprobe', ['-version']).status === 0;
if (!hasFfmpeg) console.warn('simulationEncode: ffmpeg/ffprobe not found, skipping (install: sudo apt-get install -y ffmpeg)');

describe.skipIf(!hasFfmpeg)('encoding a simulated clip', () => {
  const dir = mkdtempSync(join(tmpdir(), 'twitchscope-sim-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each<[SimCodec, string]>([
    ['h264', 'mp4'],
    ['vp9', 'webm'],
  ])('%s keeps every frame at its simulated time and writes the truth beside it', async (codec, ext) => {
    const clip = createSimulatedClip({ name: 'enc', screenWidthPx: 320, screenHeightPx: 240, depthMm: 30, durationS: 1, fps: 25, fasciculations: { ratePerMin: 0 } });
    const path = join(dir, `enc.${ext}`);
    const bytes = await writeSimulatedClip(clip, path, { codec, preset: 'veryfast', vp9Realtime: true });
    expect(bytes).toBeGreaterThan(1000);
    const probe = spawnSync('ffprobe', ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'frame=pts_time:stream=width,height', '-of', 'json', path], { encoding: 'utf8' });
    const parsed = JSON.parse(probe.stdout) as { frames: { pts_time: string }[]; streams: { width: number; height: number }[] };
    expect(parsed.streams[0]).toMatchObject({ width: 320, height: 240 });
    const times = parsed.frames.map((f) => Number(f.pts_time)).sort((a, b) => a - b);
    expect(times).toHaveLength(25);
    // WebM stores milliseconds, so allow half of one.
    times.forEach((t, i) => expect(Math.abs(t - times[0] - i / 25)).toBeLessThan(0.0006));
    const truthPath = join(dir, 'enc.truth.json');
    expect(existsSync(truthPath)).toBe(true);
    expect(JSON.parse(readFileSync(truthPath, 'utf8'))).toMatchObject({ fps: 25, frames: 25, fasciculations: [] });
  });
});
