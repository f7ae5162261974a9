import type { ClipSpec } from './ClipSpec';
import type { CalfAnatomy } from './createCalfAnatomy';
import type { Random } from './createRandom';

/** A planned fasciculation in image millimetres, with its displacement pattern's parameters. */
export interface PlannedFasciculation {
  onsetS: number;
  peakS: number;
  endS: number;
  xMm: number;
  zMm: number;
  radiusMm: number;
  amplitudeMm: number;
  /** Fibre direction (radians) the territory shortens along; random when fibres run out of plane. */
  fibreAngle: number;
  /** Mix of the in-plane pattern: shortening along fibres, bulging across, and a net shift. */
  shortening: number;
  bulging: number;
  shift: number;
  shiftAngle: number;
  /** Peak out-of-plane decorrelation at the territory centre, radians of mixing (pi/2 = full). */
  outOfPlane: number;
}

/** Shortest gap between two peaks, s: a motor unit's discharges are resolvable events. */
const MIN_PEAK_GAP_S = 0.25;
const EDGE_S = 0.3;

/**
 * Random times (Poisson process at the given rate) and places (anywhere inside muscle, the whole
 * territory inside the image and clear of the aponeuroses' centre lines) for fasciculations.
 * Peaks closer than MIN_PEAK_GAP_S are dropped so every true event can be told apart in time.
 */
export function planFasciculations(spec: ClipSpec, anatomy: CalfAnatomy, rng: Random): PlannedFasciculation[] {
  const f = spec.fasciculations;
  const out: PlannedFasciculation[] = [];
  if (f.planned) return f.planned.map((p) => ({ ...p, peakS: p.onsetS + p.contractionS, endS: p.onsetS + p.durationS, ...shapeAt(anatomy, p.xMm, p.zMm, rng) }));
  if (f.ratePerMin <= 0) return out;
  const ratePerS = f.ratePerMin / 60;
  let tS = EDGE_S + -Math.log(1 - rng.next()) / ratePerS;
  let lastPeakS = -Infinity;
  while (tS < spec.durationS) {
    const contractionS = rng.uniform(f.contractionS.min, f.contractionS.max);
    const durationS = Math.max(contractionS + 0.1, rng.uniform(f.durationS.min, f.durationS.max));
    const onsetS = tS;
    tS += -Math.log(1 - rng.next()) / ratePerS;
    const peakS = onsetS + contractionS;
    const endS = onsetS + durationS;
    const place = placeTerritory(spec, anatomy, rng);
    if (!place || endS > spec.durationS - 0.1 || peakS - lastPeakS < MIN_PEAK_GAP_S) continue;
    lastPeakS = peakS;
    const amplitudeMm = rng.uniform(f.amplitudeMm.min, f.amplitudeMm.max);
    out.push({ onsetS, peakS, endS, ...place, amplitudeMm, ...shapeAt(anatomy, place.xMm, place.zMm, rng) });
  }
  return out;
}

/** How a territory at (x, z) deforms: along the fibres there, with random mixing and out-of-plane change. */
function shapeAt(anatomy: CalfAnatomy, xMm: number, zMm: number, rng: Random) {
  const inPlane = anatomy.fibreAngleAt(xMm, zMm);
  return {
    fibreAngle: inPlane ?? rng.uniform(0, Math.PI),
    shortening: inPlane === null ? rng.uniform(0.2, 0.5) : rng.uniform(0.5, 1),
    bulging: rng.uniform(0.1, 0.4),
    shift: rng.uniform(0.3, 1),
    shiftAngle: (inPlane ?? 0) + rng.uniform(-0.6, 0.6) + (rng.next() < 0.5 ? Math.PI : 0),
    // Transverse view: the fibres shorten through the image plane, so speckle changes more.
    outOfPlane: inPlane === null ? rng.uniform(0.4, 0.9) : rng.uniform(0.15, 0.5),
  };
}

function placeTerritory(spec: ClipSpec, anatomy: CalfAnatomy, rng: Random): { xMm: number; zMm: number; radiusMm: number } | null {
  const f = spec.fasciculations;
  for (let attempt = 0; attempt < 200; attempt++) {
    const radiusMm = rng.uniform(f.radiusMm.min, f.radiusMm.max);
    const xMm = rng.uniform(radiusMm, anatomy.widthMm - radiusMm);
    const zMm = rng.uniform(radiusMm, anatomy.depthMm - radiusMm);
    const muscle = anatomy.muscleAt(xMm, zMm);
    if (!muscle) continue;
    // The centre sits in muscle at least 1 mm from the aponeuroses (a territory lies within one muscle).
    if (anatomy.muscleAt(xMm, zMm - 1) !== muscle || anatomy.muscleAt(xMm, zMm + 1) !== muscle) continue;
    return { xMm, zMm, radiusMm };
  }
  return null;
}
