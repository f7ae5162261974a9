import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { statSync } from 'node:fs';

export type SimCodec = 'h264' | 'vp9';

export interface WriteOptions {
  codec: SimCodec;
  /** Constant-quality factor: x264 18-23 is "visually lossless" to typical; VP9 uses its own scale (~30-36). */
  crf?: number;
  /**
   * H.264 at a constant bit rate instead, kbit/s: web and screen recordings at 50-150 kbit/s leave a
   * few hundred bytes per P-frame (70 kbit/s at 30 fps: about 230 bytes), and most blocks are skipped.
   */
  kbps?: number;
  /** Keyframe interval, frames (ffmpeg's default otherwise). */
  gop?: number;
  /** x264 speed preset: 'medium' for the committed samples (smaller files), 'veryfast' for the benchmark. */
  preset?: string;
  /**
   * VP9 in realtime mode: about 10x faster than 'good'. Its default cyclic-refresh adaptive
   * quantisation re-codes a rotating set of blocks each frame, which shows as local flicker that
   * no scanner export has; `-aq-mode 0` turns it off (measured: max frame-to-frame luma change in a
   * still clip 0.79 instead of 1.88).
   */
  vp9Realtime?: boolean;
}

/** What the truth JSON records of how a clip was encoded. */
export function encodingOf(options: WriteOptions): { codec: string; crf: number | null; kbps: number | null; gop: number | null } {
  return { codec: options.codec, crf: options.kbps ? null : (options.crf ?? (options.codec === 'h264' ? 20 : 33)), kbps: options.kbps ?? null, gop: options.gop ?? null };
}

/**
 * Encodes grey frames with ffmpeg, piped as raw bytes. `-framerate` on the raw input gives frame i
 * the timestamp i/fps, and the container keeps it. Back-pressure keeps memory flat however long
 * the clip. Returns the file's size in bytes.
 */
export async function encodeGrayFrames(frames: Iterable<Uint8Array>, widthPx: number, heightPx: number, fps: number, videoPath: string, options: WriteOptions): Promise<number> {
  const rate = options.kbps
    ? ['-b:v', `${options.kbps}k`, '-maxrate', `${Math.round(options.kbps * 1.2)}k`, '-bufsize', `${options.kbps * 2}k`]
    : ['-crf', String(options.crf ?? 20)];
  const gop = options.gop ? ['-g', String(options.gop)] : [];
  const codecArgs =
    options.codec === 'h264'
      ? ['-c:v', 'libx264', '-preset', options.preset ?? 'medium', ...rate, ...gop, '-pix_fmt', 'yuv420p', '-movflags', '+faststart']
      : ['-c:v', 'libvpx-vp9', '-crf', String(options.crf ?? 33), '-b:v', '0', ...gop, ...(options.vp9Realtime ? ['-deadline', 'realtime', '-cpu-used', '8', '-aq-mode', '0'] : ['-deadline', 'good', '-cpu-used', '4']), '-row-mt', '1', '-pix_fmt', 'yuv420p'];
  const args = ['-y', '-hide_banner', '-loglevel', 'error', '-f', 'rawvideo', '-pix_fmt', 'gray', '-s', `${widthPx}x${heightPx}`, '-framerate', String(fps), '-i', '-', ...codecArgs, '-threads', '2', videoPath];
  const ffmpeg = spawn('ffmpeg', args, { stdio: ['pipe', 'ignore', 'pipe'] });
  let stderr = '';
  ffmpeg.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = once(ffmpeg, 'close');
  const failed = once(ffmpeg, 'error').then(([e]) => {
    throw new Error(`Could not start ffmpeg (${(e as Error).message}). Install it: sudo apt-get install -y ffmpeg`);
  });
  const pump = (async () => {
    for (const frame of frames) {
      if (!ffmpeg.stdin.write(frame)) await once(ffmpeg.stdin, 'drain');
    }
    ffmpeg.stdin.end();
    const [code] = await exited;
    if (code !== 0) throw new Error(`ffmpeg failed encoding ${videoPath} (exit ${code}): ${stderr.trim()}`);
  })();
  await Promise.race([pump, failed]);
  return statSync(videoPath).size;
}
