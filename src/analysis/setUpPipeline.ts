import type { AnalysisOptions } from './AnalysisOptions';
import { CandidateTracker } from './CandidateTracker';
import { CellRing } from './CellRing';
import { P } from './detectorParameters';
import type { PipelineInit, PipelineState } from './DetectorPipeline';
import { FloorLearner } from './FloorLearner';
import { candidateScratch } from './findCandidates';
import { LagChannel } from './LagChannel';
import type { LumaFrame } from './LumaFrame';
import { MovementSpans } from './MovementSpans';
import { resolveGeometry } from './resolveGeometry';

/**
 * Everything one clip's pipeline holds, sized on its first frame: the geometry (image region and
 * grid), the ring of recent cells, the two lag channels and their floors, the tracker, the
 * movement spans and the scratch buffers. A baseline's floors are taken only when its grid is the
 * clip's (otherwise `init.noise` is dropped and the clip learns its own).
 */
export function setUpPipeline(frame: LumaFrame, o: AnalysisOptions, init: PipelineInit): PipelineState {
  const given = o.roiPx ?? init.imageRegionPx;
  const geometry = resolveGeometry(frame, { px: o.blockSizePx, mm: P.blockSizeMm }, given, o.roiPx ? 'user' : given ? 'file' : 'auto', o.mmPerPx ?? init.mmPerPx, P.assumedDepthMm);
  const { grid } = geometry;
  const settings = { grid, registrationCells: Math.max(4, Math.round(P.registrationBlockPx / geometry.cellPx)), mmPerCell: geometry.cellPx * geometry.ruleMmPerPx, lkIterations: P.lkIterations, irlsIterations: P.irlsIterations, tukeyC: P.tukeyC, superficialShare: P.superficialShare };
  const n = grid.gridCols * grid.gridRows;
  const noise = init.noise;
  const fits = noise && noise.gridCols === grid.gridCols && noise.gridRows === grid.gridRows && noise.blockSizePx === geometry.blockPx;
  const floorSettings = { warmupS: o.warmupS, refreshS: P.floorRefreshS, sigmaFloor: P.sigmaFloor, minQuietFrames: P.minQuietFrames };
  if (noise && !fits) init.noise = null;
  const longLagS = o.longLagS > 0 ? Math.max(o.longLagS, 2 * o.diffLagS) : 0;
  // What scoring a frame needs of the past: a track's whole span and its closing gaps, and a second
  // for the lagged references. Without a baseline the warm-up's frames are scored late, at its end,
  // so until then the ring holds the warm-up too (DetectorPipeline.flushWarmup shrinks it after).
  const keepS = P.maxTwitchS + 2 * o.closeGapS + 1;
  return {
    geometry,
    ring: new CellRing(keepS + (init.noise ? 0 : o.warmupS)),
    keepS,
    short: new LagChannel('short', o.diffLagS, 0, settings),
    long: longLagS > 0 ? new LagChannel('long', longLagS, P.longAverageS, settings) : null,
    floorShort: new FloorLearner(grid.gridCols, grid.gridRows, geometry.blockPx, fits ? noise : null, floorSettings),
    floorLong: longLagS > 0 ? new FloorLearner(grid.gridCols, grid.gridRows, geometry.blockPx, fits ? (noise?.long ?? null) : null, floorSettings) : null,
    tracker: new CandidateTracker({ cols: grid.gridCols, rows: grid.gridRows, closeGapS: o.closeGapS, maxTwitchS: P.maxTwitchS, relaxLagS: longLagS || o.diffLagS }),
    movements: new MovementSpans(P.analysableGapS),
    scratch: { ...candidateScratch(n), z: new Float32Array(n), zLong: new Float32Array(n), median: new Float64Array(n), smoothTmp: new Float32Array(grid.cellCols * grid.cellRows) },
    activeS: new Float64Array(n),
  };
}
