import type { DisplacementProbe, Track } from './CandidateTracker';
import { P } from './detectorParameters';
import type { PipelineState } from './DetectorPipeline';
import type { DisplacementEstimate, DisplacementEstimator } from './estimateDisplacement';
import type { RectPx } from './LumaFrame';
import { measureLocalDisplacement } from './measureLocalDisplacement';

/**
 * How the tracker and the event report measure a territory's own motion: Lucas-Kanade of its box
 * against the surrounding strips, between two frames still in the ring (the tracker's probe); and
 * the injected dense flow (OpenCV Farneback in the app and the CLI) over the rise, for the
 * reported peak displacement and direction coherence.
 */
export function displacementProbe(s: PipelineState): DisplacementProbe {
  const g = s.geometry;
  const { cellCols: w, cellRows: h, gridCols, blockCells: bc } = g.grid;
  return (blocks, fromS, toS) => {
    if (blocks.length === 0 || blocks.length > P.maxProbeBlocks) return null;
    const before = s.ring.atOrBefore(fromS);
    const after = s.ring.atOrBefore(toS);
    if (!before || !after || before === after) return null;
    const box = cellBox(blocks, gridCols, bc);
    const d = measureLocalDisplacement({ data: before.smooth, width: w, height: h }, { data: after.smooth, width: w, height: h }, box, 2 * bc);
    const mm = g.cellPx * g.ruleMmPerPx;
    return d ? { dxMm: d.dx * mm, dyMm: d.dy * mm } : null;
  };
}

/** The injected estimator's peak displacement over the rise (frame before onset to 0.4 s after). */
export function peakFlow(s: PipelineState, track: Track, est: DisplacementEstimator | undefined): DisplacementEstimate | null {
  const before = s.ring.atOrBefore(track.onsetS);
  if (!est || !before || track.territory.length > P.maxProbeBlocks) return null;
  const { cellCols: w, cellRows: h, gridCols, blockCells: bc } = s.geometry.grid;
  const box = cellBox(track.territory, gridCols, bc, bc, w, h);
  let best: ReturnType<DisplacementEstimator> = null;
  for (const f of s.ring.between(before.t + 1e-6, Math.min(track.lastT, track.onsetS + 0.4))) {
    const d = est({ data: before.cells, width: w, height: h }, { data: f.cells, width: w, height: h }, box);
    if (d && (!best || d.magnitude > best.magnitude)) best = d;
  }
  return best;
}

/** Bounding box of blocks in cells, grown by `margin` cells and clipped to w x h when given. */
export function cellBox(blocks: readonly number[], gridCols: number, bc: number, margin = 0, w = Infinity, h = Infinity): RectPx {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const b of blocks) {
    x0 = Math.min(x0, b % gridCols);
    x1 = Math.max(x1, b % gridCols);
    y0 = Math.min(y0, (b / gridCols) | 0);
    y1 = Math.max(y1, (b / gridCols) | 0);
  }
  const x = Math.max(0, x0 * bc - margin);
  const y = Math.max(0, y0 * bc - margin);
  return { x, y, width: Math.min(w, (x1 + 1) * bc + margin) - x, height: Math.min(h, (y1 + 1) * bc + margin) - y };
}
