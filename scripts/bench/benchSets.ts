import type { ClipSpecInput } from '../../src/simulation/ClipSpec';
import { createRandom, deriveSeed, type Random } from '../../src/simulation/createRandom';
import type { WriteOptions } from '../encodeGrayFrames';

/**
 * The split benchmark (issue 10): a TUNING set to develop and train on, and a TEST set that is
 * only reported. They share the scenario list (which confounders a pair shows) but are drawn
 * from disjoint seeds and from different palettes of scanner and export settings, so a detector
 * fitted to the tuning set's particulars does not carry them into the test set. Every pair is a
 * twitching clip and a baseline of the same simulated calf and scanner (other event seed, no
 * fasciculations). Domain randomisation: speckle grain (probe frequency and PSF), gain, dynamic
 * range, electronic noise, persistence, codec from near-lossless H.264 to screen-recording bit
 * rates and VP9, frame rate 20-75 fps, screen width 400-1280 px, repeated frames, overlays.
 */
export type BenchSetName = 'tuning' | 'test';

export interface PairCase {
  name: string;
  what: string;
  clip: ClipSpecInput;
  baseline: ClipSpecInput;
  encoding: WriteOptions;
}

/** A set's palette: the discrete settings it draws from (they differ between the sets). */
interface Palette {
  seedBase: number;
  fps: readonly number[];
  widthsPx: readonly number[];
  h264Crf: readonly [number, number];
  lowKbps: readonly number[];
  vp9Crf: readonly [number, number];
  probeMHz: readonly [number, number];
}

const PALETTES: Record<BenchSetName, Palette> = {
  tuning: { seedBase: 1000, fps: [20, 25, 30, 50, 60], widthsPx: [480, 640, 800, 1024, 1148], h264Crf: [16, 28], lowKbps: [60, 80, 110], vp9Crf: [30, 38], probeMHz: [6, 12] },
  test: { seedBase: 2000, fps: [24, 30, 40, 48, 60, 75], widthsPx: [400, 560, 720, 960, 1280], h264Crf: [14, 30], lowKbps: [50, 70, 90, 130], vp9Crf: [28, 40], probeMHz: [6.5, 14] },
};

type Scenario = { name: string; what: string; spec: (r: Random) => ClipSpecInput; lowBitrate?: boolean };

const between = (r: Random, lo: number, hi: number, digits = 2): number => Number(r.uniform(lo, hi).toFixed(digits));
const breathing = (r: Random) => ({ frequencyHz: between(r, 0.2, 0.35), amplitudeMm: between(r, 0.3, 1) });
const jolts = (r: Random) => ({ count: 2 + r.int(2), shiftMm: between(r, 0.8, 2), compressionPct: between(r, 1, 2.5) });
const pulsation = (r: Random) => ({ heartRateBpm: Math.round(r.uniform(55, 100)), amplitudeMm: between(r, 0.12, 0.3), vesselRadiusMm: between(r, 0.9, 1.6) });
const contraction = (r: Random) => ({ count: 1, shiftMm: between(r, 2.5, 4.5) });

/** Which motion each pair shows; both sets have every scenario, with their own draws. */
const SCENARIOS: Scenario[] = [
  { name: 'clean-long', what: 'longitudinal, no confounders', spec: () => ({ view: 'longitudinal' }) },
  { name: 'clean-trans', what: 'transverse, no confounders', spec: () => ({ view: 'transverse' }) },
  { name: 'breathing', what: 'breathing sway', spec: (r) => ({ breathing: breathing(r) }) },
  { name: 'jolts', what: 'probe jolts with compression', spec: (r) => ({ jolts: jolts(r) }) },
  { name: 'pulsation', what: 'arterial pulsation', spec: (r) => ({ pulsation: pulsation(r) }) },
  { name: 'pulsation-trans', what: 'transverse, arterial pulsation', spec: (r) => ({ view: 'transverse', pulsation: pulsation(r) }) },
  { name: 'contraction', what: 'a voluntary contraction', spec: (r) => ({ contraction: contraction(r) }) },
  { name: 'noisy', what: 'strong electronic noise (SNR 5-9 dB)', spec: (r) => ({ noise: { snrDb: between(r, 5, 9, 1) } }) },
  { name: 'overlays', what: 'clock and a moving mouse pointer', spec: () => ({ clock: true, cursor: true }) },
  { name: 'screen-recording', what: 'scanner frames repeated by a faster screen recorder', spec: (r) => ({ scannerFps: 0, clock: r.next() < 0.5, breathing: breathing(r) }) },
  { name: 'low-bitrate', what: 'H.264 at a screen-recording bit rate', spec: (r) => ({ breathing: r.next() < 0.5 ? breathing(r) : null }), lowBitrate: true },
  { name: 'low-bitrate-pulsation', what: 'low bit rate with pulsation', spec: (r) => ({ pulsation: pulsation(r) }), lowBitrate: true },
  { name: 'weak', what: 'weak twitches (0.1-0.2 mm)', spec: () => ({ fasciculations: { amplitudeMm: { min: 0.1, max: 0.2 } } }) },
  { name: 'high-rate-small', what: '60-90/min, small territories (2-3 mm radius)', spec: (r) => ({ fasciculations: { ratePerMin: Math.round(r.uniform(60, 90)), radiusMm: { min: 2, max: 3 } } }) },
  { name: 'low-rate-large', what: '8-15/min, large territories (4-5.5 mm radius)', spec: (r) => ({ durationS: 30, fasciculations: { ratePerMin: Math.round(r.uniform(8, 15)), radiusMm: { min: 4, max: 5.5 } } }) },
  { name: 'persistence', what: 'heavy frame averaging with breathing', spec: (r) => ({ persistence: between(r, 0.5, 0.7), breathing: breathing(r) }) },
  { name: 'combined', what: 'breathing, pulsation and noise', spec: (r) => ({ breathing: breathing(r), pulsation: pulsation(r), noise: { snrDb: between(r, 9, 13, 1) } }) },
  { name: 'combined-trans', what: 'transverse, breathing, jolts and a contraction', spec: (r) => ({ view: 'transverse', breathing: breathing(r), jolts: jolts(r), contraction: contraction(r) }) },
  { name: 'everything', what: 'all confounders at once', spec: (r) => ({ breathing: breathing(r), jolts: jolts(r), pulsation: pulsation(r), contraction: contraction(r), clock: true, cursor: true, noise: { snrDb: between(r, 9, 13, 1) } }) },
  { name: 'mixed-a', what: 'a random mix of confounders', spec: (r) => randomMix(r) },
  { name: 'mixed-b', what: 'a random mix of confounders', spec: (r) => randomMix(r) },
  { name: 'mixed-c', what: 'a random mix of confounders', spec: (r) => randomMix(r) },
];

/** Extra tuning pairs (more training data for the classifier): random mixes, tuning only. */
const EXTRA_TUNING_MIXES = 10;

function randomMix(r: Random): ClipSpecInput {
  return {
    view: r.next() < 0.3 ? 'transverse' : 'longitudinal',
    breathing: r.next() < 0.5 ? breathing(r) : null,
    jolts: r.next() < 0.35 ? jolts(r) : null,
    pulsation: r.next() < 0.4 ? pulsation(r) : null,
    contraction: r.next() < 0.3 ? contraction(r) : null,
    cursor: r.next() < 0.25,
  };
}

/** Every pair of one set, deterministic from the set's seeds. */
export function benchPairs(set: BenchSetName): PairCase[] {
  const palette = PALETTES[set];
  // Tuning only: the mixes, then a second draw of every scenario (own seeds). On 2026-12-02 the
  // old model scored out-of-fold F1 0.573 on the second draw's 22 pairs, which it had never seen,
  // and the model trained with them 0.622; on the first draw both gave 0.66 (README, Evaluation).
  const scenarios: Scenario[] = set === 'tuning'
    ? [...SCENARIOS, ...Array.from({ length: EXTRA_TUNING_MIXES }, (_, i) => ({ name: `mixed-x${i + 1}`, what: 'a random mix of confounders', spec: randomMix })), ...SCENARIOS]
    : SCENARIOS;
  return scenarios.map((scenario, i) => {
    const seed = palette.seedBase + i + 1;
    const r = createRandom(deriveSeed(seed, `bench-${set}`));
    const scanner = scannerSettings(r, palette);
    const confounders = scenario.spec(r);
    const spec: ClipSpecInput = { ...scanner.spec, ...confounders, anatomySeed: seed };
    if (confounders.scannerFps === 0) {
      // A screen recorder at 2-3x the scanner's own rate repeats each scanner frame.
      spec.fps = Math.max(40, spec.fps ?? 30);
      spec.scannerFps = Math.round((spec.fps / (2 + r.int(2))) * 10) / 10;
    }
    spec.fasciculations = { ratePerMin: between(r, 20, 45, 0), ...confounders.fasciculations };
    const encoding = scenario.lowBitrate ? lowBitrate(r, palette) : scanner.encoding;
    const name = `${set}-${String(i + 1).padStart(2, '0')}-${scenario.name}`;
    const eventSeed = seed * 7 + 1;
    return {
      name,
      what: `${scenario.what}; ${describe(spec, encoding)}`,
      clip: { ...spec, name, eventSeed },
      baseline: { ...spec, name: `${name}-baseline`, eventSeed: eventSeed + 1000, fasciculations: { ...spec.fasciculations, ratePerMin: 0 } },
      encoding,
    };
  });
}

function scannerSettings(r: Random, p: Palette): { spec: ClipSpecInput; encoding: WriteOptions } {
  const width = pick(r, p.widthsPx);
  const height = Math.max(240, 2 * Math.round((width * r.uniform(0.55, 0.78)) / 2));
  const imageWidth = between(r, 0.5, 0.68);
  const spec: ClipSpecInput = {
    durationS: Math.round(r.uniform(15, 25)),
    fps: pick(r, p.fps),
    screenWidthPx: width,
    screenHeightPx: Math.min(1080, height),
    screen: { imageLeft: between(r, 0.12, 0.95 - imageWidth - 0.02), imageWidth },
    depthMm: Math.round(r.uniform(30, 60)),
    probeMHz: between(r, p.probeMHz[0], p.probeMHz[1], 1),
    psf: { axialWavelengths: between(r, 1.2, 2.2), lateralFNumber: between(r, 3.5, 7) },
    dynamicRangeDb: Math.round(r.uniform(45, 70)),
    gainDb: between(r, -18, -8, 1),
    noise: { snrDb: between(r, 10, 24, 1) },
    persistence: r.next() < 0.4 ? between(r, 0.15, 0.5) : 0,
    clock: r.next() < 0.4,
    cursor: r.next() < 0.15,
  };
  // A user sets the gain so that resting muscle shows its speckle: mean grey of the muscle echo
  // (0.004 power units, renderBMode) of at least 25 of 255, as the default settings give 33. A
  // drawn gain below that is raised to it (without a draw, so the rest of the sequence stays).
  const dr = spec.dynamicRangeDb as number;
  spec.gainDb = Math.max(spec.gainDb as number, Number((34.8 - dr + (25 * dr) / 255).toFixed(1)));
  const u = r.next();
  const encoding: WriteOptions =
    u < 0.6
      ? { codec: 'h264', crf: Math.round(r.uniform(p.h264Crf[0], p.h264Crf[1])), preset: 'veryfast' }
      : u < 0.75
        ? lowBitrate(r, p)
        : { codec: 'vp9', crf: Math.round(r.uniform(p.vp9Crf[0], p.vp9Crf[1])), vp9Realtime: true };
  return { spec, encoding };
}

function lowBitrate(r: Random, p: Palette): WriteOptions {
  return { codec: 'h264', kbps: pick(r, p.lowKbps), preset: 'veryfast', gop: 250 };
}

function pick<T>(r: Random, list: readonly T[]): T {
  return list[r.int(list.length)];
}

function describe(spec: ClipSpecInput, e: WriteOptions): string {
  const codec = e.kbps ? `H.264 ${e.kbps} kbit/s` : e.codec === 'vp9' ? `VP9 crf ${e.crf}` : `H.264 crf ${e.crf}`;
  const rec = spec.scannerFps ? ` (scanner ${spec.scannerFps} fps)` : '';
  return `${spec.screenWidthPx}x${spec.screenHeightPx}, ${spec.fps} fps${rec}, ${codec}, ${spec.probeMHz} MHz, SNR ${spec.noise?.snrDb} dB`;
}

/** The 8 s DICOM cines of a set (no baseline): 30 fps, the three transfer syntaxes in turn. */
export function cineSpecs(set: BenchSetName): Array<{ name: string; what: string; spec: ClipSpecInput; syntax: 'explicit' | 'rle' | 'jpeg'; withRegion: boolean }> {
  const palette = PALETTES[set];
  const kinds = ['clean-long', 'breathing', 'pulsation', 'noisy', 'clean-trans', 'overlays'];
  const syntaxes = ['explicit', 'rle', 'jpeg'] as const;
  return kinds.map((kind, i) => {
    const seed = palette.seedBase + 500 + i;
    const r = createRandom(deriveSeed(seed, `cine-${set}`));
    const scanner = scannerSettings(r, palette).spec;
    const width = Math.min(800, scanner.screenWidthPx ?? 640);
    const scenario = SCENARIOS.find((s) => s.name === kind) ?? SCENARIOS[0];
    const name = `${set}-cine-${String(i + 1).padStart(2, '0')}-${kind}`;
    const spec: ClipSpecInput = {
      ...scanner,
      ...scenario.spec(r),
      screenWidthPx: width,
      screenHeightPx: Math.max(240, 2 * Math.round((width * 0.7) / 2)),
      fps: 30,
      persistence: 0,
      anatomySeed: seed,
      eventSeed: seed * 7 + 1,
      fasciculations: { ratePerMin: 45 },
    };
    const syntax = syntaxes[i % 3];
    return { name, what: `8 s DICOM cine (${syntax}), ${scenario.what}, no baseline`, spec, syntax, withRegion: i % 2 === 0 };
  });
}

/**
 * Draws of each real hybrid per set: the same real clip with another plan of twitches (seed),
 * played from another phase of its forward-and-back loop, against another trial as baseline.
 * One per set. Four tuning draws were tried (2026-12-04), because the 7 tuning hybrids gave only 21
 * matched twitch candidates against 516 others in real video, and the classifier rejected 13 of
 * their 78 twitches (probability 0.00-0.12). Trained on them, the out-of-fold F1 on the other 143
 * tuning runs stayed where it was (0.650 against 0.649 for one MLP, 0.652 against 0.667 for three),
 * false events on the baselines rose (3.42 against 1.90 per minute, three MLPs) and one real
 * tuning clip got a false fasciculation, so they are not made (`npm run make-bench` can again).
 */
export const REAL_HYBRID_DRAWS: Record<BenchSetName, number> = { tuning: 1, test: 1 };

/** Pairs whose encoded baseline is split in two for simulated hybrids: the first half is the baseline. */
export const SIM_HYBRID_SOURCES = ['clean-long', 'breathing', 'pulsation', 'overlays'];

/** The pair a simulated hybrid of this scenario is cut from: the first of the scenario (make-bench, train's folds). */
export function simHybridSource<T extends { name: string }>(pairs: readonly T[], kind: string): T | undefined {
  return pairs.find((p) => p.name.endsWith(`-${kind}`));
}
