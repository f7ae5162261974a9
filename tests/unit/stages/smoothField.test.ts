import { describe, expect, it } from 'vitest';
import { addFields, fieldAt, fitSmoothField, type FieldSample } from '../../../src/analysis/smoothField';

const region = { cx: 50, cy: 40, hx: 50, hy: 40 };
const grid = (f: (x: number, y: number) => [number, number]): FieldSample[] => {
  const out: FieldSample[] = [];
  for (let y = 0; y <= 80; y += 10) for (let x = 0; x <= 100; x += 10) {
    const [dx, dy] = f(x, y);
    out.push({ x, y, dx, dy, weight: 1 });
  }
  return out;
};

describe('fitSmoothField', () => {
  it('recovers an affine field exactly: d = (0.5 + 0.01 (x - 50), -0.2 + 0.02 (y - 40))', () => {
    // 99 samples of an exactly affine field; in normalised u = (x-50)/50, v = (y-40)/40 the
    // coefficients are dx = 0.5 + 0.5 u, dy = -0.2 + 0.8 v.
    const fit = fitSmoothField(grid((x, y) => [0.5 + 0.01 * (x - 50), -0.2 + 0.02 * (y - 40)]), 1, region, 3, 4.685, 1e-3);
    expect(fit.field.order).toBe(1);
    expect(fit.field.ax[0]).toBeCloseTo(0.5, 9);
    expect(fit.field.ax[1]).toBeCloseTo(0.5, 9);
    expect(fit.field.ay[2]).toBeCloseTo(0.8, 9);
    expect(fieldAt(fit.field, 100, 80)).toEqual([expect.closeTo(1, 9), expect.closeTo(0.6, 9)]);
    expect(fit.residualScale).toBeCloseTo(1e-3, 9); // exact fit: the floor of the scale
  });

  it('ignores a local twitch: blocks that moved 3 cells against a still field get zero weight', () => {
    const samples = grid(() => [0, 0]);
    for (const s of samples) if (Math.hypot(s.x - 30, s.y - 30) < 12) s.dx = 3;
    const fit = fitSmoothField(samples, 2, region, 3, 4.685, 1e-3);
    const [dx, dy] = fieldAt(fit.field, 30, 30);
    expect(Math.abs(dx)).toBeLessThan(0.01);
    expect(Math.abs(dy)).toBeLessThan(0.01);
    // The moved blocks keep their full residual: that is what the twitch looks like after registration.
    expect(Math.max(...fit.residuals)).toBeGreaterThan(2.9);
  });

  it('fits a quadratic bend (dy = 0.3 u^2) only at order 2, and lowers the order when samples are few', () => {
    const bend = grid((x) => [0, 0.3 * ((x - 50) / 50) ** 2]);
    expect(fitSmoothField(bend, 2, region, 3, 4.685, 1e-3).residualScale).toBeCloseTo(1e-3, 6);
    expect(fitSmoothField(bend, 1, region, 3, 4.685, 1e-3).residualScale).toBeGreaterThan(0.05);
    // 12 usable samples: below 18, only a shift is fitted.
    expect(fitSmoothField(bend.slice(0, 12), 2, region, 3, 4.685, 1e-3).field.order).toBe(0);
  });

  it('adds two fields coefficient by coefficient', () => {
    const a = fitSmoothField(grid(() => [1, 0]), 0, region, 1, 4.685, 1e-3).field;
    const b = fitSmoothField(grid((x) => [0.01 * (x - 50), 2]), 1, region, 1, 4.685, 1e-3).field;
    const [dx, dy] = fieldAt(addFields(a, b), 100, 0);
    expect(dx).toBeCloseTo(1.5, 9);
    expect(dy).toBeCloseTo(2, 9);
  });
});
