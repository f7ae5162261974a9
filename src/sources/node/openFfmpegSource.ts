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
export async function openFfmpegSource(path: string): Promise<FrameStream> {
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
  return { info, frames: readFrames(path, probe.width, probe.height, /^(yuv|yuvj|nv|gray)/.test(probe.pixFmt ?? '')) };
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

async function* readFrames(path: string, width: number, height: number, lumaIsStored: boolean): AsyncGenerator<LumaFrame> {
  const frameBytes = width * height;
  const child = spawn(
    'ffmpeg',
    [
      '-hide_banner', '-loglevel', 'info', '-nostdin', '-i', path, '-map', '0:v:0', '-fps_mode', 'passthrough',
      // YUV video: take the Y plane as stored, exactly what WebCodecs' copyTo hands the browser.
      // `-pix_fmt gray` would rescale limited-range luma (16-235) to full range, ~10 grey levels
      // off the browser's pixels. RGB inputs have no Y plane: there, convert.
      '-vf', lumaIsStored ? 'showinfo,extractplanes=y' : 'showinfo,format=gray',
      '-f', 'rawvideo', '-pix_fmt', 'gray', 'pipe:1',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const times: number[] = [];
  let stderrTail = '';
  let partialLine = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    const lines = (partialLine + chunk).split('\n');
    partialLine = lines.pop() ?? '';
    for (const line of lines) {
      const m = /pts_time:\s*(-?[\d.eE+-]+)/.exec(line);
      if (m && line.includes('showinfo')) times.push(Number(m[1]));
      else if (!line.includes('showinfo') && !/^\s|^(Input|Output|Stream|Press)/.test(line)) stderrTail = (stderrTail + line + '\n').slice(-2000);
    }
  });
  const exited = new Promise<number | null>((resolve, reject) => {
    child.on('error', (err: NodeJS.ErrnoException) => reject(err.code === 'ENOENT' ? new ClipError(INSTALL_HINT) : err));
    child.on('close', (code) => resolve(code));
  });
  exited.catch(() => undefined);

  let pending: Buffer = Buffer.alloc(0);
  let index = 0;
  try {
    for await (const chunk of child.stdout as AsyncIterable<Buffer>) {
      pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
      while (pending.length >= frameBytes) {
        const data = new Uint8Array(frameBytes);
        data.set(pending.subarray(0, frameBytes));
        pending = pending.subarray(frameBytes);
        // showinfo writes the frame's line before its bytes reach us; wait briefly if not.
        for (let tries = 0; times.length <= index && tries < 50; tries++) await new Promise((r) => setTimeout(r, 2));
        const timestampS = times[index] ?? (index > 0 ? (times[index - 1] ?? 0) : 0);
        index++;
        yield { data, width, height, timestampS };
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
