import type { DataSet } from 'dicom-parser';

/** Where a clip's frame times came from, for the record and for tests. */
export type FrameTimingSource = 'frame-time-vector' | 'frame-time' | 'cine-rate' | 'display-frame-rate';

export interface DicomFrameTiming {
  /** Presentation time of each frame, first frame at 0. */
  timesS: number[];
  source: FrameTimingSource;
  /** The nominal frame period when the file gives one (all but the vector), else null. */
  periodS: number | null;
}

const FRAME_TIME = 'x00181063';
const FRAME_TIME_VECTOR = 'x00181065';
const CINE_RATE = 'x00180040';
const RECOMMENDED_DISPLAY_FRAME_RATE = 'x00082144';
const FRAME_INCREMENT_POINTER = 'x00280009';

/**
 * Frame Time Vector (0018,1065): "the real time increments (in msec) between frames ... the
 * first frame has a time increment of 0" (PS3.3 C.7.6.5.1.2), so times are its running sum.
 * Returns null when the vector does not have one finite, non-negative value per frame.
 */
function timesFromVector(ds: DataSet, frames: number): number[] | null {
  const count = ds.numStringValues(FRAME_TIME_VECTOR) ?? 0;
  if (count !== frames) return null;
  const timesS: number[] = [];
  let totalMs = 0;
  for (let i = 0; i < frames; i++) {
    const incrementMs = ds.floatString(FRAME_TIME_VECTOR, i);
    if (incrementMs === undefined || !Number.isFinite(incrementMs) || incrementMs < 0) return null;
    // Frame 0's increment is 0 by definition; some writers put the period there instead.
    if (i > 0) totalMs += incrementMs;
    if (i > 0 && incrementMs === 0) return null; // two frames at one instant: not a real time base
    timesS.push(totalMs / 1000);
  }
  return timesS;
}

/** Frame i at i * periodMs / 1000: multiplying in ms first keeps 3 x 40 ms at exactly 0.12 s. */
function evenlySpaced(frames: number, periodMs: number): number[] {
  return Array.from({ length: frames }, (_, i) => (i * periodMs) / 1000);
}

function positive(value: number | undefined): number | null {
  return value !== undefined && Number.isFinite(value) && value > 0 ? value : null;
}

/**
 * Frame timing in the order PS3.3 gives it weight: the vector when the Frame Increment Pointer
 * (0028,0009) names it, else Frame Time (0018,1063, ms per frame), else the display hints Cine
 * Rate (0018,0040) and Recommended Display Frame Rate (0008,2144), both in frames per second.
 * A vector the pointer does not name is still used when nothing better exists.
 * Returns null when the file carries no timing at all.
 */
export function readDicomFrameTimesS(ds: DataSet, frames: number): DicomFrameTiming | null {
  const pointer = ds.elements[FRAME_INCREMENT_POINTER] ? ds.attributeTag(FRAME_INCREMENT_POINTER) : undefined;
  if (pointer === FRAME_TIME_VECTOR) {
    const timesS = timesFromVector(ds, frames);
    if (timesS) return { timesS, source: 'frame-time-vector', periodS: null };
  }
  const frameTimeMs = positive(ds.floatString(FRAME_TIME));
  if (frameTimeMs !== null) return { timesS: evenlySpaced(frames, frameTimeMs), source: 'frame-time', periodS: frameTimeMs / 1000 };
  const vectorTimesS = timesFromVector(ds, frames);
  if (vectorTimesS) return { timesS: vectorTimesS, source: 'frame-time-vector', periodS: null };
  const cineRateFps = positive(ds.floatString(CINE_RATE));
  if (cineRateFps !== null) return { timesS: evenlySpaced(frames, 1000 / cineRateFps), source: 'cine-rate', periodS: 1 / cineRateFps };
  const displayFps = positive(ds.floatString(RECOMMENDED_DISPLAY_FRAME_RATE));
  if (displayFps !== null) return { timesS: evenlySpaced(frames, 1000 / displayFps), source: 'display-frame-rate', periodS: 1 / displayFps };
  return null;
}
