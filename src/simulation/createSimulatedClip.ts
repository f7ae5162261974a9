import type { LumaFrame } from '../analysis/LumaFrame';
import { round } from '../analysis/round';
import { buildSpeckleFields } from './buildSpeckleFields';
import { makeClipSpec, type ClipSpec, type ClipSpecInput } from './ClipSpec';
import { createCalfAnatomy } from './createCalfAnatomy';
import { createMotionModel, type MotionFrame } from './createMotionModel';
import { createRandom, deriveSeed } from './createRandom';
import { computeScreenLayout, drawClock, drawStaticScreen, type ScreenLayout } from './drawScannerScreen';
import type { GroundTruth } from './GroundTruth';
import { cursorAt, drawCursor, planCursor } from './planCursor';
import { createBModeRenderer } from './renderBMode';

export interface SimulatedClip {
  spec: ClipSpec;
  layout: ScreenLayout;
  truth: GroundTruth;
  widthPx: number;
  heightPx: number;
  frameCount: number;
  /** Full screen frames in order, each a fresh buffer; times are index / fps (the file's timestamps). */
  frames(): Generator<LumaFrame>;
}

const round3 = (v: number): number => round(v, 3);

/**
 * A whole simulated B-mode clip: calf anatomy and speckle from `anatomySeed`, motion from
 * `eventSeed`, rendered frame by frame inside the scanner's screen. Deterministic: the same spec
 * gives the same bytes. When `scannerFps` is set the scanner makes new images at that rate and the
 * screen recording repeats them, as a screen grabber at a higher rate does.
 */
export function createSimulatedClip(partial: ClipSpecInput): SimulatedClip {
  const spec = makeClipSpec(partial);
  const layout = computeScreenLayout(spec);
  const box = layout.imageBoxPx;
  const mm = layout.mmPerPx;
  const anatomy = createCalfAnatomy(spec.view, box.width * mm, box.height * mm, spec.anatomySeed, spec.pulsation?.vesselRadiusMm);
  const motion = createMotionModel(spec, anatomy, box.width, box.height, mm);
  // Room for the largest excursion any motion can make, so moved tissue is never sampled off the grid.
  const reachMm = (spec.breathing?.amplitudeMm ?? 0) + (spec.jolts ? spec.jolts.shiftMm + (spec.jolts.compressionPct / 100) * spec.depthMm : 0) +
    (spec.contraction?.shiftMm ?? 0) + (spec.pulsation?.amplitudeMm ?? 0) + spec.fasciculations.amplitudeMm.max;
  const marginPx = Math.ceil(reachMm / mm) + 8;
  const fields = buildSpeckleFields(anatomy, box.width, box.height, mm, spec.probeMHz, marginPx, spec.anatomySeed, spec.psf);
  const render = createBModeRenderer(fields, {
    imageWidthPx: box.width,
    imageHeightPx: box.height,
    dynamicRangeDb: spec.dynamicRangeDb,
    gainDb: spec.gainDb,
    snrDb: spec.noise.snrDb,
    seed: spec.eventSeed,
    persistence: spec.persistence,
  });
  const staticScreen = drawStaticScreen(spec, layout);
  const startSecondOfDay = Math.floor(createRandom(deriveSeed(spec.eventSeed, 'clock')).uniform(8 * 3600, 17 * 3600));
  const cursor = spec.cursor ? planCursor(spec.durationS, box, createRandom(deriveSeed(spec.eventSeed, 'cursor'))) : null;
  const frameCount = Math.round(spec.durationS * spec.fps);
  const W = spec.screenWidthPx;
  const H = spec.screenHeightPx;

  const truth: GroundTruth = {
    name: spec.name,
    fps: spec.fps,
    frames: frameCount,
    durationS: round3(frameCount / spec.fps),
    width: W,
    height: H,
    mmPerPx: Math.round(mm * 1e5) / 1e5,
    imageBoxPx: { ...box },
    view: spec.view,
    fasciculations: motion.fasciculations.map((f) => ({
      onsetS: round3(f.onsetS),
      peakS: round3(f.peakS),
      endS: round3(f.endS),
      xPx: Math.round(box.x + f.xMm / mm),
      yPx: Math.round(box.y + f.zMm / mm),
      radiusMm: round3(f.radiusMm),
      amplitudeMm: round3(f.amplitudeMm),
    })),
    confounders: {
      ...motion.confounders,
      jolts: motion.confounders.jolts?.map((j) => ({ ...j, startS: round3(j.startS), peakS: round3(j.peakS), endS: round3(j.endS) })) ?? null,
      contraction: motion.confounders.contraction?.map((c) => ({ ...c, startS: round3(c.startS), endS: round3(c.endS) })) ?? null,
      pulsation: motion.confounders.pulsation
        ? { ...motion.confounders.pulsation, xPx: Math.round(box.x + motion.confounders.pulsation.xPx), yPx: Math.round(box.y + motion.confounders.pulsation.yPx) }
        : null,
      electronicNoise: { snrDb: Number.isFinite(spec.noise.snrDb) ? spec.noise.snrDb : null },
      clock: spec.clock,
      cursor: cursor ? cursor.moves.map((m) => ({ ...m, startS: round3(m.startS), endS: round3(m.endS) })) : null,
      screenRecording: spec.scannerFps ? { scannerFps: spec.scannerFps } : null,
    },
    simulator: {
      anatomySeed: spec.anatomySeed,
      eventSeed: spec.eventSeed,
      probeMHz: spec.probeMHz,
      depthMm: spec.depthMm,
      dynamicRangeDb: spec.dynamicRangeDb,
      gainDb: spec.gainDb,
      psf: { ...spec.psf },
      persistence: spec.persistence,
    },
  };

  function* frames(): Generator<LumaFrame> {
    const n = box.width * box.height;
    const state: MotionFrame = { dxPx: new Float32Array(n), dzPx: new Float32Array(n), thetaRad: new Float32Array(n) };
    const image = new Uint8Array(n);
    const screen = new Uint8Array(staticScreen);
    let lastScannerFrame = -1;
    for (let index = 0; index < frameCount; index++) {
      const tS = index / spec.fps;
      // A screen recording shows the scanner's latest image: a new one only every 1/scannerFps.
      const scannerFrame = spec.scannerFps ? Math.floor(tS * spec.scannerFps + 1e-9) : index;
      if (scannerFrame !== lastScannerFrame) {
        motion.fill(spec.scannerFps ? scannerFrame / spec.scannerFps : tS, state);
        render(state, image);
        for (let j = 0; j < box.height; j++) screen.set(image.subarray(j * box.width, (j + 1) * box.width), (box.y + j) * W + box.x);
        lastScannerFrame = scannerFrame;
      }
      if (spec.clock) drawClock(screen, spec, layout, startSecondOfDay, tS);
      const data = new Uint8Array(screen);
      if (cursor) {
        const [cx, cy] = cursorAt(cursor, tS);
        drawCursor(data, W, H, cx, cy, layout.textScale);
      }
      yield { data, width: W, height: H, timestampS: tS };
    }
  }

  return { spec, layout, truth, widthPx: W, heightPx: H, frameCount, frames };
}
