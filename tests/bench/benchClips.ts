import { execFileSync } from 'node:child_process';
import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The bench's long clips, made with ffmpeg into bench-data/ (git-ignored) on first use and reused
 * after: each is written under a temporary name and renamed when complete, so an interrupted run
 * never leaves a short clip that a later run would take for the real one.
 */
function cached(dest: string, make: (tmp: string) => void): string {
  if (existsSync(dest)) return dest;
  const tmp = `${dest}.partial.mp4`;
  rmSync(tmp, { force: true });
  console.log(`making ${dest} (once; later runs reuse it) ...`);
  make(tmp);
  renameSync(tmp, dest);
  return dest;
}

const ffmpeg = (args: string[]): void => void execFileSync('ffmpeg', ['-v', 'error', '-y', '-nostdin', ...args], { stdio: 'inherit' });

/** `src` repeated to `seconds`, stream-copied (the same frames again and again). */
export function loopClip(src: string, dest: string, seconds: number): string {
  return cached(dest, (tmp) => ffmpeg(['-stream_loop', '-1', '-i', src, '-t', String(seconds), '-c', 'copy', tmp]));
}

/**
 * Ten minutes of 1080p30 H.264 (High profile, B-frames: what a scanner or phone records), from
 * `src` looped, resampled to 30 fps and scaled up: the memory row (growth during the job must stay
 * under 300 MB, issue 13).
 */
export function tenMinute1080pClip(src: string, dir: string): string {
  return cached(join(dir, 'long-1080p30-600s.mp4'), (tmp) =>
    ffmpeg(['-stream_loop', '-1', '-i', src, '-t', '600', '-an', '-vf', 'fps=30,scale=1920:1080:flags=bicubic', '-c:v', 'libx264', '-preset', 'veryfast', '-crf', '20', '-pix_fmt', 'yuv420p', tmp]),
  );
}

/** A file past 2 GiB, so 32-bit offsets and sizes would overflow somewhere if they were used. */
const TWO_GIB = 2 ** 31;

/**
 * A 2 GB file that is still quick to analyse: 760 frames of 1080p30 at ~3 MB each (x264 at
 * quantiser 1 over film grain added by ffmpeg's noise filter, which no codec can compress), so
 * the streaming row reads 2.2 GB in about 25 s of video instead of the half hour a normal
 * bitrate would need.
 */
export function twoGigabyteClip(src: string, dir: string): string {
  const dest = cached(join(dir, 'stream-2gb-1080p30.mp4'), (tmp) =>
    ffmpeg(['-stream_loop', '-1', '-i', src, '-an', '-frames:v', '760', '-vf', 'fps=30,scale=1920:1080:flags=bicubic,noise=alls=20:allf=t', '-c:v', 'libx264', '-preset', 'ultrafast', '-qp', '1', '-pix_fmt', 'yuv420p', tmp]),
  );
  const bytes = statSync(dest).size;
  if (bytes < TWO_GIB) throw new Error(`${dest} is ${(bytes / 2 ** 30).toFixed(2)} GiB, under 2 GiB: delete it and raise its frame count.`);
  return dest;
}
