import type { ClipSpec } from './ClipSpec';
import { vesselOffsetMm, type CalfAnatomy } from './createCalfAnatomy';
import { createRandom, deriveSeed, type Random } from './createRandom';
import type { GroundTruth } from './GroundTruth';
import { planFasciculations, type PlannedFasciculation } from './planFasciculations';
import { rampHold, twitchTimeCourse } from './twitchTimeCourse';
import { twitchField, type LocalField } from './twitchField';

/** Tissue motion at one instant, image pixels: where each pixel's tissue came from, and how much it changed out of plane. */
export interface MotionFrame {
  /** Displacement of the tissue now at each pixel from its rest position, px (x right, z down). */
  dxPx: Float32Array;
  dzPx: Float32Array;
  /** Out-of-plane mixing angle, radians (0 = same scatterers, pi/2 = all new). */
  thetaRad: Float32Array;
}

export interface MotionModel {
  fasciculations: PlannedFasciculation[];
  confounders: Omit<GroundTruth['confounders'], 'electronicNoise' | 'clock' | 'cursor' | 'screenRecording'>;
  /** Fills `frame` with the motion at time tS (every component summed). */
  fill(tS: number, frame: MotionFrame): void;
}


/**
 * All motion in a simulated clip: fasciculations (local, transient) and the confounders a
 * detector must not call fasciculations. Each component is a fixed spatial pattern times a
 * time course, precomputed once, so a frame costs a few multiply-adds per pixel.
 */
export function createMotionModel(spec: ClipSpec, anatomy: CalfAnatomy, widthPx: number, heightPx: number, mmPerPx: number): MotionModel {
  const rng = createRandom(deriveSeed(spec.eventSeed, 'events'));
  const fasciculations = planFasciculations(spec, anatomy, createRandom(deriveSeed(spec.eventSeed, 'fasciculations')));
  const twitchFields = fasciculations.map((f) => twitchField(f, widthPx, heightPx, mmPerPx));
  const breathing = spec.breathing
    ? { ...spec.breathing, phase: rng.uniform(0, 2 * Math.PI), lateral: rng.uniform(0.6, 0.9) }
    : null;

  const jolts = spec.jolts ? planRampEvents(spec.jolts.count, spec.durationS, rng, [0.05, 0.15], [0.15, 0.8], [0.25, 0.6]).map((j) => {
    const angle = rng.uniform(0, 2 * Math.PI);
    return { ...j, sx: Math.cos(angle), sz: Math.sin(angle) * 0.5, shiftMm: spec.jolts!.shiftMm, compressionPct: spec.jolts!.compressionPct };
  }) : null;

  const contractions = spec.contraction ? planRampEvents(spec.contraction.count, spec.durationS, rng, [0.4, 0.8], [1, 2.5], [0.5, 1]) : null;
  // Contraction pattern: deeper muscle slides and thickens relative to the skin (aponeurosis shear
  // and fascicle rotation; Maganaris 1998, J Physiol 512:603), with speckle decorrelating as fibres shorten.
  const contractField = spec.contraction ? contractionField(anatomy, widthPx, heightPx, mmPerPx) : null;
  const pulse = spec.pulsation ? pulsationPlan(spec, anatomy, widthPx, heightPx, mmPerPx, rng) : null;

  const fill = (tS: number, frame: MotionFrame): void => {
    const { dxPx, dzPx, thetaRad } = frame;
    let gx = 0;
    let gz = 0;
    let compress = 0;
    let gTheta = 0;
    if (breathing) {
      // Sway of the probe over the skin with breathing (0.2-0.35 Hz): a slow near-rigid shift.
      const s = Math.sin(2 * Math.PI * breathing.frequencyHz * tS + breathing.phase);
      gx += (breathing.amplitudeMm * breathing.lateral * s) / mmPerPx;
      gz += (breathing.amplitudeMm * Math.sqrt(1 - breathing.lateral ** 2) * s) / mmPerPx;
    }
    if (jolts) {
      for (const j of jolts) {
        const h = rampHold(tS, j.startS, j.riseS, j.holdS, j.fallS);
        if (h === 0) continue;
        gx += (h * j.shiftMm * j.sx) / mmPerPx;
        gz += (h * j.shiftMm * j.sz) / mmPerPx;
        compress += (h * j.compressionPct) / 100;
        gTheta += 0.3 * h; // the probe tilts a little out of plane
      }
    }
    let c = 0;
    if (contractions && spec.contraction) {
      for (const e of contractions) c += rampHold(tS, e.startS, e.riseS, e.holdS, e.fallS);
      c *= spec.contraction.shiftMm / mmPerPx;
    }
    const p = pulse ? pulse.waveform(tS) * pulse.amplitudePx : 0;
    for (let k = 0, j = 0; j < heightPx; j++) {
      // Probe pressure compresses tissue towards the probe in proportion to depth (uniform strain).
      const cz = -compress * j;
      for (let i = 0; i < widthPx; i++, k++) {
        let dx = gx;
        let dz = gz + cz;
        let th = gTheta;
        if (contractField && c !== 0) {
          dx += c * contractField.ux[k];
          dz += c * contractField.uz[k];
          th += (0.5 * c * contractField.oop[k] * mmPerPx) / (spec.contraction?.shiftMm ?? 1);
        }
        if (pulse && p !== 0) {
          dx += p * pulse.field.ux[k];
          dz += p * pulse.field.uz[k];
        }
        dxPx[k] = dx;
        dzPx[k] = dz;
        thetaRad[k] = th;
      }
    }
    for (let e = 0; e < fasciculations.length; e++) {
      const f = fasciculations[e];
      const g = twitchTimeCourse(tS, f.onsetS, f.peakS, f.endS);
      if (g === 0) continue;
      addLocal(frame, widthPx, twitchFields[e], (g * f.amplitudeMm) / mmPerPx, g * f.outOfPlane);
    }
  };

  return {
    fasciculations,
    confounders: {
      breathing: spec.breathing ? { ...spec.breathing } : null,
      jolts: jolts ? jolts.map((j) => ({ startS: j.startS, peakS: j.startS + j.riseS, endS: j.startS + j.riseS + j.holdS + j.fallS, shiftMm: j.shiftMm, compressionPct: j.compressionPct })) : null,
      pulsation: pulse ? pulse.truth : null,
      contraction: contractions && spec.contraction ? contractions.map((e) => ({ startS: e.startS, endS: e.startS + e.riseS + e.holdS + e.fallS, shiftMm: spec.contraction!.shiftMm })) : null,
    },
    fill,
  };
}

function addLocal(frame: MotionFrame, widthPx: number, f: LocalField, scalePx: number, oopScale: number): void {
  for (let j = 0; j < f.h; j++) {
    let k = (f.z0 + j) * widthPx + f.x0;
    let q = j * f.w;
    for (let i = 0; i < f.w; i++, k++, q++) {
      frame.dxPx[k] += scalePx * f.ux[q];
      frame.dzPx[k] += scalePx * f.uz[q];
      frame.thetaRad[k] += oopScale * f.oop[q];
    }
  }
}

function planRampEvents(count: number, durationS: number, rng: Random, rise: [number, number], hold: [number, number], fall: [number, number]) {
  const out: { startS: number; riseS: number; holdS: number; fallS: number }[] = [];
  const slotS = durationS / Math.max(1, count);
  for (let i = 0; i < count; i++) {
    const riseS = rng.uniform(rise[0], rise[1]);
    const holdS = rng.uniform(hold[0], hold[1]);
    const fallS = rng.uniform(fall[0], fall[1]);
    const lengthS = riseS + holdS + fallS;
    // One per slot so events never overlap and all end inside the clip.
    const startS = i * slotS + rng.uniform(0.2, Math.max(0.25, slotS - lengthS - 0.2));
    out.push({ startS, riseS, holdS, fallS });
  }
  return out;
}

function contractionField(anatomy: CalfAnatomy, widthPx: number, heightPx: number, mmPerPx: number) {
  const n = widthPx * heightPx;
  const ux = new Float32Array(n);
  const uz = new Float32Array(n);
  const oop = new Float32Array(n);
  const transverse = anatomy.view === 'transverse';
  for (let k = 0, j = 0; j < heightPx; j++) {
    const zMm = (j + 0.5) * mmPerPx;
    for (let i = 0; i < widthPx; i++, k++) {
      const xMm = (i + 0.5) * mmPerPx;
      const top = anatomy.muscleTopMm(xMm);
      const deep = anatomy.deepAponeurosisMm(xMm).topMm;
      // 0 above the muscle, rising through MG, 1 from the deep aponeurosis down (smooth).
      const u = Math.min(1, Math.max(0, (zMm - top + 1) / (deep - top + 1)));
      const s = u * u * (3 - 2 * u);
      ux[k] = transverse ? 0.4 * s : s;
      uz[k] = (transverse ? 0.5 : 0.25) * s;
      oop[k] = s * (1 - 0.5 * s) * 2; // strongest inside MG, where fibres shorten
    }
  }
  return { ux, uz, oop };
}

function pulsationPlan(spec: ClipSpec, anatomy: CalfAnatomy, widthPx: number, heightPx: number, mmPerPx: number, rng: Random) {
  const p = spec.pulsation!;
  const v = anatomy.vessel;
  const n = widthPx * heightPx;
  const ux = new Float32Array(n);
  const uz = new Float32Array(n);
  const rPx = v.radiusMm / mmPerPx;
  // Wall motion of a distending artery: radial, falling off as R/r outside the wall (a cylinder
  // in incompressible tissue), tapered to nothing by about four radii.
  for (let k = 0, j = 0; j < heightPx; j++) {
    for (let i = 0; i < widthPx; i++, k++) {
      const o = vesselOffsetMm(v, (i + 0.5) * mmPerPx, (j + 0.5) * mmPerPx);
      const r = o.distanceMm / mmPerPx;
      if (r > 5 * rPx) continue;
      const mag = r < rPx ? r / rPx : (rPx / r) * Math.exp(-(r - rPx) / (2.5 * rPx));
      ux[k] = mag * o.ux;
      uz[k] = mag * o.uz;
    }
  }
  const periodS = 60 / p.heartRateBpm;
  const beats: number[] = [];
  for (let t = rng.uniform(0, periodS); t < spec.durationS + periodS; t += periodS * (1 + 0.03 * rng.normal())) beats.push(t);
  // Arterial distension: systolic upstroke of about 0.1 s, then an exponential run-off.
  const waveform = (tS: number): number => {
    let sum = 0;
    for (const b of beats) {
      const tau = tS - b;
      if (tau < 0) break;
      if (tau < 0.1) sum += Math.sin((Math.PI * tau) / 0.2) ** 2;
      else if (tau < 1.5) sum += Math.exp(-(tau - 0.1) / 0.15);
    }
    return Math.min(sum, 1);
  };
  return {
    field: { ux, uz },
    amplitudePx: p.amplitudeMm / mmPerPx,
    waveform,
    truth: { ...p, xPx: v.xMm / mmPerPx, yPx: v.zMm / mmPerPx, axis: v.axis },
  };
}
