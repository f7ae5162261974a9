/**
 * The log-spaced bins of the noise floor's histograms (NoiseModel): 20 per octave (~3.5% apart)
 * from 2^-7 grey levels (below any real noise) to 2^8 (the full 8-bit range).
 */
export const LOG_MIN = -7;
export const LOG_MAX = 8;
export const BINS_PER_OCTAVE = 20;
export const BIN_COUNT = (LOG_MAX - LOG_MIN) * BINS_PER_OCTAVE;

/** The bin of a value, by definition: floor((log2 v - LOG_MIN) x 20), clamped; 0, negatives and NaN go to bin 0. */
export function binOf(value: number): number {
  if (!(value > 0)) return 0;
  const bin = Math.floor((Math.log2(value) - LOG_MIN) * BINS_PER_OCTAVE);
  return bin < 0 ? 0 : bin >= BIN_COUNT ? BIN_COUNT - 1 : bin;
}

/** Lower edge of bin k in grey levels (bin 0 also holds exact zeros); k = BIN_COUNT is the top. */
export function binEdge(k: number): number {
  return k <= 0 ? 0 : 2 ** (LOG_MIN + k / BINS_PER_OCTAVE);
}

/**
 * binEdge for every k, computed once: the floor's bisection asks for two edges per step, 60 per
 * block, and a power each time was 3-7% of the hot loop (`npm run profile`, 2026-12-02).
 */
export const BIN_EDGES = Float64Array.from({ length: BIN_COUNT + 1 }, (_, k) => binEdge(k));

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

/** Buckets of a float32's bits: sign, exponent and the top 6 mantissa bits, 1/64 octave each. */
const BUCKET_SHIFT = 17;
const BUCKETS = 2 ** (32 - BUCKET_SHIFT - 1);

/** THRESHOLD_BITS[k]: the bits of the smallest positive float32 whose binOf is k or more. */
const THRESHOLD_BITS = (() => {
  const out = new Uint32Array(BIN_COUNT + 1).fill(0x7f800001); // above +Infinity: never reached
  for (let k = 1; k < BIN_COUNT; k++) {
    // binOf rises with the value (log2 of neighbouring float32s differs by far more than its error).
    let lo = 1; // the smallest positive float32
    let hi = 0x7f800000; // +Infinity, whose bin is the last
    while (lo < hi) {
      const mid = lo + Math.floor((hi - lo) / 2);
      u32[0] = mid;
      if (binOf(f32[0]) >= k) hi = mid;
      else lo = mid + 1;
    }
    out[k] = lo;
  }
  return out;
})();

/** BUCKET_BIN[b]: binOf of the smallest float32 of bucket b. A bucket (1/64 octave) is narrower than a bin (1/20), so it holds at most one bin edge. */
const BUCKET_BIN = (() => {
  const out = new Uint16Array(BUCKETS);
  for (let b = 0; b < BUCKETS; b++) {
    u32[0] = b << BUCKET_SHIFT;
    out[b] = binOf(f32[0]);
  }
  return out;
})();

/**
 * binOf of a positive float32 given its bits (a Uint32Array view of a Float32Array), the same bin
 * without a logarithm: the bucket's bin, plus one when the value reaches the next bin's threshold.
 * Bits with the sign set (negatives, -0, and NaNs with it) give bin 0, as binOf does; so do other NaNs,
 * whose buckets lie above +Infinity's and are never compared. Math.log2 per value was 5-6% of the
 * browser's hot loop (NoiseModel add, `npm run profile`, 2026-12-02).
 */
export function binOfFloat32Bits(bits: number): number {
  if (bits === 0 || bits >= 0x7f800001) return 0;
  const bin = BUCKET_BIN[bits >>> BUCKET_SHIFT];
  return bits >= THRESHOLD_BITS[bin + 1] ? bin + 1 : bin;
}

/** Relative distance from a bin edge beyond which the bin is certain without the logarithm: the computed floor's error is ~1e-13 bins, 1e-12 relative is 3e-11 bins. */
export const EDGE_GUARD = 1e-12;

/**
 * floor((log2 v - LOG_MIN) x 20) for any positive v, not clamped (negative below 2^-7, BIN_COUNT
 * or more from 2^8): the bin the floor's CDF interpolates in. Found from the float32 bucket and
 * the edge table; within 1e-12 of an edge, or outside the bins, the logarithm decides, so the
 * answer is always the formula's. toModel asks 60 times per block (its bisection for the MAD).
 */
export function binIndexOf(value: number): number {
  if (value > BIN_EDGES[1] * (1 + EDGE_GUARD) && value < BIN_EDGES[BIN_COUNT] * (1 - EDGE_GUARD)) {
    f32[0] = value;
    let k = Math.max(1, binOfFloat32Bits(u32[0]));
    while (k > 1 && value < BIN_EDGES[k]) k--;
    while (k < BIN_COUNT - 1 && value >= BIN_EDGES[k + 1]) k++;
    if (value >= BIN_EDGES[k] * (1 + EDGE_GUARD) && value <= BIN_EDGES[k + 1] * (1 - EDGE_GUARD)) return k;
  }
  return Math.floor((Math.log2(value) - LOG_MIN) * BINS_PER_OCTAVE);
}
