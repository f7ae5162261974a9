import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The batch pool end to end: a folder of three small clips (committed fixtures, so nothing from
 * ../shared is needed) plus a text file renamed .mp4, through `npm run analyze -- DIR/`.
 */
const hasFfmpeg = spawnSync('ffmpeg', ['-version']).status === 0;
if (!hasFfmpeg) console.warn('Skipping the batch CLI tests: ffmpeg is not installed (.ci/ensure-system-deps.sh installs it).');

const dir = mkdtempSync(join(tmpdir(), 'ts-cli-batch-'));
const clips = join(dir, 'clips');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cli = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/analyze.ts', ...args], { encoding: 'utf8', timeout: 180_000 });

const CLIP_STEMS = ['fixture-flipped', 'fixture-h264', 'fixture-vp9'];

beforeAll(() => {
  if (!hasFfmpeg) return;
  mkdirSync(clips);
  copyFileSync('samples/fixture-h264.mp4', join(clips, 'fixture-h264.mp4'));
  copyFileSync('samples/fixture-vp9.webm', join(clips, 'fixture-vp9.webm'));
  // A third clip with other pixels: the fixture mirrored and scaled.
  execFileSync('ffmpeg', ['-v', 'error', '-y', '-i', 'samples/fixture-h264.mp4', '-vf', 'scale=288:216,hflip', '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', join(clips, 'fixture-flipped.mp4')]);
  writeFileSync(join(clips, 'notes.mp4'), 'these are my notes, not a video\n');
});

describe.skipIf(!hasFfmpeg)('npm run analyze -- DIR/ (the batch pool)', () => {
  it('analyses every clip, reports the failing one in plain words, and gives the same bytes with 1 or 2 workers as one clip alone', () => {
    const runs = [1, 2].map((jobs) => {
      const out = join(dir, `results-${jobs}`);
      const run = cli(clips, '--out', out, '--jobs', String(jobs));
      return { jobs, out, run };
    });
    for (const { jobs, out, run } of runs) {
      expect(run.status, `--jobs ${jobs}: ${run.stderr}`).toBe(1);
      expect(run.stderr).toMatch(/notes\.mp4 failed: "notes\.mp4" is a text file, not a video file/);
      expect(run.stderr).toMatch(/clip 4 of 4: .*\(all done\)/);
      expect(run.stderr).toMatch(/1 of 4 clips could not be analysed/);
      expect(readdirSync(out).sort()).toEqual([...CLIP_STEMS.map((s) => `${s}.json`), 'summary.csv']);
    }
    for (const stem of CLIP_STEMS) {
      const one = readFileSync(join(runs[0].out, `${stem}.json`));
      const two = readFileSync(join(runs[1].out, `${stem}.json`));
      expect(Buffer.compare(one, two), `${stem}.json differs between --jobs 1 and --jobs 2`).toBe(0);
    }
    expect(readFileSync(join(runs[1].out, 'summary.csv'), 'utf8')).toBe(readFileSync(join(runs[0].out, 'summary.csv'), 'utf8'));
    // The pool runs the single-clip analysis: the same JSON as `npm run analyze -- CLIP`.
    const alone = cli(join(clips, 'fixture-vp9.webm'));
    expect(alone.status, alone.stderr).toBe(0);
    expect(alone.stdout).toBe(readFileSync(join(runs[1].out, 'fixture-vp9.json'), 'utf8'));

    // summary.csv: one row per clip in name order, its numbers the results' own.
    const lines = readFileSync(join(runs[1].out, 'summary.csv'), 'utf8').trimEnd().split('\n');
    expect(lines[0]).toBe('file,analysableS,fasciculations,perMinute,baselinePerMinute,warnings');
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(['fixture-flipped.mp4', 'fixture-h264.mp4', 'fixture-vp9.webm', 'notes.mp4']);
    for (const [i, stem] of CLIP_STEMS.entries()) {
      const r = JSON.parse(readFileSync(join(runs[1].out, `${stem}.json`), 'utf8'));
      expect(lines[i + 1].startsWith(`${r.input.file},${r.summary.analysableS},${r.summary.fasciculations},${r.summary.perMinute},,`)).toBe(true);
    }
    expect(lines[4]).toMatch(/^notes\.mp4,,,,,"not analysed: ""notes\.mp4"" is a text file/);

    // --merge over the results folder gives the pool's rows (the failed clip left no result).
    const merged = cli('--merge', runs[1].out);
    expect(merged.status, merged.stderr).toBe(0);
    expect(merged.stdout).toBe(`${lines.slice(0, 4).join('\n')}\n`);
  }, 240_000);

  it('writes one clip\'s JSON and CSV into a folder named with a trailing slash, as a batch would', () => {
    const out = join(dir, 'single');
    const run = cli(join(clips, 'fixture-h264.mp4'), '--out', `${out}/`, '--csv', `${out}/`);
    expect(run.status, run.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['fixture-h264.csv', 'fixture-h264.json']);
    expect(JSON.parse(readFileSync(join(out, 'fixture-h264.json'), 'utf8')).input.file).toBe('fixture-h264.mp4');
  }, 60_000);

  it('refuses two clips whose results would overwrite each other, before analysing anything', () => {
    mkdirSync(join(dir, 'other'));
    copyFileSync('samples/fixture-h264.mp4', join(dir, 'other', 'fixture-h264.mp4'));
    const run = cli(join(clips, 'fixture-h264.mp4'), join(dir, 'other', 'fixture-h264.mp4'), '--out', join(dir, 'clash'));
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/have the same name, so their results would overwrite each other/);
  }, 60_000);
});
