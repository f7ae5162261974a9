import type { BlockGrid } from '../measureResidualEnergy';
import { fieldAlongRow, type SmoothField } from '../smoothField';
import { WARP_RESIDUAL_WASM_BASE64 } from './warpResidualBytes';
import { ensureMemory, loadWasmKernel, type KernelMemory } from './loadWasmKernel';

interface Kernel {
  memory: KernelMemory;
  warpResidual: (w: number, h: number, bc: number, gridCols: number, blocks: number, energy: number, rows: number, cols: number, still: number, cx: number, hx: number, perBlock: number) => number;
}

let kernel: Kernel | null | undefined;
let frames = new Float32Array(0);
let energyView = new Float32Array(0);
let rowsView = new Float64Array(0);

/**
 * measureResidualEnergy in WebAssembly (warpResidual.wat): the half-way warp of both frames, the
 * block energies and the raw difference in one pass, the same values bit for bit as the
 * typed-array path (tests/unit/stages/wasmKernels.test.ts). Both frames are copied into the
 * module's memory, the field's row polynomials are written by the same TypeScript as the typed-array
 * path uses (fieldAlongRow), and the energies are copied out into `energy`. Returns the sum of
 * |cur - ref| over all cells, or null when the kernel cannot run here.
 */
export function warpResidualWasm(ref: Float32Array, cur: Float32Array, grid: BlockGrid, field: SmoothField, still: boolean, energy: Float32Array): number | null {
  kernel ??= loadWasmKernel<Kernel>(WARP_RESIDUAL_WASM_BASE64);
  if (!kernel) return null;
  const { cellCols: w, cellRows: h, gridCols, blockCells: bc } = grid;
  const n = w * h;
  const blocks = energy.length;
  const energyAt = 8 * n;
  const rowsAt = Math.ceil((energyAt + 4 * blocks) / 8) * 8;
  const { memory } = kernel;
  const colsAt = rowsAt + 48 * h;
  ensureMemory(memory, colsAt + 8 * w);
  // Views are remade only when memory grew or the grid changed: this runs twice a frame.
  if (frames.buffer !== memory.buffer || frames.length !== 2 * n) frames = new Float32Array(memory.buffer, 0, 2 * n);
  if (energyView.buffer !== memory.buffer || energyView.byteOffset !== energyAt || energyView.length !== blocks) energyView = new Float32Array(memory.buffer, energyAt, blocks);
  if (rowsView.buffer !== memory.buffer || rowsView.byteOffset !== rowsAt || rowsView.length !== 6 * h) rowsView = new Float64Array(memory.buffer, rowsAt, 6 * h);
  frames.set(ref.subarray(0, n), 0);
  frames.set(cur.subarray(0, n), n);
  if (!still) for (let y = 0; y < h; y++) fieldAlongRow(field, y, rowsView, 6 * y);
  const rawSum = kernel.warpResidual(w, h, bc, gridCols, blocks, energyAt, rowsAt, colsAt, still ? 1 : 0, field.cx, field.hx, 1 / (bc * bc));
  energy.set(energyView);
  return rawSum;
}
