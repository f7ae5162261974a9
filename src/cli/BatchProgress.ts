/**
 * The batch's progress lines for stderr: "clip i of N" as clips finish, and the time left.
 * Decoding dominates and its cost follows the file's size far better than the clip count (the
 * real clips run from 1 to 6.5 s), so the time left is the time so far scaled by the bytes
 * still to go over the bytes analysed. A clip that fails drops out of both: it usually fails
 * at once, and its bytes would make the rest look instantaneous.
 */
export class BatchProgress {
  private totalBytes: number;
  private doneBytes = 0;
  private done = 0;
  private readonly startMs: number;

  constructor(
    private readonly bytesPerClip: readonly number[],
    private readonly nowMs: () => number = () => performance.now(),
  ) {
    this.totalBytes = bytesPerClip.reduce((s, b) => s + b, 0);
    this.startMs = nowMs();
  }

  /** The line for the clip at `index` having finished, analysed (`ok`) or not, `what` saying how. */
  clipDone(index: number, ok: boolean, what: string): string {
    this.done++;
    const bytes = this.bytesPerClip[index] ?? 0;
    if (ok) this.doneBytes += bytes;
    else this.totalBytes -= bytes;
    const n = this.bytesPerClip.length;
    const left = this.done === n ? 'all done' : this.timeLeft();
    return `clip ${this.done} of ${n}: ${what} (${left})`;
  }

  private timeLeft(): string {
    const elapsedS = (this.nowMs() - this.startMs) / 1000;
    if (!(this.doneBytes > 0 && elapsedS > 0)) return 'time left unknown';
    const leftS = (elapsedS * (this.totalBytes - this.doneBytes)) / this.doneBytes;
    return `about ${formatDurationS(leftS)} left`;
  }
}

/** 42 s, 3 min 5 s, 1 h 2 min: whole seconds are enough for a batch. */
export function formatDurationS(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${s % 60} s`;
  return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
}
