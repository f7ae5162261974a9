import { writeFileSync } from 'node:fs';
import type { SimulatedClip } from '../src/simulation/createSimulatedClip';
import { encodeGrayFrames, encodingOf, type WriteOptions } from './encodeGrayFrames';

export type { SimCodec, WriteOptions } from './encodeGrayFrames';

/**
 * Encodes a simulated clip with ffmpeg (frame i at i/fps, exactly the simulated time) and writes
 * NAME.truth.json beside the video, with how it was encoded. Returns the video's size in bytes.
 */
export async function writeSimulatedClip(clip: SimulatedClip, videoPath: string, options: WriteOptions): Promise<number> {
  const frames = (function* () {
    for (const frame of clip.frames()) yield frame.data;
  })();
  const size = await encodeGrayFrames(frames, clip.widthPx, clip.heightPx, clip.spec.fps, videoPath, options);
  const truthPath = videoPath.replace(/\.(mp4|webm)$/, '.truth.json');
  writeFileSync(truthPath, JSON.stringify({ ...clip.truth, encoding: encodingOf(options) }, null, 2) + '\n');
  return size;
}
