import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileWat, WASM_DIR } from '../../../scripts/compileWat';
import { blockShift } from '../../../src/analysis/registerFrames';
import { blockShiftWasm } from '../../../src/analysis/wasm/blockShiftWasm';
import { downsampleCellsWasm } from '../../../src/analysis/wasm/downsampleCellsWasm';
import { warpResidualWasm } from '../../../src/analysis/wasm/warpResidualWasm';
import { measureResidualEnergy, measureResidualEnergyTyped, type BlockGrid } from '../../../src/analysis/measureResidualEnergy';
import type { SmoothField } from '../../../src/analysis/smoothField';
import type { RectPx } from '../../../src/analysis/LumaFrame';

/** Mean of each c x c cell, the plain way: what the typed-array path computes (sum times 1/c^2). */
function reference(data: Uint8Array, fw: number, r: RectPx, c = 4): Float32Array {
  const cols = r.width / c;
  const out = new Float32Array(cols * (r.height / c));
  for (let cy = 0; cy < r.height / c; cy++) {
    for (let cx = 0; cx < cols; cx++) {
      let sum = 0;
      for (let k = 0; k < c * c; k++) sum += data[(r.y + cy * c + Math.floor(k / c)) * fw + r.x + cx * c + (k % c)];
      out[cy * cols + cx] = sum * (1 / (c * c));
    }
  }
  return out;
}

function noiseFrame(w: number, h: number, seed: number): Uint8Array {
  const data = new Uint8Array(w * h);
  let s = seed;
  for (let i = 0; i < data.length; i++) {
    s = (s * 1103515245 + 12345) >>> 0;
    data[i] = s >>> 24;
  }
  return data;
}

describe('WebAssembly kernels', () => {
  it('ship the bytes their .wat compiles to (run npm run build-wasm after editing one)', async () => {
    const wats = readdirSync(WASM_DIR).filter((f) => f.endsWith('.wat'));
    expect(wats.sort()).toEqual(['blockShift.wat', 'downsampleCells.wat', 'warpResidual.wat']);
    for (const file of wats) {
      const bytes = await compileWat(readFileSync(join(WASM_DIR, file), 'utf8'), file);
      const shipped = readFileSync(join(WASM_DIR, file.replace('.wat', 'Bytes.ts')), 'utf8').match(/'([A-Za-z0-9+/=]+)'/)?.[1];
      expect(Buffer.from(bytes).toString('base64'), file).toBe(shipped);
    }
  });

  it('downsample4 gives the typed-array cells bit for bit: odd offsets, a width not a multiple of 16 px, the last rows', () => {
    const fw = 203;
    const fh = 97;
    const data = noiseFrame(fw, fh, 7);
    for (const r of [
      { x: 0, y: 0, width: 200, height: 96 },
      { x: 3, y: 1, width: 196, height: 96 }, // 49 cells a row: 12 SIMD quads and one scalar cell
      { x: 1, y: 5, width: 12, height: 92 }, // fewer cells than one quad
      { x: 199, y: 93, width: 4, height: 4 }, // the bottom-right corner
    ]) {
      const out = new Float32Array((r.width / 4) * (r.height / 4));
      expect(downsampleCellsWasm(data, fw, r, 4, out)).toBe(out);
      expect(Array.from(out)).toEqual(Array.from(reference(data, fw, r)));
    }
    // Saturated pixels: the largest sums (16 x 255) stay exact.
    const white = new Uint8Array(64 * 8).fill(255);
    const out = new Float32Array(32);
    downsampleCellsWasm(white, 64, { x: 0, y: 0, width: 64, height: 8 }, 4, out);
    expect(Array.from(out)).toEqual(new Array(32).fill(255));
  });

  it('other cell sizes give the typed-array cells bit for bit (1/c^2 is inexact for c = 3, 5, 6, 7)', () => {
    const fw = 211;
    const data = noiseFrame(fw, 120, 5);
    for (const c of [1, 2, 3, 5, 6, 7, 8]) {
      const r = { x: 3, y: 2, width: c * Math.floor(200 / c), height: c * Math.floor(110 / c) };
      const out = new Float32Array((r.width / c) * (r.height / c));
      expect(downsampleCellsWasm(data, fw, r, c, out)).toBe(out);
      expect(Array.from(out), `cell ${c} px`).toEqual(Array.from(reference(data, fw, r, c)));
    }
  });

  it('downsample4 grows its memory for a 1080p frame and still agrees', () => {
    const data = noiseFrame(1920, 1080, 11);
    const r = { x: 8, y: 4, width: 1900, height: 1072 };
    const out = new Float32Array((r.width / 4) * (r.height / 4));
    downsampleCellsWasm(data, 1920, r, 4, out);
    expect(Array.from(out)).toEqual(Array.from(reference(data, 1920, r)));
  });

  it('blockShift gives the typed-array shifts bit for bit: inside, at the edges, flat, and past its reach', () => {
    const w = 61;
    const h = 47;
    const speckle = Float32Array.from(noiseFrame(w + 12, h + 12, 3), (v) => v * 0.7);
    // The frame is the reference's speckle moved by a sub-cell shift, plus a flat patch with no texture.
    const moved = (dx: number, dy: number): Float32Array => {
      const out = new Float32Array(w * h);
      for (let y = 0; y < h; y++) {
        for (let x = 0; x < w; x++) {
          const sx = x + 6 - dx;
          const sy = y + 6 - dy;
          const ix = Math.floor(sx);
          const iy = Math.floor(sy);
          const W = w + 12;
          const top = speckle[iy * W + ix] + (speckle[iy * W + ix + 1] - speckle[iy * W + ix]) * (sx - ix);
          const bottom = speckle[(iy + 1) * W + ix] + (speckle[(iy + 1) * W + ix + 1] - speckle[(iy + 1) * W + ix]) * (sx - ix);
          out[y * w + x] = x > 48 && y > 34 ? 80 : top + (bottom - top) * (sy - iy);
        }
      }
      return out;
    };
    const ref = { data: moved(0, 0), width: w, height: h };
    let nulls = 0;
    let found = 0;
    for (const [tdx, tdy, start] of [[0.3, -0.45, 0], [1.7, 0.9, 1.5], [-0.2, 0.05, 0], [3.8, -3.9, 3.5]]) {
      const cur = { data: moved(tdx, tdy), width: w, height: h };
      for (const size of [8, 12]) {
        const wasm = blockShiftWasm(ref, cur, size);
        expect(wasm).not.toBeNull();
        for (let y0 = -1; y0 + size <= h + 1; y0 += 5) {
          for (let x0 = -1; x0 + size <= w + 1; x0 += 7) {
            const js = blockShift(ref, cur, x0, y0, size, start, -start, 6);
            expect(wasm?.(x0, y0, start, -start, 6) ?? null).toEqual(js);
            if (js) found++;
            else nulls++;
          }
        }
      }
    }
    // Both outcomes were exercised: shifts found, and blocks refused (flat patch, off the image, too far).
    expect(found).toBeGreaterThan(50);
    expect(nulls).toBeGreaterThan(10);
  });

  it('warpResidual gives the typed-array energies and raw difference bit for bit: shift, affine, quadratic, still, and fields that push past the edges', () => {
    const cases: Array<{ grid: BlockGrid; field: SmoothField; maxShift: number }> = [];
    const field = (order: 0 | 1 | 2, ax: number[], ay: number[], w: number, h: number): SmoothField => ({
      order, cx: (w - 1) / 2, cy: (h - 1) / 2, hx: w / 2, hy: h / 2, ax: Float64Array.from(ax), ay: Float64Array.from(ay),
    });
    for (const [bc, gridCols, gridRows] of [[4, 9, 7], [3, 13, 5], [4, 25, 28]]) {
      const w = bc * gridCols;
      const h = bc * gridRows;
      const grid = { cellCols: w, cellRows: h, gridCols, gridRows, blockCells: bc };
      cases.push(
        { grid, field: field(0, [0.37], [-0.81], w, h), maxShift: 0.9 },
        { grid, field: field(1, [0.2, -0.6, 0.45], [-0.3, 0.15, 0.7], w, h), maxShift: 1.2 },
        { grid, field: field(2, [0.1, 0.3, -0.2, 0.25, -0.4, 0.15], [-0.05, 0.2, 0.35, -0.3, 0.1, 0.45], w, h), maxShift: 1.1 },
        // Shifts of many cells: samples clamp at every edge.
        { grid, field: field(2, [6.5, -3, 2, 4, -5, 1], [-7, 2.5, -1, 3, 2, -4], w, h), maxShift: 12 },
        // Below STILL_CELLS: both frames are compared as they are.
        { grid, field: field(0, [0.004], [0.003], w, h), maxShift: 0.005 },
      );
    }
    for (const [k, { grid, field: f, maxShift }] of cases.entries()) {
      const n = grid.cellCols * grid.cellRows;
      const cells = (seed: number): Float32Array => Float32Array.from(noiseFrame(grid.cellCols, grid.cellRows, seed), (v) => v * 0.37 + 0.1);
      const [ref, cur] = [cells(2 * k + 1), cells(2 * k + 2)];
      const scratch = () => ({ ref: new Float32Array(n), cur: new Float32Array(n), energy: new Float32Array(grid.gridCols * grid.gridRows) });
      const typed = measureResidualEnergyTyped(ref, cur, grid, f, maxShift, scratch());
      const energy = new Float32Array(grid.gridCols * grid.gridRows);
      const raw = warpResidualWasm(ref, cur, grid, f, maxShift < 0.01, energy);
      expect(raw, `case ${k}`).not.toBeNull();
      expect(Array.from(energy), `case ${k}`).toEqual(Array.from(typed.energy));
      expect((raw as number) / n, `case ${k}`).toBe(typed.rawMeanAbsDiff);
      // measureResidualEnergy takes the kernel and agrees too.
      const used = measureResidualEnergy(ref, cur, grid, f, maxShift, scratch());
      expect(Array.from(used.energy)).toEqual(Array.from(typed.energy));
      expect(used.rawMeanAbsDiff).toBe(typed.rawMeanAbsDiff);
    }
  });
});
