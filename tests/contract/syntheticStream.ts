import type { FrameStream } from '../../src/analysis/FrameStream';
import type { ClipInfo, LumaFrame } from '../../src/analysis/LumaFrame';
import { syntheticFrames, type SyntheticSpec } from '../helpers/syntheticFrames';

export interface StreamBehaviour {
  name?: string;
  /** Wait this long before each frame, ms, as a decoder would; 0 yields with microtasks only. */
  frameDelayMs?: number;
  /** Called when the stream's frames are released (finished, stopped early or closed). */
  onClose?: () => void;
}

/** The shared synthetic speckle clip (tests/helpers) served as a FrameStream, as a source would. */
export function syntheticStream(spec: SyntheticSpec, behaviour: StreamBehaviour = {}): FrameStream {
  const frames = Math.round(spec.durationS * spec.fps);
  const info: ClipInfo = {
    file: behaviour.name ?? 'synthetic.mp4',
    frames,
    fps: spec.fps,
    durationS: spec.durationS,
    width: spec.width,
    height: spec.height,
    codec: null,
    mmPerPx: null,
    imageRegionPx: null,
  };
  const delayMs = behaviour.frameDelayMs ?? 0;
  async function* generate(): AsyncGenerator<LumaFrame> {
    try {
      for (const frame of syntheticFrames(spec)) {
        if (delayMs > 0) await new Promise((r) => setTimeout(r, delayMs));
        yield frame;
      }
    } finally {
      behaviour.onClose?.();
    }
  }
  return { info, frames: generate() };
}
