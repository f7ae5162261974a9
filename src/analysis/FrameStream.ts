import type { ClipInfo, LumaFrame } from './LumaFrame';
import type { FrontResult, FrontSpec } from './measureFront';

/**
 * What the analysis consumes: what is known of a clip up front, and its frames in
 * presentation order. Sources stream frames one at a time; nothing holds the whole clip.
 */
export interface FrameStream {
  info: ClipInfo;
  frames: AsyncIterable<LumaFrame & { front?: FrontResult }>;
  /**
   * Offered by a source that can run the detector's per-frame front (measureFront) ahead, on
   * another thread: told the settings before the first frame is asked for, it then hands out
   * every frame with its `front` (or none of them with one).
   */
  measureAhead?: (spec: FrontSpec) => void;
}

/** Thrown by sources and the analysis with a message a clinician can read as it is. */
export class ClipError extends Error {
  override name = 'ClipError';
}

/** Thrown when a job is cancelled between frames. */
export class AnalysisCancelledError extends Error {
  override name = 'AnalysisCancelledError';
  constructor() {
    super('The analysis was cancelled.');
  }
}
