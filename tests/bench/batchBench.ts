import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';

export interface BatchRow {
  /** Threads in the pool (one per core). */
  workers: number;
  clips: number;
  /** One worker's wall time over the pool's, same clips, same run of the bench. */
  speedup: number;
  /** Mean wall time of a run, s. */
  oneWorkerS: number;
  poolS: number;
  /** CPU time of the batch (all threads, ffmpeg included) per second of wall time: cores it kept busy. */
  oneWorkerCores: number;
  poolCores: number;
  /** Cores that other programs on the machine kept busy meanwhile (other engineers share it). */
  othersCoresOneWorker: number;
  othersCoresPool: number;
  /** Every clip's JSON the same bytes from one worker and from the pool. */
  identical: boolean;
}

interface Timed {
  wallS: number;
  /** CPU s of the CLI and its children (GNU time: user + system). */
  cpuS: number;
  /** CPU s the whole machine spent meanwhile (/proc/stat), ours included. */
  machineCpuS: number;
}

/** Busy CPU time of the whole machine so far, s (/proc/stat: all but idle and iowait). */
function machineBusyS(): number {
  const [, ...fields] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
  const [user, nice, system, , , irq, softirq, steal] = fields.map(Number);
  return (user + nice + system + irq + softirq + steal) / 100; // USER_HZ = 100 on Linux
}

function timedBatch(folder: string, out: string, jobs: number): Timed {
  const busy0 = machineBusyS();
  const run = spawnSync('/usr/bin/time', ['-f', 'TIME %e %U %S', process.execPath, '--import', 'tsx', 'src/cli/analyze.ts', folder, '--out', out, '--jobs', String(jobs)], { encoding: 'utf8' });
  const machineCpuS = machineBusyS() - busy0;
  const m = /TIME (\S+) (\S+) (\S+)\s*$/.exec(run.stderr);
  if (!m) throw new Error(`the batch did not run: ${run.error?.message ?? run.stderr.slice(-2000)}`);
  if (run.status !== 0) throw new Error(`the batch of ${folder} failed: ${run.stderr.slice(-2000)}`);
  return { wallS: Number(m[1]), cpuS: Number(m[2]) + Number(m[3]), machineCpuS };
}

/**
 * `npm run analyze -- DIR/ --jobs N` against `--jobs 1`, the whole CLI each time (start-up,
 * OpenCV per thread, ffmpeg per clip), on the same clips, in the order one, pool, pool, one:
 * other engineers share this machine and their load drifts, and this order cancels a steady
 * drift out of the sums. The row also says how many cores they kept busy meanwhile: a speedup
 * is only comparable between runs with the same spare capacity.
 */
export function batchRow(folder: string): BatchRow {
  const workers = availableParallelism();
  const dir = mkdtempSync(join(tmpdir(), 'ts-bench-batch-'));
  try {
    const runs = [1, workers, workers, 1].map((jobs, i) => ({ jobs, out: join(dir, `run${i}`), ...timedBatch(folder, join(dir, `run${i}`), jobs) }));
    const sum = (jobs: number, key: keyof Timed): number => runs.filter((r) => r.jobs === jobs).reduce((s, r) => s + r[key], 0);
    const names = readdirSync(runs[0].out).filter((n) => n.endsWith('.json'));
    const identical = runs.every((r) => names.every((n) => readFileSync(join(runs[0].out, n)).equals(readFileSync(join(r.out, n)))));
    const oneWall = sum(1, 'wallS');
    const poolWall = sum(workers, 'wallS');
    return {
      workers,
      clips: names.length,
      speedup: oneWall / poolWall,
      oneWorkerS: oneWall / 2,
      poolS: poolWall / 2,
      oneWorkerCores: sum(1, 'cpuS') / oneWall,
      poolCores: sum(workers, 'cpuS') / poolWall,
      othersCoresOneWorker: Math.max(0, sum(1, 'machineCpuS') - sum(1, 'cpuS')) / oneWall,
      othersCoresPool: Math.max(0, sum(workers, 'machineCpuS') - sum(workers, 'cpuS')) / poolWall,
      identical,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
