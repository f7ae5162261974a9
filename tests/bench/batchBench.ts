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
 * OpenCV per thread, ffmpeg per clip), one after the other on the same clips. Other engineers
 * share this machine, so the row also says how many cores they kept busy during each run:
 * a speedup is only comparable between runs with the same spare capacity.
 */
export function batchRow(folder: string): BatchRow {
  const workers = availableParallelism();
  const dir = mkdtempSync(join(tmpdir(), 'ts-bench-batch-'));
  try {
    const one = timedBatch(folder, join(dir, 'one'), 1);
    const pool = timedBatch(folder, join(dir, 'pool'), workers);
    const names = readdirSync(join(dir, 'one')).filter((n) => n.endsWith('.json'));
    const identical = names.every((n) => readFileSync(join(dir, 'one', n)).equals(readFileSync(join(dir, 'pool', n))));
    return {
      workers,
      clips: names.length,
      speedup: one.wallS / pool.wallS,
      oneWorkerS: one.wallS,
      poolS: pool.wallS,
      oneWorkerCores: one.cpuS / one.wallS,
      poolCores: pool.cpuS / pool.wallS,
      othersCoresOneWorker: Math.max(0, one.machineCpuS - one.cpuS) / one.wallS,
      othersCoresPool: Math.max(0, pool.machineCpuS - pool.cpuS) / pool.wallS,
      identical,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
