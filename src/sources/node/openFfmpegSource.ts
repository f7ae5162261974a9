import { spawn, spawnSync } from 'node:child_process';
import { basename } from 'node:path';
import { statSync } from 'node:fs';
import { ClipError, type FrameStream } from '../../analysis/FrameStream';
import type { ClipInfo, LumaFrame } from '../../analysis/LumaFrame';

const INSTALL_HINT = 'ffmpeg was not found. Install it with: sudo apt-get install -y ffmpeg (Debian/Ubuntu) or brew install ffmpeg (macOS).';

interface ProbeResult {
  width: number;
  height: number;
  codec: string | null;
  fps: number | null;
  durationS: number | null;
  frames: number | null;
  pixFmt: string | null;
}

/**
 * Frames of any clip ffmpeg can read, as luma, streamed through a pipe: the CLI's counterpart of
 * the browser's WebCodecs source. `-fps_mode passthrough` keeps every decoded frame with its own
 * timestamp (no duplication or dropping to a constant rate), and `showinfo` on stderr reports
 * each frame's pts_time, so variable frame rate survives exactly as in the browser.
 */
export interface FfmpegSourceOptions {
  /** Decoder and filter threads for ffmpeg; null lets ffmpeg choose (one per core). */
  decoderThreads?: number | null;
}

export async function openFfmpegSource(path: string, options: FfmpegSourceOptions = {}): Promise<FrameStream> {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    throw new ClipError(`Cannot open "${path}": no such file.`);
  }
  if (size === 0) throw new ClipError(`"${basename(path)}" is empty (0 bytes).`);
  const probe = probeClip(path);
  const info: ClipInfo = {
    file: basename(path),
    frames: probe.frames,
    fps: probe.fps,
    durationS: probe.durationS,
    width: probe.width,
    height: probe.height,
    codec: probe.codec,
    mmPerPx: null,
    imageRegionPx: null,
  };
  return { info, frames: readFrames(path, probe.width, probe.height, /^(yuv|yuvj|nv|gray)/.test(probe.pixFmt ?? ''), options.decoderThreads ?? null) };
}

function probeClip(path: string): ProbeResult {
  const run = spawnSync(
    'ffprobe',
    ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'stream=codec_name,width,height,avg_frame_rate,nb_frames,duration,pix_fmt:format=duration', '-of', 'json', path],
    { encoding: 'utf8' },
  );
  if (run.error) throw new ClipError(INSTALL_HINT);
  let parsed: { streams?: Record<string, string | number>[]; format?: { duration?: string } } = {};
  try {
    parsed = JSON.parse(run.stdout || '{}');
  } catch {
    /* handled below */
  }
  const stream = parsed.streams?.[0];
  if (run.status !== 0 || !stream) {
    const detail = (run.stderr || '').trim().split('\n').pop() ?? '';
    throw new ClipError(`"${basename(path)}" is not a video file that can be read${detail ? ` (${detail})` : ''}.`);
  }
  const width = Number(stream.width);
  const height = Number(stream.height);
  if (!(width > 0 && height > 0) || width > 8192 || height > 8192) {
    throw new ClipError(`"${basename(path)}" has unusable picture dimensions (${stream.width}x${stream.height}).`);
  }
  const [num, den] = String(stream.avg_frame_rate ?? '0/0').split('/').map(Number);
  const fps = num > 0 && den > 0 ? num / den : null;
  const durationS = Number(stream.duration ?? parsed.format?.duration);
  const frames = Number(stream.nb_frames);
  return {
    width,
    height,
    codec: stream.codec_name ? String(stream.codec_name) : null,
    fps,
    durationS: Number.isFinite(durationS) && durationS > 0 ? durationS : null,
    frames: Number.isInteger(frames) && frames > 0 ? frames : null,
    pixFmt: stream.pix_fmt ? String(stream.pix_fmt) : null,
  };
}

/** What showinfo's config line and per-frame lines say; timestamps are pts x time base, exactly. */
const TIME_BASE_LINE = /config in time_base:\s*(\d+)\/(\d+)/;
const FRAME_PTS = /\bpts:\s*(-?\d+)\s+pts_time:/;
const FRAME_PTS_TIME = /pts_time:\s*(-?[\d.eE+-]+)/;

async function* readFrames(path: string, width: number, height: number, lumaIsStored: boolean, decoderThreads: number | null): AsyncGenerator<LumaFrame> {
  const frameBytes = width * height;
  const child = spawn(
    'ffmpeg',
    [
      '-hide_banner', '-loglevel', 'info', '-nostats', '-nostdin',
      // In the batch pool every core already runs a clip; ffmpeg's own frame threads would only compete.
      ...(decoderThreads ? ['-threads', String(decoderThreads), '-filter_threads', String(decoderThreads)] : []),
      '-i', path, '-map', '0:v:0', '-fps_mode', 'passthrough',
      // YUV video: take the Y plane as stored, exactly what WebCodecs' copyTo hands the browser.
      // `-pix_fmt gray` would rescale limited-range luma (16-235) to full range, ~10 grey levels
      // off the browser's pixels. RGB inputs have no Y plane: there, convert. showinfo only for
      // the frame times: checksum=0 spares it a checksum, mean and deviation of every plane.
      '-vf', lumaIsStored ? 'showinfo=checksum=0,extractplanes=y' : 'showinfo=checksum=0,format=gray',
      '-f', 'rawvideo', '-pix_fmt', 'gray', 'pipe:1',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  // Each frame's time, from its integer pts and the stream's time base. The printed pts_time keeps
  // only 6 significant digits (12.3333 for 12.333333 s), which made the CLI's times differ from
  // the browser's by up to 50 us past 10 s, and by milliseconds in long recordings.
  const times: number[] = [];
  let timeBase: [number, number] | null = null;
  let stderrEnded = false;
  let wake: (() => void) | null = null;
  const wakeReader = (): void => {
    wake?.();
    wake = null;
  };
  let stderrTail = '';
  let partialLine = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    const lines = (partialLine + chunk).split('\n');
    partialLine = lines.pop() ?? '';
    for (const line of lines) {
      if (!line.includes('showinfo')) {
        if (!/^\s|^(Input|Output|Stream|Press)/.test(line)) stderrTail = (stderrTail + line + '\n').slice(-2000);
        continue;
      }
      const base = TIME_BASE_LINE.exec(line);
      if (base) timeBase ??= [Number(base[1]), Number(base[2])];
      const pts = FRAME_PTS.exec(line);
      if (pts && timeBase && timeBase[1] > 0) times.push((Number(pts[1]) * timeBase[0]) / timeBase[1]);
      else if (pts || FRAME_PTS_TIME.test(line)) times.push(Number(FRAME_PTS_TIME.exec(line)?.[1] ?? Number.NaN));
    }
    wakeReader();
  });
  child.stderr.on('end', () => {
    stderrEnded = true;
    wakeReader();
  });
  const exited = new Promise<number | null>((resolve, reject) => {
    child.on('error', (err: NodeJS.ErrnoException) => reject(err.code === 'ENOENT' ? new ClipError(INSTALL_HINT) : err));
    child.on('close', (code) => resolve(code));
  });
  exited.catch(() => undefined);
  /**
   * showinfo logs a frame before its bytes reach the pipe, but the two pipes are read
   * independently: wait for the line as long as ffmpeg may still write it, never for a fixed
   * time, so a loaded machine cannot change a frame's time (and with it the result).
   */
  const timeOf = async (index: number): Promise<number> => {
    while (times.length <= index && !stderrEnded) await new Promise<void>((resolve) => (wake = resolve));
    const t = times[index];
    return Number.isFinite(t) ? t : index > 0 ? (times[index - 1] ?? 0) : 0;
  };

  // Frames are assembled in place from the pipe's chunks (64 KiB each): concatenating a growing
  // buffer instead copied ~16 MB per 1080p frame.
  let data = new Uint8Array(frameBytes);
  let filled = 0;
  let index = 0;
  try {
    for await (const chunk of child.stdout as AsyncIterable<Buffer>) {
      for (let at = 0; at < chunk.length; ) {
        const n = Math.min(frameBytes - filled, chunk.length - at);
        data.set(chunk.subarray(at, at + n), filled);
        filled += n;
        at += n;
        if (filled < frameBytes) continue;
        const timestampS = await timeOf(index);
        index++;
        yield { data, width, height, timestampS };
        data = new Uint8Array(frameBytes);
        filled = 0;
      }
    }
    const code = await exited;
    if (code !== 0 && index === 0) {
      throw new ClipError(`ffmpeg could not decode "${basename(path)}": ${stderrTail.trim().split('\n').pop() ?? 'unknown error'}.`);
    }
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
  }
}
