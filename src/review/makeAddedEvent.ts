import type { AnalysisResult } from '../analysis/AnalysisResult';
import { round } from '../analysis/round';
import type { TwitchEvent } from '../analysis/TwitchEvent';
import type { ReviewSnapshot } from './ReviewState';

/** Where and when the reviewer saw a twitch the detector missed, in the clip's pixels and seconds. */
export interface AddedPlace {
  timeS: number;
  xPx: number;
  yPx: number;
}

/**
 * Radius given to an added twitch, mm: a reviewer marks a point, not a territory. Motor-unit
 * territories in human calf muscle span about 5-10 mm (the simulator draws radii of 3.5-5.5 mm).
 */
export const ADDED_RADIUS_MM = 4;
/** Without a scale the radius is this many analysis blocks (16 px blocks: 24 px). */
const ADDED_RADIUS_BLOCKS = 1.5;

/** The default place when the reviewer does not click one: the middle of the analysed region. */
export function defaultPlace(result: AnalysisResult, timeS: number): AddedPlace {
  const { roi } = result;
  return { timeS, xPx: Math.round(roi.x + roi.width / 2), yPx: Math.round(roi.y + roi.height / 2) };
}

/**
 * A fasciculation the reviewer adds: one moment (onset = peak = end = the video's time), at the
 * place given, with the nominal territory above and the motion-map blocks inside it. Its id follows
 * every id in the result and the review, so ids stay unique within an export.
 */
export function makeAddedEvent(result: AnalysisResult, review: ReviewSnapshot, place: AddedPlace): TwitchEvent {
  const mmPerPx = result.settings.mmPerPx;
  const radiusPx = mmPerPx ? ADDED_RADIUS_MM / mmPerPx : ADDED_RADIUS_BLOCKS * result.settings.blockSizePx;
  const id = Math.max(0, ...result.events.map((e) => e.id), ...review.added.map((e) => e.id)) + 1;
  const timeS = round(Math.max(0, place.timeS), 4);
  const r = Math.round(radiusPx);
  const box = {
    x: Math.max(0, Math.round(place.xPx) - r),
    y: Math.max(0, Math.round(place.yPx) - r),
    width: 2 * r,
    height: 2 * r,
  };
  const areaPx = Math.round(Math.PI * radiusPx * radiusPx);
  return {
    id,
    kind: 'fasciculation',
    onsetS: timeS,
    peakS: timeS,
    endS: timeS,
    durationS: 0,
    xPx: Math.round(place.xPx),
    yPx: Math.round(place.yPx),
    boxPx: box,
    areaPx,
    areaMm2: mmPerPx ? round(Math.PI * ADDED_RADIUS_MM * ADDED_RADIUS_MM, 2) : null,
    score: 0,
    peakDisplacementPx: null,
    peakDisplacementMm: null,
    directionCoherence: null,
    reason: 'added by the reviewer',
    probability: 1,
    source: 'reviewer',
    blocks: blocksWithin(result, place.xPx, place.yPx, radiusPx),
  };
}

/** Motion-map blocks (row-major) whose centres lie within `radiusPx` of the point. */
function blocksWithin(result: AnalysisResult, xPx: number, yPx: number, radiusPx: number): number[] {
  const m = result.motionMap;
  const out: number[] = [];
  for (let row = 0; row < m.rows; row++) {
    for (let col = 0; col < m.cols; col++) {
      const cx = m.xPx + (col + 0.5) * m.blockPx;
      const cy = m.yPx + (row + 0.5) * m.blockPx;
      if (Math.hypot(cx - xPx, cy - yPx) <= radiusPx) out.push(row * m.cols + col);
    }
  }
  return out;
}
