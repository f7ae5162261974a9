import type { RectPx } from '../LumaFrame';
import { DOWNSAMPLE_CELLS_WASM_BASE64 } from './downsampleCellsBytes';
import { ensureMemory, loadWasmKernel, type KernelMemory } from './loadWasmKernel';

interface Kernel {
  memory: KernelMemory;
  downsample4: (fw: number, x0: number, cols: number, rows: number, out: number) => void;
  downsampleAny: (fw: number, x0: number, cols: number, rows: number, cellPx: number, scale: number, out: number, colsum: number) => void;
}

let kernel: Kernel | null | undefined;
let bytesView = new Uint8Array(0);
let cellsView = new Float32Array(0);

/**
 * downsampleRegion in WebAssembly (downsampleCells.wat): the same cells, bit for bit. 4 px cells
 * (16 px blocks) take the SIMD kernel, an eighth of the time of the typed-array loop (640x480:
 * 0.030 against 0.25 ms in Node, 2026-12-02); other sizes a scalar one. The region's rows are
 * copied into the module's memory (one memcpy) and the cells copied out. Null when the kernel
 * cannot run here.
 */
export function downsampleCellsWasm(data: Uint8Array, fw: number, r: RectPx, cellPx: number, out: Float32Array): Float32Array | null {
  kernel ??= loadWasmKernel<Kernel>(DOWNSAMPLE_CELLS_WASM_BASE64);
  if (!kernel) return null;
  const rowBytes = r.height * fw;
  const cols = r.width / cellPx;
  const rows = r.height / cellPx;
  const cells = cols * rows;
  const outAt = Math.ceil(rowBytes / 16) * 16;
  // Column sums (u16, the region's width) for the other cell sizes, after the cells.
  const colsumAt = Math.ceil((outAt + 4 * cells) / 16) * 16;
  const { memory } = kernel;
  ensureMemory(memory, colsumAt + 2 * r.width + 16);
  // Views are remade only when memory grew or the frame size changed: no allocation per frame.
  if (bytesView.buffer !== memory.buffer) bytesView = new Uint8Array(memory.buffer);
  if (cellsView.buffer !== memory.buffer || cellsView.byteOffset !== outAt || cellsView.length !== cells) cellsView = new Float32Array(memory.buffer, outAt, cells);
  bytesView.set(data.subarray(r.y * fw, r.y * fw + rowBytes), 0);
  if (cellPx === 4) kernel.downsample4(fw, r.x, cols, rows, outAt);
  else kernel.downsampleAny(fw, r.x, cols, rows, cellPx, 1 / (cellPx * cellPx), outAt, colsumAt);
  out.set(cellsView);
  return out;
}
