import { createRandom, deriveSeed } from './createRandom';
import type { ScanView } from './ClipSpec';
import { hash3, valueNoise1, valueNoise2 } from './valueNoise';

/**
 * The calf under the probe, in millimetres (x across the image, z depth below the skin).
 * Layers follow standard musculoskeletal ultrasound anatomy of the posterior calf: skin,
 * hypoechoic subcutaneous fat crossed by echogenic septa, the bright superficial aponeurosis,
 * the medial gastrocnemius (MG) with pennate fascicles (pennation about 18-26 degrees at rest,
 * Narici 1996, J Physiol 496:287), the bright deep (intermuscular) aponeurosis, then soleus with
 * fascicles inclined the other way. In the transverse view fascicles run out of plane and show as
 * a "starry" pattern of perimysial dots.
 */
export interface Vessel {
  xMm: number;
  zMm: number;
  radiusMm: number;
  /** 'point': cut across (transverse view); 'horizontal': a tube along x (longitudinal view). */
  axis: 'point' | 'horizontal';
  /** Slope of a horizontal tube (dz/dx). */
  slope: number;
  /** Half the visible length of a horizontal tube (it leaves the image plane beyond), mm; 0 for 'point'. */
  halfLengthMm: number;
}

export interface CalfAnatomy {
  view: ScanView;
  widthMm: number;
  depthMm: number;
  /** Bottom of the superficial aponeurosis (top of MG muscle tissue) at x. */
  muscleTopMm(xMm: number): number;
  /** Top and bottom of the deep aponeurosis at x. */
  deepAponeurosisMm(xMm: number): { topMm: number; bottomMm: number };
  /** Which muscle (if any) lies at the point. */
  muscleAt(xMm: number, zMm: number): 'MG' | 'soleus' | null;
  /** In-plane fibre direction (radians, x towards z) or null when fibres run out of plane. */
  fibreAngleAt(xMm: number, zMm: number): number | null;
  vessel: Vessel;
  /** Echogenicity (mean backscattered power, arbitrary units; muscle background about 0.004, aponeurosis about 5-6). */
  echogenicity(xMm: number, zMm: number): number;
  /** Extra point-like reflectors (transverse perimysial dots) to splat onto a grid. */
  dots: ReadonlyArray<{ xMm: number; zMm: number; sigmaMm: number; power: number }>;
}

/** `vesselRadiusMm` sets the artery's size (when a clip's pulsation names it); else it is drawn from the seed. */
export function createCalfAnatomy(view: ScanView, widthMm: number, depthMm: number, seed: number, vesselRadiusMm?: number): CalfAnatomy {
  const rng = createRandom(deriveSeed(seed, 'anatomy'));
  const noiseSeed = deriveSeed(seed, 'anatomy-noise') | 0;
  const skinMm = rng.uniform(1.0, 1.6);
  const fatMm = rng.uniform(0.09, 0.16) * depthMm;
  const fatWaveMm = rng.uniform(15, 35);
  const fatPhase = rng.uniform(0, 2 * Math.PI);
  const superficialThickMm = rng.uniform(0.8, 1.2);
  const deepTopMidMm = rng.uniform(0.45, 0.55) * depthMm;
  const deepSlope = view === 'longitudinal' ? -rng.uniform(0.06, 0.14) : 0;
  const deepThickMm = rng.uniform(1.2, 1.8);
  const deepWaveMm = rng.uniform(25, 50);
  const deepPhase = rng.uniform(0, 2 * Math.PI);
  const mgAngle = (rng.uniform(18, 26) * Math.PI) / 180;
  const soleusAngle = -(rng.uniform(15, 28) * Math.PI) / 180;
  const mgSpacingMm = rng.uniform(0.9, 1.3);
  const soleusSpacingMm = rng.uniform(1.2, 1.7);
  const curvature = view === 'transverse' ? rng.uniform(0.002, 0.004) : 0;
  const midX = widthMm / 2;
  const septa = Array.from({ length: 3 + rng.int(3) }, () => ({
    frac: rng.uniform(0.2, 0.85),
    slope: rng.uniform(-0.08, 0.08),
    power: rng.uniform(0.3, 0.9),
    phase: rng.uniform(0, 2 * Math.PI),
    waveMm: rng.uniform(8, 20),
  }));

  const fatBottomMm = (x: number): number =>
    skinMm + fatMm + 0.6 * Math.sin((2 * Math.PI * x) / fatWaveMm + fatPhase) + curvature * (x - midX) ** 2;
  const muscleTopMm = (x: number): number => fatBottomMm(x) + superficialThickMm;
  const deepAponeurosisMm = (x: number): { topMm: number; bottomMm: number } => {
    const top =
      deepTopMidMm + deepSlope * (x - midX) + 0.7 * Math.sin((2 * Math.PI * x) / deepWaveMm + deepPhase) + 1.6 * curvature * (x - midX) ** 2;
    return { topMm: top, bottomMm: top + deepThickMm };
  };

  const vesselZ = deepAponeurosisMm(midX).bottomMm + rng.uniform(3, 6);
  const vesselXMm = rng.uniform(0.3, 0.7) * widthMm;
  const drawnVesselRadiusMm = rng.uniform(0.7, 1.1); // drawn always, so an override never shifts later draws
  const vessel: Vessel = {
    xMm: vesselXMm,
    zMm: Math.min(vesselZ, depthMm * 0.8),
    radiusMm: vesselRadiusMm ?? drawnVesselRadiusMm,
    axis: view === 'transverse' ? 'point' : 'horizontal',
    slope: view === 'transverse' ? 0 : rng.uniform(-0.1, 0.1),
    halfLengthMm: view === 'transverse' ? 0 : rng.uniform(3, 7),
  };

  const muscleAt = (x: number, z: number): 'MG' | 'soleus' | null => {
    if (z < muscleTopMm(x)) return null;
    const deep = deepAponeurosisMm(x);
    if (z < deep.topMm) return 'MG';
    if (z > deep.bottomMm) return 'soleus';
    return null;
  };

  const vesselDistance = (x: number, z: number): number => vesselOffsetMm(vessel, x, z).distanceMm;

  // Thin bright line of the given half-width (Gaussian profile across the line).
  const line = (distMm: number, sigmaMm: number): number => Math.exp((-0.5 * distMm * distMm) / (sigmaMm * sigmaMm));

  const fascicles = (x: number, z: number, angle: number, spacingMm: number, salt: number): number => {
    // s: distance across the fascicle family; a: position along it.
    const s = -x * Math.sin(angle) + z * Math.cos(angle);
    const a = x * Math.cos(angle) + z * Math.sin(angle);
    const k = Math.round(s / spacingMm);
    let sum = 0;
    for (let kk = k - 1; kk <= k + 1; kk++) {
      const centre = (kk + 0.6 * (hash3(kk, salt, noiseSeed) - 0.5)) * spacingMm;
      const strength = hash3(kk, salt + 1, noiseSeed);
      // Perimysium is intermittent along a fascicle: gate it with slow 1-D noise along a.
      const gate = Math.max(0, valueNoise1(a / 4, kk * 7 + salt, noiseSeed) * 1.8 - 0.6);
      sum += strength * strength * gate * line(s - centre, 0.12);
    }
    return sum;
  };

  const echogenicity = (x: number, z: number): number => {
    if (z < 0) return 0.3;
    const patch = 0.6 + 0.8 * valueNoise2(x / 6, z / 6, noiseSeed + 11);
    const vd = vesselDistance(x, z);
    if (vd < vessel.radiusMm) return 0.004; // blood: nearly anechoic at these frequencies
    const wall = 0.8 * line(vd - vessel.radiusMm - 0.15, 0.15);
    if (z < skinMm) return 0.3 + 2 * line(z - 0.2, 0.15);
    const fatBottom = fatBottomMm(x);
    if (z < fatBottom) {
      let e = 0.02 * patch;
      for (const sp of septa) {
        const zc = skinMm + sp.frac * (fatBottom - skinMm) + sp.slope * (x - midX) + 0.4 * Math.sin((2 * Math.PI * x) / sp.waveMm + sp.phase);
        e += sp.power * line(z - zc, 0.15);
      }
      return e + wall;
    }
    const top = muscleTopMm(x);
    if (z < top) return 5 * (0.85 + 0.15 * patch) + wall;
    const deep = deepAponeurosisMm(x);
    if (z >= deep.topMm && z <= deep.bottomMm) return 6 * (0.85 + 0.15 * patch) + wall;
    // Bright aponeuroses blur into the muscle next to them.
    const edge = 0.3 * line(z - top, 0.25) + 0.3 * line(z - deep.topMm, 0.25) + 0.3 * line(z - deep.bottomMm, 0.3);
    if (z < deep.topMm) {
      const fas = view === 'longitudinal' ? 0.8 * fascicles(x, z, mgAngle, mgSpacingMm, 101) : 0;
      return 0.004 * patch + fas + edge + wall;
    }
    const fas = view === 'longitudinal' ? 0.4 * fascicles(x, z, soleusAngle, soleusSpacingMm, 202) : 0;
    return 0.005 * patch + fas + edge + wall;
  };

  // Transverse view: fascicles cut across show as perimysial dots (about 1.5 per mm2 in MG).
  const dots: { xMm: number; zMm: number; sigmaMm: number; power: number }[] = [];
  if (view === 'transverse') {
    const margin = 8;
    const count = Math.round((widthMm + 2 * margin) * depthMm * 0.6);
    for (let i = 0; i < count; i++) {
      const x = rng.uniform(-margin, widthMm + margin);
      const z = rng.uniform(0, depthMm + margin);
      const m = muscleAt(x, z);
      if (!m) continue;
      const long = rng.next() < 0.25; // some septa are cut obliquely: short streaks
      dots.push({ xMm: x, zMm: z, sigmaMm: long ? rng.uniform(0.25, 0.5) : rng.uniform(0.1, 0.2), power: (m === 'MG' ? 0.5 : 0.3) * rng.uniform(0.1, 1) });
    }
  }

  return {
    view,
    widthMm,
    depthMm,
    muscleTopMm,
    deepAponeurosisMm,
    muscleAt,
    fibreAngleAt: (x, z) => {
      if (view === 'transverse') return null;
      const m = muscleAt(x, z);
      return m === 'MG' ? mgAngle : m === 'soleus' ? soleusAngle : null;
    },
    vessel,
    echogenicity,
    dots,
  };
}

/**
 * Offset of a point from the vessel's axis: a point (cut across) or a short segment (a tube along
 * x that leaves the image plane at both ends). Returns the distance and the outward unit vector.
 */
export function vesselOffsetMm(v: Vessel, x: number, z: number): { distanceMm: number; ux: number; uz: number } {
  const len = Math.hypot(1, v.slope);
  const ax = 1 / len;
  const az = v.slope / len;
  const along = Math.max(-v.halfLengthMm, Math.min(v.halfLengthMm, (x - v.xMm) * ax + (z - v.zMm) * az));
  const dx = x - (v.xMm + along * ax);
  const dz = z - (v.zMm + along * az);
  const d = Math.hypot(dx, dz);
  return { distanceMm: d, ux: d > 0 ? dx / d : 0, uz: d > 0 ? dz / d : 0 };
}
