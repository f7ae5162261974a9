import type { GrayImage } from '../estimateShift';
import { BLOCK_SHIFT_WASM_BASE64 } from './blockShiftBytes';
import { ensureMemory, loadWasmKernel, type KernelMemory } from './loadWasmKernel';

interface Kernel {
  memory: KernelMemory;
  blockShift: (ref: number, cur: number, warp: number, out: number, width: number, height: number, x0: number, y0: number, size: number, dx0: number, dy0: number, iterations: number) => number;
}

export type BlockShiftFn = (x0: number, y0: number, dx0: number, dy0: number, iterations: number) => { dx: number; dy: number; texture: number } | null;

let kernel: Kernel | null | undefined;
let frames = new Float32Array(0);
let result = new Float64Array(0);

/**
 * registerFrames' blockShift in WebAssembly (blockShift.wat) for one pair of frames: both are
 * copied into the module's memory once, then each block is one call. The same f64 operations in
 * the same order as the typed-array path, so the same shifts bit for bit (tests/unit/stages/
 * wasmKernels.test.ts). Blocks are `size` cells square. Null when the kernel cannot run here.
 */
export function blockShiftWasm(ref: GrayImage, cur: GrayImage, size: number): BlockShiftFn | null {
  kernel ??= loadWasmKernel<Kernel>(BLOCK_SHIFT_WASM_BASE64);
  if (!kernel) return null;
  const k = kernel;
  const n = ref.width * ref.height;
  const curAt = 4 * n;
  const warpAt = 8 * n;
  const outAt = warpAt + Math.ceil((4 * (size + 2) * (size + 2)) / 8) * 8;
  ensureMemory(k.memory, outAt + 24);
  // Views are remade only when memory grew or the grid changed: registration runs twice a frame.
  if (frames.buffer !== k.memory.buffer || frames.length !== 2 * n) frames = new Float32Array(k.memory.buffer, 0, 2 * n);
  if (result.buffer !== k.memory.buffer || result.byteOffset !== outAt) result = new Float64Array(k.memory.buffer, outAt, 3);
  frames.set(ref.data.subarray(0, n), 0);
  frames.set(cur.data.subarray(0, n), n);
  const out = result;
  return (x0, y0, dx0, dy0, iterations) => {
    const ok = k.blockShift(0, curAt, warpAt, outAt, ref.width, ref.height, x0, y0, size, dx0, dy0, iterations);
    return ok ? { dx: out[0], dy: out[1], texture: out[2] } : null;
  };
}
