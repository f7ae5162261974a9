import type { FrameStream } from '../analysis/FrameStream';
import type { ClipInfo } from '../analysis/LumaFrame';
import type { LumaTarget } from '../sources/browser/copyLumaPlane';
import type { NamedBlob } from '../sources/browser/openVideoSource';
import { FrameRing, type RingLayout } from '../sources/FrameRing';
import { installCodedErrorTransfer } from './codedErrorTransfer';

/** Opens one video file with each frame's luma written where `lumaTarget` says (openVideoSource). */
export type OpenVideo = (file: NamedBlob, opts: { lumaTarget: LumaTarget }) => Promise<FrameStream>;

export interface DecodeOpened {
  id: number;
  info: ClipInfo;
  ring: RingLayout;
}

/**
 * Shared memory the ring may take per clip, bytes: 16 frames of lead for the demo (0.31 MP) and
 * 11 for the real clips (0.72 MP), so that waking the reader once per half ring (FrameRing) still
 * leaves it frames to work on; larger frames are never decoded here (DECODE_AHEAD_MAX_PX).
 */
const RING_BUDGET_BYTES = 8 * 1024 * 1024;
const MIN_SLOTS = 3;
const MAX_SLOTS = 16;

interface DecodeJob {
  stream: FrameStream;
  ring: FrameRing;
}

/**
 * The decode worker's side (workers/decode.worker.ts): it opens a clip, decodes it into a
 * FrameRing in shared memory as far ahead as the ring allows, and the analysis worker reads the
 * frames from there (openDecodeAheadVideo). Several clips may be open at once (a clip and its
 * baseline), each with its own ring; a ring's producer waits while its ring is full.
 */
export function createDecodeApi(openVideo: OpenVideo) {
  installCodedErrorTransfer(); // a decoder's refusal keeps its code on the way to the analysis worker
  const jobs = new Map<number, DecodeJob>();
  let nextId = 1;

  return {
    /** Open a clip and size its ring; decoding starts with pump(). */
    async open(blob: Blob, name: string): Promise<DecodeOpened> {
      const file = withName(blob, name);
      let ring: FrameRing | null = null;
      // Frames that do not fit a slot (a size change) go to a fresh array; pump() then refuses them.
      const lumaTarget: LumaTarget = (bytes) => (ring && bytes <= ring.layout.slotBytes ? ring.nextSlot(bytes) : new Uint8Array(bytes));
      const stream = await openVideo(file, { lumaTarget });
      const slotBytes = Math.max(1, stream.info.width * stream.info.height);
      const slots = Math.max(MIN_SLOTS, Math.min(MAX_SLOTS, Math.floor(RING_BUDGET_BYTES / slotBytes)));
      ring = FrameRing.allocate(slots, slotBytes);
      const id = nextId++;
      jobs.set(id, { stream, ring });
      return { id, info: stream.info, ring: ring.layout };
    },

    /**
     * Decode every frame into the ring; resolves when the clip has ended or the reader stopped,
     * and rejects with the source's own error (which the reader then raises as its own).
     */
    async pump(id: number): Promise<void> {
      const job = jobs.get(id);
      if (!job) throw new Error(`No clip is open under decode id ${id}.`);
      const { stream, ring } = job;
      const frames = stream.frames[Symbol.asyncIterator]();
      let first: { width: number; height: number } | null = null;
      try {
        while (await ring.waitForFreeSlot()) {
          const next = await frames.next();
          if (next.done) return ring.finish(false);
          const frame = next.value;
          first ??= { width: frame.width, height: frame.height };
          if (frame.width !== first.width || frame.height !== first.height) {
            // The analysis refuses this too (DetectorPipeline), in the same words.
            throw new RangeError(`Frame size changed from ${first.width}x${first.height} to ${frame.width}x${frame.height} px in the middle of the clip.`);
          }
          const slot = ring.nextSlot(frame.data.length);
          if (frame.data.buffer !== slot.buffer || frame.data.byteOffset !== slot.byteOffset) slot.set(frame.data);
          ring.publish(frame.timestampS, frame.width, frame.height);
        }
      } catch (error) {
        ring.finish(true);
        throw error;
      } finally {
        jobs.delete(id);
        await frames.return?.(undefined);
      }
    },

    /** Release a clip that was opened but never pumped (the job failed or was cancelled first). */
    async close(id: number): Promise<void> {
      const job = jobs.get(id);
      if (!job) return;
      jobs.delete(id);
      job.ring.stop();
      await (job.stream.frames as { close?: () => Promise<void> }).close?.();
    },
  };
}

export type DecodeApi = ReturnType<typeof createDecodeApi>;

/** The file under its own name (a File made of a Blob references its data; nothing is copied). */
function withName(blob: Blob, name: string): NamedBlob {
  if (typeof File === 'function' && blob instanceof File && blob.name === name) return blob;
  if (typeof File === 'function') return new File([blob], name, { type: blob.type });
  return Object.assign(blob, { name });
}

