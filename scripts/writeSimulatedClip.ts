import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { statSync, writeFileSync } from 'node:fs';
import type { SimulatedClip } from '../src/simulation/createSimulatedClip';

export type SimCodec = 'h264' | 'vp9';

export interface WriteOptions {
  codec: SimCodec;
  /** Constant-quality factor: x264 18-23 is "visually lossless" to typical; VP9 uses its own scale (~30-36). */
  crf?: number;
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

/**
 * Encodes a simulated clip with ffmpeg, frames piped as raw grey bytes. `-framerate` on the raw
 * input gives frame i the timestamp i/fps, exactly the simulated time, and the container keeps it.
 * Writes NAME.truth.json beside the video. Returns the video's size in bytes.
 */
export async function writeSimulatedClip(clip: SimulatedClip, videoPath: string, options: WriteOptions): Promise<number> {
  const { widthPx: w, heightPx: h, spec } = clip;
  const codecArgs =
    options.codec === 'h264'
      ? ['-c:v', 'libx264', '-preset', options.preset ?? 'medium', '-crf', String(options.crf ?? 20), '-pix_fmt', 'yuv420p', '-movflags', '+faststart']
      : ['-c:v', 'libvpx-vp9', '-crf', String(options.crf ?? 33), '-b:v', '0', ...(options.vp9Realtime ? ['-deadline', 'realtime', '-cpu-used', '8', '-aq-mode', '0'] : ['-deadline', 'good', '-cpu-used', '4']), '-row-mt', '1', '-pix_fmt', 'yuv420p'];
  const args = ['-y', '-hide_banner', '-loglevel', 'error', '-f', 'rawvideo', '-pix_fmt', 'gray', '-s', `${w}x${h}`, '-framerate', String(spec.fps), '-i', '-', ...codecArgs, '-threads', '2', videoPath];
  const ffmpeg = spawn('ffmpeg', args, { stdio: ['pipe', 'ignore', 'pipe'] });
  let stderr = '';
  ffmpeg.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = once(ffmpeg, 'close');
  const failed = once(ffmpeg, 'error').then(([e]) => {
    throw new Error(`Could not start ffmpeg (${(e as Error).message}). Install it: sudo apt-get install -y ffmpeg`);
  });
  const pump = (async () => {
    for (const frame of clip.frames()) {
      // Respect back-pressure so memory stays flat however long the clip.
      if (!ffmpeg.stdin.write(frame.data)) await once(ffmpeg.stdin, 'drain');
    }
    ffmpeg.stdin.end();
    const [code] = await exited;
    if (code !== 0) throw new Error(`ffmpeg failed encoding ${videoPath} (exit ${code}): ${stderr.trim()}`);
  })();
  await Promise.race([pump, failed]);
  const truthPath = videoPath.replace(/\.(mp4|webm)$/, '.truth.json');
  writeFileSync(truthPath, JSON.stringify(clip.truth, null, 2) + '\n');
  return statSync(videoPath).size;
}
