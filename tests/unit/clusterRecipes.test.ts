import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The README's ways past one machine, run here on three small clips: its GNU parallel recipe
 * (the fenced block itself, so the README cannot drift from what works) and the Slurm script as
 * three array tasks. Both merged summaries must equal the batch pool's for the same clips.
 */
const hasFfmpeg = spawnSync('ffmpeg', ['-version']).status === 0;
const hasParallel = /^GNU parallel/.test(spawnSync('parallel', ['--version'], { encoding: 'utf8' }).stdout ?? '');
if (!hasFfmpeg || !hasParallel) {
  console.warn('Skipping the cluster recipe tests: they need ffmpeg and GNU parallel (.ci/ensure-system-deps.sh installs both).');
}

const root = resolve('.');
const dir = mkdtempSync(join(tmpdir(), 'ts-cluster-'));
const clips = join(dir, 'clips');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The fenced sh block of the README that holds the parallel recipe, minus the line that names the folders. */
function parallelRecipe(): string {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const block = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]).find((b) => b.includes('| parallel '));
  if (!block) throw new Error('README.md has no ```sh block with the GNU parallel recipe.');
  expect(block).toMatch(/^export CLIPS=\S+ RESULTS=\S+\n/);
  return block.replace(/^export CLIPS=.*\n/, '');
}

let poolSummary = '';

beforeAll(() => {
  if (!hasFfmpeg || !hasParallel) return;
  mkdirSync(clips);
  copyFileSync('samples/fixture-h264.mp4', join(clips, 'fixture-h264.mp4'));
  for (const [name, filter] of [['fixture-flipped.mp4', 'scale=288:216,hflip'], ['fixture-upside-down.mp4', 'scale=256:192,vflip']]) {
    execFileSync('ffmpeg', ['-v', 'error', '-y', '-i', 'samples/fixture-h264.mp4', '-vf', filter, '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', join(clips, name)]);
  }
  const pool = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/analyze.ts', clips, '--out', join(dir, 'pool')], { encoding: 'utf8', timeout: 180_000 });
  if (pool.status !== 0) throw new Error(`the batch pool failed: ${pool.stderr}`);
  poolSummary = readFileSync(join(dir, 'pool', 'summary.csv'), 'utf8');
}, 240_000);

describe.skipIf(!hasFfmpeg || !hasParallel)('running a cohort past one machine', () => {
  it('the README\'s GNU parallel recipe gives the pool\'s summary.csv', () => {
    const results = join(dir, 'parallel-results');
    const run = spawnSync('bash', ['-euo', 'pipefail', '-c', parallelRecipe()], {
      cwd: root,
      env: { ...process.env, CLIPS: clips, RESULTS: results },
      encoding: 'utf8',
      timeout: 240_000,
    });
    expect(run.status, run.stderr).toBe(0);
    // The job log lists the three clips, each with exit status 0 (column 7).
    const jobs = readFileSync(join(results, 'jobs.log'), 'utf8').trim().split('\n').slice(1);
    expect(jobs.map((l) => l.split('\t')[6])).toEqual(['0', '0', '0']);
    expect(readFileSync(join(results, 'summary.csv'), 'utf8')).toBe(poolSummary);
    expect(poolSummary.trim().split('\n')).toHaveLength(4);
  }, 240_000);

  it('scripts/slurm-analyze.sh, run as array tasks 1 to 3, gives the pool\'s summary.csv once merged', () => {
    const list = join(dir, 'clips.txt');
    writeFileSync(list, ['fixture-h264.mp4', 'fixture-flipped.mp4', 'fixture-upside-down.mp4'].map((n) => join(clips, n)).join('\n') + '\n');
    const results = join(dir, 'slurm-results');
    for (const task of ['1', '2', '3']) {
      const run = spawnSync('bash', [join(root, 'scripts/slurm-analyze.sh'), list, results], {
        cwd: dir, // sbatch runs the script elsewhere; SLURM_SUBMIT_DIR says where it was submitted
        env: { ...process.env, SLURM_ARRAY_TASK_ID: task, SLURM_SUBMIT_DIR: root },
        encoding: 'utf8',
        timeout: 120_000,
      });
      expect(run.status, `task ${task}: ${run.stderr}`).toBe(0);
    }
    const beyond = spawnSync('bash', ['scripts/slurm-analyze.sh', list, results], { cwd: root, env: { ...process.env, SLURM_ARRAY_TASK_ID: '4' }, encoding: 'utf8' });
    expect(beyond.status).toBe(1);
    expect(beyond.stderr).toMatch(/has no line 4/);
    const merged = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/analyze.ts', '--merge', results], { encoding: 'utf8', timeout: 60_000 });
    expect(merged.status, merged.stderr).toBe(0);
    expect(merged.stdout).toBe(poolSummary);
  }, 240_000);
});
