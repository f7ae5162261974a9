import {
  ALL_FORMATS,
  BlobSource,
  Input,
  IsobmffInputFormat,
  VideoSampleSink,
  type InputVideoTrack,
  type VideoSample,
} from 'mediabunny';
import { ClipError, type FrameStream } from '../../analysis/FrameStream';
import { sourceError } from '../SourceError';
import type { ClipInfo, LumaFrame } from '../../analysis/LumaFrame';
import { copyLumaPlane, LumaScratch, type LumaTarget } from './copyLumaPlane';
import { describeUnreadableFile } from './describeUnreadableFile';
import { findTruncation } from './findTruncation';

export type NamedBlob = Blob & { name?: string };

export interface VideoSourceOptions {
  /** Passed to WebCodecs; 'prefer-software' avoids opaque GPU frames where a GPU decoder exists. */
  hardwareAcceleration?: HardwareAcceleration;
  /** Each frame's pixels are valid only until the next frame is asked for (LumaScratch). */
  lendFrames?: boolean;
  /** Where each frame's luma is written instead (the decode worker's shared ring); implies lending. */
  lumaTarget?: LumaTarget;
}

/** Larger than any scanner or phone video; 8K UHD is 7680x4320. Guards absurd headers. */
const MAX_SIDE_PX = 8192;

/**
 * Open an MP4, MOV or WebM clip for frame-exact analysis in a worker.
 *
 * mediabunny (MPL-2.0, no dependencies) demuxes lazily from the Blob (8 MiB read cache, the file is
 * never read whole), and its VideoSampleSink drives a WebCodecs VideoDecoder with a bounded queue
 * (<= 8 decoded frames, <= 40 packets; mediabunny media-sink.js computeMaxQueueSize), so memory stays
 * flat however long the clip, and it hands out frames in presentation order with the container's
 * timestamps. Each frame is reduced to its luma plane and closed at once.
 */
export async function openVideoSource(file: NamedBlob, opts: VideoSourceOptions = {}): Promise<FrameStream> {
  const name = file.name ?? 'clip';
  if (file.size === 0) {
    throw sourceError('emptyVideo', { name });
  }
  const truncation = await findTruncation(file);
  if (truncation) {
    throw sourceError('truncatedVideo', { name, actual: formatBytes(truncation.actualBytes), expected: formatBytes(truncation.expectedBytes) });
  }
  const input = new Input({
    formats: ALL_FORMATS,
    // Errors outside a pending read resurface on the next read; never as unhandled rejections.
    source: new BlobSource(file, { handleUnhandledError: () => undefined }),
  });
  try {
    const track = await primaryVideoTrack(input, file, name);
    const info = await describeTrack(input, track, name);
    // close() lets a caller release the file and decoder even if it never starts iterating.
    const frames = Object.assign(lumaFrames(input, track, name, opts), {
      close: async (): Promise<void> => input.dispose(),
    });
    return { info, frames };
  } catch (error) {
    input.dispose();
    throw error;
  }
}

async function primaryVideoTrack(input: Input, file: NamedBlob, name: string): Promise<InputVideoTrack> {
  let track: InputVideoTrack | null;
  try {
    if (!(await input.canRead())) throw await describeUnreadableFile(file, name);
    track = await input.getPrimaryVideoTrack();
  } catch (error) {
    if (error instanceof ClipError) throw error;
    throw sourceError('unreadableVideo', { name, detail: errorText(error) });
  }
  if (!track) {
    const tracks = await input.getTracks().catch(() => []);
    throw sourceError(tracks.length > 0 ? 'noVideoTrack' : 'noTracks', { name });
  }
  const codec = await track.getCodec();
  if (!(await track.canDecode())) {
    if (codec === 'hevc') throw sourceError('hevc');
    throw sourceError('codecUnsupported', { name, codec: codec ?? '' });
  }
  return track;
}

async function describeTrack(input: Input, track: InputVideoTrack, name: string): Promise<ClipInfo> {
  const width = await track.getCodedWidth();
  const height = await track.getCodedHeight();
  if (!(width > 0 && height > 0 && width <= MAX_SIDE_PX && height <= MAX_SIDE_PX)) {
    throw sourceError('absurdVideoSize', { name, width, height, max: MAX_SIDE_PX });
  }
  // MP4/MOV keep the whole sample table in the header, so counting frames is cheap and exact there.
  // WebM would need a scan of every cluster (the whole file), so its count stays null until decoded.
  const isIsobmff = (await input.getFormat()) instanceof IsobmffInputFormat;
  let frames: number | null = null;
  let fps: number | null = null;
  let durationS: number | null = null;
  try {
    const firstS = await track.getFirstTimestamp();
    if (isIsobmff) {
      const stats = await track.computePacketStats();
      frames = stats.packetCount;
      fps = stats.averagePacketRate || null;
      durationS = (await track.computeDuration()) - firstS;
    } else {
      fps = (await track.computePacketStats(120)).averagePacketRate || null;
      const endS = await track.getDurationFromMetadata();
      durationS = endS === null ? null : endS - firstS;
    }
  } catch {
    // Metadata beyond the basics is a nicety for progress bars; decoding reports real damage.
  }
  return {
    file: name,
    frames,
    fps,
    durationS,
    width,
    height,
    codec: await track.getCodecParameterString(),
    mmPerPx: null,
    imageRegionPx: null,
  };
}

async function* lumaFrames(
  input: Input,
  track: InputVideoTrack,
  name: string,
  opts: VideoSourceOptions,
): AsyncGenerator<LumaFrame> {
  const sink = new VideoSampleSink(track, { hardwareAcceleration: opts.hardwareAcceleration ?? 'no-preference' });
  const scratch = new LumaScratch(opts.lumaTarget ?? opts.lendFrames === true);
  const samples = sink.samples();
  let count = 0;
  let lastS = 0;
  try {
    while (true) {
      let frame: LumaFrame;
      let sample: VideoSample | undefined;
      try {
        const next = await samples.next();
        if (next.done) break;
        sample = next.value;
        const { left, top, width, height } = sample.visibleRect;
        const luma = await copyLumaPlane(sample, { x: left, y: top, width, height }, scratch);
        frame = { ...luma, timestampS: sample.timestamp };
      } catch (error) {
        throw toClipError(error, name, count, lastS);
      } finally {
        // Close before handing the luma on: an open frame holds decoder memory and stalls it.
        sample?.close();
      }
      lastS = frame.timestampS;
      count++;
      yield frame;
    }
  } finally {
    // Runs on completion, error and early exit (cancel): closes queued frames, then the decoder and file.
    await samples.return();
    input.dispose();
  }
}

function toClipError(error: unknown, name: string, framesRead: number, lastS: number): Error {
  if (error instanceof ClipError) return error;
  if (error instanceof Error && error.name === 'AnalysisCancelledError') return error;
  return sourceError('decodingStopped', { name, frames: framesRead, atS: lastS, detail: errorText(error) });
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function formatBytes(bytes: number): string {
  if (bytes >= 1e9) return `${(bytes / 1e9).toFixed(2)} GB`;
  if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1e3))} kB`;
}
