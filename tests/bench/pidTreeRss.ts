import { readdirSync, readFileSync } from 'node:fs';

/** Linux page size; statm counts pages. */
const PAGE_BYTES = 4096;

/**
 * Resident memory of a process and all its descendants, MiB, from /proc: for the Chromium this
 * bench launched (browser, zygote, renderers with their workers, GPU and utility processes),
 * and never another engineer's Chromium on the same machine, which `ps -C chromium` would add.
 * Shared pages count once per process (RSS), so the absolute sum overstates a little; the
 * growth during a job, which the bench reports, is what the job cost.
 */
export function pidTreeRssMiB(rootPid: number): number {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const ppid = parentPid(Number(name));
    if (ppid === null) continue;
    const list = children.get(ppid);
    if (list) list.push(Number(name));
    else children.set(ppid, [Number(name)]);
  }
  let bytes = 0;
  const stack = [rootPid];
  while (stack.length > 0) {
    const pid = stack.pop() as number;
    bytes += residentBytes(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  return bytes / 2 ** 20;
}

function parentPid(pid: number): number | null {
  try {
    // /proc/PID/stat: "pid (comm) state ppid ...", where comm may itself hold spaces or parentheses.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return null; // exited while we looked
  }
}

function residentBytes(pid: number): number {
  try {
    return Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * PAGE_BYTES;
  } catch {
    return 0;
  }
}

/** Samples pidTreeRssMiB every `intervalMs` until stop(); the series shows whether memory stays flat. */
export class RssSampler {
  readonly beforeMiB: number;
  readonly samplesMiB: number[] = [];
  private readonly timer: ReturnType<typeof setInterval>;

  constructor(private readonly rootPid: number, intervalMs = 250) {
    this.beforeMiB = pidTreeRssMiB(rootPid);
    this.timer = setInterval(() => this.samplesMiB.push(pidTreeRssMiB(rootPid)), intervalMs);
  }

  stop(): void {
    clearInterval(this.timer);
    this.samplesMiB.push(pidTreeRssMiB(this.rootPid));
  }
}

/** Mean of the last quarter of a memory series minus the mean of its second quarter (the first
 * holds start-up): about 0 when memory is flat, the growth still under way when it is not. */
export function memoryDriftMiB(samplesMiB: readonly number[]): number {
  const q = Math.floor(samplesMiB.length / 4);
  if (q < 1) return 0;
  const mean = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;
  return mean(samplesMiB.slice(3 * q)) - mean(samplesMiB.slice(q, 2 * q));
}

/** A long series shortened to `count` points, each the peak of its stretch, whole MiB. */
export function peaksOf(samplesMiB: readonly number[], count: number): number[] {
  const size = Math.max(1, Math.ceil(samplesMiB.length / count));
  const out: number[] = [];
  for (let i = 0; i < samplesMiB.length; i += size) out.push(Math.round(Math.max(...samplesMiB.slice(i, i + size))));
  return out;
}
