import { transfer } from 'comlink';
import type { LumaFrame } from '../analysis/LumaFrame';
import type { ClipInput, OpenSource, SourceRequest } from './createAnalysisApi';
import { shrinkLuma, storeFactor } from './storeFrame';
import { installCodedErrorTransfer } from './codedErrorTransfer';

/** Luma the player worker may hold for one clip, bytes: frames beyond it are stored smaller. */
const DEFAULT_BUDGET_BYTES = 384 * 1024 * 1024;
/** Frames assumed for the budget when the container does not say how many it holds. */
const UNKNOWN_FRAMES = 3000;

export interface PlayerClipInfo {
  handle: number;
  /** The clip's own size, px: overlay coordinates are in these pixels. */
  width: number;
  height: number;
  /** From the container when it says; the frame list is exact once decoded. */
  durationS: number | null;
  framesTotal: number | null;
}

export interface PlayerFrameList {
  /** Presentation time of every frame, s, ascending. */
  timesS: number[];
}

/** One decoded frame for the canvas player: luma, possibly stored smaller than the clip. */
export type PlayerFrame = LumaFrame;

interface StoredClip {
  frames: LumaFrame[];
  done: boolean;
  error: Error | null;
  closed: boolean;
  /** Wakes everyone waiting for more frames, the end, or an error. */
  waiters: (() => void)[];
}

/**
 * The canvas player's side of the worker boundary (formats <video> cannot play: DICOM, AVI, GIF,
 * picture sequences, and videos the element refuses). A clip is decoded once, in the background,
 * by the same sources as the analysis, into luma frames held here (within `budgetBytes`, so a 1 GB
 * DICOM is kept at half size rather than exhausting memory); the page asks for frames by index.
 */
export function createPlayerApi(openSource: OpenSource, budgetBytes = DEFAULT_BUDGET_BYTES) {
  installCodedErrorTransfer();
  const clips = new Map<number, StoredClip>();
  let nextHandle = 1;

  const wake = (clip: StoredClip): void => {
    for (const w of clip.waiters.splice(0)) w();
  };
  const waitFor = async (clip: StoredClip, ready: () => boolean): Promise<void> => {
    while (!ready() && !clip.done && !clip.error && !clip.closed) await new Promise<void>((r) => clip.waiters.push(r));
  };
  const get = (handle: number): StoredClip => {
    const clip = clips.get(handle);
    if (!clip) throw new Error(`The player has no clip ${handle} open.`);
    return clip;
  };

  async function decode(clip: StoredClip, iterator: AsyncIterator<LumaFrame>, first: LumaFrame, factor: number): Promise<void> {
    try {
      clip.frames.push(shrinkLuma(first, factor));
      wake(clip);
      while (!clip.closed) {
        const next = await iterator.next();
        if (next.done) break;
        clip.frames.push(shrinkLuma(next.value, factor));
        wake(clip);
      }
    } catch (err) {
      clip.error = err instanceof Error ? err : new Error(String(err));
    } finally {
      clip.done = true;
      if (clip.closed) await iterator.return?.();
      wake(clip);
    }
  }

  const api = {
    /** Opens the clip and resolves once its first frame is decoded; the rest follows in the background. */
    async open(input: ClipInput, source: SourceRequest = {}): Promise<PlayerClipInfo> {
      const stream = await openSource(input, { fps: typeof source.fps === 'number' ? source.fps : null });
      const iterator = stream.frames[Symbol.asyncIterator]();
      const first = await iterator.next();
      if (first.done) throw Object.assign(new Error(`"${stream.info.file}" contains no video frames that could be decoded.`), { name: 'ClipError' });
      const { width, height } = first.value;
      const factor = storeFactor(width, height, stream.info.frames ?? UNKNOWN_FRAMES, budgetBytes);
      const handle = nextHandle++;
      const clip: StoredClip = { frames: [], done: false, error: null, closed: false, waiters: [] };
      clips.set(handle, clip);
      void decode(clip, iterator, first.value, factor);
      return { handle, width, height, durationS: stream.info.durationS, framesTotal: stream.info.frames };
    },

    /** Every frame's time, once the whole clip is decoded; rejects with the source's error if it failed. */
    async frameList(handle: number): Promise<PlayerFrameList> {
      const clip = get(handle);
      await waitFor(clip, () => false);
      if (clip.error) throw clip.error;
      return { timesS: clip.frames.map((f) => f.timestampS) };
    },

    /** Frame `index` (0-based), waiting for it to be decoded; the last frame when the clip is shorter. */
    async frame(handle: number, index: number): Promise<PlayerFrame> {
      const clip = get(handle);
      await waitFor(clip, () => clip.frames.length > index);
      if (clip.frames.length === 0) throw clip.error ?? new Error('The clip has no frames.');
      const f = clip.frames[Math.max(0, Math.min(index, clip.frames.length - 1))];
      const data = f.data.slice();
      return transfer({ data, width: f.width, height: f.height, timestampS: f.timestampS }, [data.buffer]);
    },

    /** Forget a clip and stop decoding it. */
    close(handle: number): void {
      const clip = clips.get(handle);
      if (!clip) return;
      clip.closed = true;
      clips.delete(handle);
      wake(clip);
    },
  };
  return api;
}

export type PlayerApi = ReturnType<typeof createPlayerApi>;
