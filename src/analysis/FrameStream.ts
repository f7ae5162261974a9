import type { ClipInfo, LumaFrame } from './LumaFrame';

/**
 * What the analysis consumes: what is known of a clip up front, and its frames in
 * presentation order. Sources stream frames one at a time; nothing holds the whole clip.
 */
export interface FrameStream {
  info: ClipInfo;
  frames: AsyncIterable<LumaFrame>;
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
