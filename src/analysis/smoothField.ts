/**
 * A smooth displacement field over the image: a polynomial in normalised coordinates
 * (u, v in [-1, 1] across the region) for each component, of order 0 (a shift), 1 (affine: shift,
 * rotation, scaling, shear) or 2 (quadratic: smooth bending, as passive ankle rotation and probe
 * pressure deform the field of view). Fitted to local block shifts by iteratively reweighted least
 * squares with Tukey's biweight (Holland & Welsch 1977), so the few blocks a twitch moves do not
 * pull the field: the whole-field motion is what the many blocks agree on.
 */
export interface SmoothField {
  order: 0 | 1 | 2;
  /** Centre and half-size of the region, in the units of the samples' positions. */
  cx: number;
  cy: number;
  hx: number;
  hy: number;
  /** Coefficients of dx and dy on the basis [1, u, v, u^2, uv, v^2] (as many as the order uses). */
  ax: Float64Array;
  ay: Float64Array;
}

export interface FieldSample {
  x: number;
  y: number;
  dx: number;
  dy: number;
  /** Confidence of the measurement (texture); 0 leaves it out. */
  weight: number;
}

export interface FieldFit {
  field: SmoothField;
  /** Robust scale of the samples' residual magnitudes (1.4826 x median), the samples' units. */
  residualScale: number;
  /** Residual magnitude of each sample against the field. */
  residuals: Float64Array;
}

import { quickMedian } from './quickMedian';

const BASIS_SIZE = [1, 3, 6] as const;

export function zeroField(cx: number, cy: number, hx: number, hy: number): SmoothField {
  return { order: 0, cx, cy, hx, hy, ax: new Float64Array(1), ay: new Float64Array(1) };
}

/** Basis values at (x, y) into `out`. */
function basis(f: Pick<SmoothField, 'cx' | 'cy' | 'hx' | 'hy'>, order: number, x: number, y: number, out: Float64Array): void {
  const u = (x - f.cx) / f.hx;
  const v = (y - f.cy) / f.hy;
  out[0] = 1;
  if (order >= 1) {
    out[1] = u;
    out[2] = v;
  }
  if (order >= 2) {
    out[3] = u * u;
    out[4] = u * v;
    out[5] = v * v;
  }
}

const scratch = new Float64Array(6);

/** The field's displacement at (x, y). */
export function fieldAt(f: SmoothField, x: number, y: number): [number, number] {
  basis(f, f.order, x, y, scratch);
  let dx = 0;
  let dy = 0;
  for (let k = 0; k < BASIS_SIZE[f.order]; k++) {
    dx += f.ax[k] * scratch[k];
    dy += f.ay[k] * scratch[k];
  }
  return [dx, dy];
}

/**
 * The field along row y as polynomials in u (the normalised x): dx(u) = out[at] + out[at+1] u +
 * out[at+2] u^2, dy(u) the same from out[at+3]. A warp then costs two multiply-adds per cell and
 * component instead of the whole basis (measureResidualEnergy, wasm/warpResidual.wat).
 */
export function fieldAlongRow(f: SmoothField, y: number, out: Float64Array, at = 0): void {
  const v = (y - f.cy) / f.hy;
  rowPolynomial(f.ax, f.order, v, out, at);
  rowPolynomial(f.ay, f.order, v, out, at + 3);
}

function rowPolynomial(c: ArrayLike<number>, order: number, v: number, out: Float64Array, at: number): void {
  out[at] = c[0] + (order >= 1 ? c[2] * v : 0) + (order >= 2 ? c[5] * v * v : 0);
  out[at + 1] = order >= 1 ? c[1] + (order >= 2 ? c[4] * v : 0) : 0;
  out[at + 2] = order >= 2 ? c[3] : 0;
}

/**
 * Robust fit of a field of the given order (lowered when too few samples carry weight: 6 per
 * coefficient, so a quadratic needs 36 samples). `tukeyC` in robust sigmas; `minScale` keeps the
 * weights finite when the samples agree exactly.
 */
export function fitSmoothField(samples: readonly FieldSample[], order: 0 | 1 | 2, region: { cx: number; cy: number; hx: number; hy: number }, iterations: number, tukeyC: number, minScale: number): FieldFit {
  const m = samples.length;
  let usable = 0;
  for (const s of samples) if (s.weight > 0) usable++;
  const use = (usable >= 36 ? order : usable >= 18 ? Math.min(order, 1) : 0) as 0 | 1 | 2;
  const n = BASIS_SIZE[use];
  const w = new Float64Array(m);
  for (let i = 0; i < m; i++) w[i] = samples[i].weight;
  let field: SmoothField = { order: use, ...region, ax: new Float64Array(n), ay: new Float64Array(n) };
  const residuals = new Float64Array(m);
  const used = new Float64Array(m);
  let scale = minScale;
  for (let it = 0; it <= iterations; it++) {
    const solved = solveWeighted(samples, w, use, region);
    if (solved) field = solved;
    let k = 0;
    for (let i = 0; i < m; i++) {
      const s = samples[i];
      const [fx, fy] = fieldAt(field, s.x, s.y);
      residuals[i] = Math.hypot(s.dx - fx, s.dy - fy);
      if (s.weight > 0) used[k++] = residuals[i];
    }
    scale = Math.max(minScale, 1.4826 * (k ? quickMedian(used, k, used) : 0));
    for (let i = 0; i < m; i++) {
      const r = residuals[i] / (tukeyC * scale);
      w[i] = r < 1 ? samples[i].weight * (1 - r * r) ** 2 : 0;
    }
  }
  return { field, residualScale: scale, residuals };
}

/** Weighted least squares for both components (normal equations, Gaussian elimination). */
function solveWeighted(samples: readonly FieldSample[], w: Float64Array, order: 0 | 1 | 2, region: { cx: number; cy: number; hx: number; hy: number }): SmoothField | null {
  const n = BASIS_SIZE[order];
  const ata = new Float64Array(n * n);
  const atx = new Float64Array(n);
  const aty = new Float64Array(n);
  const b = new Float64Array(6);
  for (let i = 0; i < samples.length; i++) {
    const s = samples[i];
    if (!(w[i] > 0)) continue;
    basis(region, order, s.x, s.y, b);
    const { dx, dy } = s;
    for (let r = 0; r < n; r++) {
      // (w b_r) is formed once and multiplied on, as (w * b_r) * x always was: the same products.
      const wb = w[i] * b[r];
      atx[r] += wb * dx;
      aty[r] += wb * dy;
      const row = r * n;
      for (let c = 0; c < n; c++) ata[row + c] += wb * b[c];
    }
  }
  const ax = solve(ata.slice(), atx, n);
  const ay = solve(ata, aty, n);
  return ax && ay ? { order, ...region, ax, ay } : null;
}

function solve(a: Float64Array, rhs: Float64Array, n: number): Float64Array | null {
  const x = Float64Array.from(rhs);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(a[r * n + col]) > Math.abs(a[pivot * n + col])) pivot = r;
    if (!(Math.abs(a[pivot * n + col]) > 1e-12)) return null;
    if (pivot !== col) {
      for (let c = 0; c < n; c++) [a[col * n + c], a[pivot * n + c]] = [a[pivot * n + c], a[col * n + c]];
      [x[col], x[pivot]] = [x[pivot], x[col]];
    }
    for (let r = col + 1; r < n; r++) {
      const f = a[r * n + col] / a[col * n + col];
      for (let c = col; c < n; c++) a[r * n + c] -= f * a[col * n + c];
      x[r] -= f * x[col];
    }
  }
  for (let r = n - 1; r >= 0; r--) {
    let s = x[r];
    for (let c = r + 1; c < n; c++) s -= a[r * n + c] * x[c];
    x[r] = s / a[r * n + r];
  }
  return x;
}

/** Sum of two fields on the same region (first-order composition of small successive motions). */
export function addFields(a: SmoothField, b: SmoothField): SmoothField {
  const order = Math.max(a.order, b.order) as 0 | 1 | 2;
  const n = BASIS_SIZE[order];
  const ax = new Float64Array(n);
  const ay = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    ax[k] = (a.ax[k] ?? 0) + (b.ax[k] ?? 0);
    ay[k] = (a.ay[k] ?? 0) + (b.ay[k] ?? 0);
  }
  return { ...a, order, ax, ay };
}
