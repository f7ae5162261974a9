import * as tf from '@tensorflow/tfjs';
import { readFileSync } from 'node:fs';
import wabtInit from 'wabt';
import { downsampleRegion } from '../../src/analysis/downsampleRegion';
import type { OpenCvLike } from '../../src/cv/opencvDisplacement';

export interface KernelRow {
  method: string;
  msPerFrame: number;
  agrees: string;
}

const W = 800;
const H = 600;
const CELL = 4;
const BLOCK = 16;

/** Reference: typed arrays, the loop the detector once ran (cells, then |diff| averaged per block). */
function typedArrays(a: Uint8Array, b: Uint8Array): Float32Array {
  const region = { x: 0, y: 0, width: W, height: H };
  const ca = downsampleRegion(a, W, region, CELL, new Float32Array((W / CELL) * (H / CELL)));
  const cb = downsampleRegion(b, W, region, CELL, new Float32Array((W / CELL) * (H / CELL)));
  const cols = W / BLOCK;
  const out = new Float32Array(cols * (H / BLOCK));
  const cw = W / CELL;
  const per = BLOCK / CELL;
  for (let i = 0; i < ca.length; i++) {
    const x = i % cw;
    const y = (i / cw) | 0;
    out[((y / per) | 0) * cols + ((x / per) | 0)] += Math.abs(ca[i] - cb[i]) / (per * per);
  }
  return out;
}

function time(fn: () => unknown, n: number): number {
  for (let i = 0; i < 3; i++) fn();
  const t0 = performance.now();
  for (let i = 0; i < n; i++) fn();
  return (performance.now() - t0) / n;
}

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}

export async function kernelBenchmarks(cv: OpenCvLike | null): Promise<KernelRow[]> {
  const a = new Uint8Array(W * H).map((_, i) => (i * 2654435761) >>> 24);
  const b = new Uint8Array(W * H).map((_, i) => ((i + 3) * 2654435761) >>> 24);
  const ref = typedArrays(a, b);
  const rows: KernelRow[] = [{ method: 'typed arrays (used)', msPerFrame: time(() => typedArrays(a, b), 50), agrees: 'reference' }];

  if (cv) {
    // OpenCV: INTER_AREA resize = cell means; absdiff; resize again = block means.
    const c = cv as unknown as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    const run = (): Float32Array => {
      const ma = c.matFromArray(H, W, c.CV_8UC1, a);
      const mb = c.matFromArray(H, W, c.CV_8UC1, b);
      const fa = new c.Mat();
      const fb = new c.Mat();
      const ca = new c.Mat();
      const cb = new c.Mat();
      const d = new c.Mat();
      const blocks = new c.Mat();
      try {
        ma.convertTo(fa, c.CV_32F);
        mb.convertTo(fb, c.CV_32F);
        c.resize(fa, ca, new c.Size(W / CELL, H / CELL), 0, 0, c.INTER_AREA);
        c.resize(fb, cb, new c.Size(W / CELL, H / CELL), 0, 0, c.INTER_AREA);
        c.absdiff(ca, cb, d);
        c.resize(d, blocks, new c.Size(W / BLOCK, H / BLOCK), 0, 0, c.INTER_AREA);
        return Float32Array.from(blocks.data32F as Float32Array);
      } finally {
        for (const m of [ma, mb, fa, fb, ca, cb, d, blocks]) m.delete();
      }
    };
    const out = run();
    rows.push({ method: 'OpenCV.js (resize INTER_AREA + absdiff)', msPerFrame: time(run, 50), agrees: `max |diff| ${maxAbsDiff(out, ref).toExponential(1)}` });
  } else rows.push({ method: 'OpenCV.js', msPerFrame: Number.NaN, agrees: 'did not load' });

  rows.push(await wasmSimdRow(a, b, ref));

  await tf.setBackend('cpu');
  const runTf = (): Float32Array =>
    tf.tidy(() => {
      const ta = tf.tensor4d(a, [1, H, W, 1], 'float32');
      const tb = tf.tensor4d(b, [1, H, W, 1], 'float32');
      const ca = tf.avgPool(ta, CELL, CELL, 'valid');
      const cb = tf.avgPool(tb, CELL, CELL, 'valid');
      const blocks = tf.avgPool(tf.abs(tf.sub(ca, cb)) as tf.Tensor4D, BLOCK / CELL, BLOCK / CELL, 'valid');
      return blocks.dataSync() as Float32Array;
    });
  const before = tf.memory().numTensors;
  const tfOut = runTf();
  const ms = time(runTf, 10);
  rows.push({
    method: `tfjs ${tf.getBackend()} backend`,
    msPerFrame: ms,
    agrees: `max |diff| ${maxAbsDiff(tfOut, ref).toExponential(1)}; tensors leaked: ${tf.memory().numTensors - before}`,
  });
  return rows;
}

/**
 * The same kernel in WebAssembly SIMD (tests/bench/wasm/blockEnergy.wat, compiled here with
 * wabt). The timing includes copying both frames into the module's memory, as a detector
 * handed decoded frames would have to.
 */
async function wasmSimdRow(a: Uint8Array, b: Uint8Array, ref: Float32Array): Promise<KernelRow> {
  const wabt = await wabtInit();
  const wat = readFileSync(new URL('./wasm/blockEnergy.wat', import.meta.url), 'utf8');
  const module = wabt.parseWat('blockEnergy.wat', wat, { simd: true });
  const { buffer } = module.toBinary({});
  module.destroy();
  const instance = new WebAssembly.Instance(new WebAssembly.Module(Uint8Array.from(buffer)));
  const exports = instance.exports as { memory: WebAssembly.Memory; blockEnergy: (w: number, h: number) => void };
  const bytes = new Uint8Array(exports.memory.buffer);
  const blocks = (W / BLOCK) * Math.floor(H / BLOCK);
  const run = (): Float32Array => {
    bytes.set(a, 0);
    bytes.set(b, W * H);
    exports.blockEnergy(W, H);
    return new Float32Array(exports.memory.buffer, 2 * W * H, blocks);
  };
  const out = run().slice();
  return { method: 'WebAssembly SIMD (hand-written, i8x16 widening adds)', msPerFrame: time(run, 50), agrees: `max |diff| ${maxAbsDiff(out, ref).toExponential(1)}` };
}
