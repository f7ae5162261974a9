/** Where a territory sits and how it deforms: the fields of PlannedFasciculation a pattern needs. */
export interface TwitchShape {
  xMm: number;
  zMm: number;
  radiusMm: number;
  fibreAngle: number;
  shortening: number;
  bulging: number;
  shift: number;
  shiftAngle: number;
}

/** A displacement pattern on a pixel box of the image, unit peak displacement. */
export interface LocalField {
  x0: number;
  z0: number;
  w: number;
  h: number;
  ux: Float32Array;
  uz: Float32Array;
  /** Out-of-plane weight per pixel (0..1). */
  oop: Float32Array;
}

/**
 * The displacement pattern of one motor-unit territory (unit peak): inside radius R the fibres
 * shorten towards the centre along their direction, bulge across it, and the territory shifts a
 * little as a whole; weight (1 - (r/R)^2)^2 so nothing outside the territory moves.
 */
export function twitchField(f: TwitchShape, widthPx: number, heightPx: number, mmPerPx: number): LocalField {
  const rPx = f.radiusMm / mmPerPx;
  const cx = f.xMm / mmPerPx - 0.5;
  const cz = f.zMm / mmPerPx - 0.5;
  const x0 = Math.max(0, Math.floor(cx - rPx));
  const z0 = Math.max(0, Math.floor(cz - rPx));
  const x1 = Math.min(widthPx - 1, Math.ceil(cx + rPx));
  const z1 = Math.min(heightPx - 1, Math.ceil(cz + rPx));
  const w = x1 - x0 + 1;
  const h = z1 - z0 + 1;
  const ux = new Float32Array(w * h);
  const uz = new Float32Array(w * h);
  const oop = new Float32Array(w * h);
  const fx = Math.cos(f.fibreAngle);
  const fz = Math.sin(f.fibreAngle);
  const sx = Math.cos(f.shiftAngle);
  const sz = Math.sin(f.shiftAngle);
  let peak = 0;
  for (let j = 0; j < h; j++) {
    for (let i = 0; i < w; i++) {
      const rx = (x0 + i - cx) / rPx;
      const rz = (z0 + j - cz) / rPx;
      const r2 = rx * rx + rz * rz;
      if (r2 >= 1) continue;
      const wt = (1 - r2) * (1 - r2);
      const along = rx * fx + rz * fz;
      const across = -rx * fz + rz * fx;
      const vx = wt * (-f.shortening * along * fx - f.bulging * across * fz + f.shift * sx);
      const vz = wt * (-f.shortening * along * fz + f.bulging * across * fx + f.shift * sz);
      const q = j * w + i;
      ux[q] = vx;
      uz[q] = vz;
      oop[q] = wt;
      peak = Math.max(peak, Math.hypot(vx, vz));
    }
  }
  if (peak > 0) for (let q = 0; q < ux.length; q++) { ux[q] /= peak; uz[q] /= peak; }
  return { x0, z0, w, h, ux, uz, oop };
}

