import { blocksBoxPx } from './blockGeometry';
import { round } from './round';
import type { DescribedCandidate } from './buildEvents';
import type { Track } from './CandidateTracker';
import type { DisplacementEstimate } from './estimateDisplacement';
import type { ClipGeometry } from './resolveGeometry';
import { territoryShape } from './describeTrack';


/**
 * A finished track in the clip's own pixels and units: its times (peak = the frame of largest
 * summed z, less half its lag), z-weighted centre, box and area of its territory, peak z, and its
 * displacement (the injected estimator's, e.g. OpenCV's dense flow, else the tracker's own
 * Lucas-Kanade measure against the surrounding tissue).
 */
export function trackToCandidate(track: Track, features: Float32Array, g: ClipGeometry, flow: DisplacementEstimate | null): DescribedCandidate {
  const peak = track.frames.reduce((a, f) => (f.sumZ > a.sumZ ? f : a));
  const { roi, blockPx, grid } = g;
  let w = 0;
  let wx = 0;
  let wy = 0;
  for (const f of track.frames) {
    const v = Math.max(1e-3, f.sumZ);
    w += v;
    wx += v * f.cx;
    wy += v * f.cy;
  }
  const shape = territoryShape(track.territory, grid.gridCols);
  const cx = w > 0 ? wx / w : shape.cx;
  const cy = w > 0 ? wy / w : shape.cy;
  const areaPx = track.territory.length * blockPx * blockPx;
  const own = track.displacement.reduce((m, d) => (d ? Math.max(m, Math.hypot(d.dxMm, d.dyMm)) : m), 0);
  const ownPx = own / g.ruleMmPerPx;
  const dispPx = flow ? flow.magnitude * g.cellPx : ownPx;
  return {
    onsetS: track.onsetS,
    peakS: peak.t - peak.lagS / 2,
    endS: track.lastT,
    xPx: Math.round(roi.x + (cx + 0.5) * blockPx),
    yPx: Math.round(roi.y + (cy + 0.5) * blockPx),
    boxPx: blocksBoxPx(track.territory, grid.gridCols, roi, blockPx),
    areaPx,
    areaMm2: g.mmPerPx ? round(areaPx * g.mmPerPx ** 2, 2) : null,
    score: round(Math.max(...track.frames.map((f) => Math.max(f.peakShort, f.peakLong))), 2),
    peakDisplacementPx: round(dispPx, 3),
    peakDisplacementMm: g.mmPerPx ? round(dispPx * g.mmPerPx, 4) : null,
    directionCoherence: flow ? round(flow.coherence, 3) : null,
    blocks: [...track.territory].sort((a, b) => a - b),
    features: Array.from(features, (v) => round(v, 5)),
  };
}
