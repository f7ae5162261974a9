import type { AnalysisOptions } from './AnalysisOptions';
import { CandidateTracker } from './CandidateTracker';
import { CellRing } from './CellRing';
import { P } from './detectorParameters';
import type { PipelineInit, PipelineState } from './DetectorPipeline';
import { FloorLearner } from './FloorLearner';
import { candidateScratch } from './findCandidates';
import type { LumaFrame } from './LumaFrame';
import { longLagOf, ringKeepS, setUpFront } from './measureFront';
import { MovementSpans } from './MovementSpans';

/**
 * Everything one clip's pipeline holds, sized on its first frame: the geometry (image region and
 * grid), the ring of recent cells, the two lag channels and their floors, the tracker, the
 * movement spans and the scratch buffers. A baseline's floors are taken only when its grid is the
 * clip's (otherwise `init.noise` is dropped and the clip learns its own).
 */
export function setUpPipeline(frame: LumaFrame, o: AnalysisOptions, init: PipelineInit): PipelineState {
  const noise = init.noise;
  const keepS = ringKeepS(o);
  // Without a baseline the warm-up's frames are scored late, at its end, so until then the ring
  // holds the warm-up too (DetectorPipeline.flushWarmup shrinks it after).
  const ringS = keepS + (noise ? 0 : o.warmupS);
  const front = setUpFront(frame, { options: o, mmPerPx: init.mmPerPx, imageRegionPx: init.imageRegionPx }, ringS);
  const { geometry } = front;
  const { grid } = geometry;
  const n = grid.gridCols * grid.gridRows;
  const fits = noise && noise.gridCols === grid.gridCols && noise.gridRows === grid.gridRows && noise.blockSizePx === geometry.blockPx;
  const floorSettings = { warmupS: o.warmupS, refreshS: P.floorRefreshS, sigmaFloor: P.sigmaFloor, minQuietFrames: P.minQuietFrames };
  if (noise && !fits) {
    init.noise = null;
    // The clip now learns its own floor, so its ring holds the warm-up after all.
    front.ring = new CellRing(keepS + o.warmupS);
  }
  const longLagS = longLagOf(o);
  return {
    ...front,
    keepS,
    floorShort: new FloorLearner(grid.gridCols, grid.gridRows, geometry.blockPx, fits ? noise : null, floorSettings),
    floorLong: longLagS > 0 ? new FloorLearner(grid.gridCols, grid.gridRows, geometry.blockPx, fits ? (noise?.long ?? null) : null, floorSettings) : null,
    tracker: new CandidateTracker({ cols: grid.gridCols, rows: grid.gridRows, closeGapS: o.closeGapS, maxTwitchS: P.maxTwitchS, relaxLagS: longLagS || o.diffLagS }),
    movements: new MovementSpans(P.analysableGapS),
    scratch: { ...candidateScratch(n), z: new Float32Array(n), zLong: new Float32Array(n), median: new Float64Array(n) },
    activeS: new Float64Array(n),
  };
}
