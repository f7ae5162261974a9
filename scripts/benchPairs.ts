import type { ClipSpecInput } from '../src/simulation/ClipSpec';
import type { SimCodec } from './writeSimulatedClip';

/**
 * The benchmark: pairs of a twitching clip and a non-twitching baseline of the same simulated
 * calf (same anatomy seed, scanner and confounders; another event seed and no fasciculations).
 * Each confounder alone, several combined, a range of rates and territory sizes, both views,
 * both codecs, 20-60 fps, 640x480 to 1280x720, and a screen recording with repeated frames.
 * `subset` marks the few pairs of the quick run (`npm run eval -- --subset`).
 */
export interface BenchPair {
  name: string;
  what: string;
  codec: SimCodec;
  subset: boolean;
  spec: ClipSpecInput;
}

const base: ClipSpecInput = { durationS: 20, fps: 30, screenWidthPx: 640, screenHeightPx: 480, depthMm: 40 };

export const BENCH_PAIRS: BenchPair[] = [
  { name: 'clean-long', what: 'longitudinal, no confounders, 30/min', codec: 'h264', subset: true, spec: { ...base, anatomySeed: 101, fasciculations: { ratePerMin: 30 } } },
  { name: 'clean-trans', what: 'transverse, no confounders, 30/min', codec: 'h264', subset: false, spec: { ...base, view: 'transverse', anatomySeed: 102, fasciculations: { ratePerMin: 30 } } },
  { name: 'breathing', what: 'breathing sway 0.28 Hz, 0.8 mm', codec: 'h264', subset: false, spec: { ...base, anatomySeed: 103, breathing: { frequencyHz: 0.28, amplitudeMm: 0.8 } } },
  { name: 'jolts', what: '3 probe jolts (1.5 mm, 2% compression)', codec: 'h264', subset: false, spec: { ...base, anatomySeed: 104, jolts: { count: 3, shiftMm: 1.5, compressionPct: 2 } } },
  { name: 'pulsation', what: 'arterial pulsation 72 bpm, 0.2 mm', codec: 'h264', subset: true, spec: { ...base, anatomySeed: 105, pulsation: { heartRateBpm: 72, amplitudeMm: 0.2, vesselRadiusMm: 1.2 } } },
  { name: 'pulsation-fast-trans', what: 'transverse, pulsation 98 bpm, 0.3 mm', codec: 'h264', subset: false, spec: { ...base, view: 'transverse', anatomySeed: 106, pulsation: { heartRateBpm: 98, amplitudeMm: 0.3, vesselRadiusMm: 1.5 } } },
  { name: 'contraction', what: 'one voluntary contraction, 4 mm shear', codec: 'h264', subset: false, spec: { ...base, anatomySeed: 107, contraction: { count: 1, shiftMm: 4 } } },
  { name: 'noisy', what: 'strong electronic noise (SNR 6 dB)', codec: 'h264', subset: false, spec: { ...base, anatomySeed: 108, noise: { snrDb: 6 } } },
  { name: 'clock-vp9', what: 'clock and counter on screen, VP9', codec: 'vp9', subset: false, spec: { ...base, anatomySeed: 109, clock: true } },
  { name: 'combined-long-25fps-vp9', what: 'breathing + pulsation 60 bpm + noise + clock, 25 fps, VP9', codec: 'vp9', subset: false, spec: { ...base, fps: 25, anatomySeed: 110, clock: true, breathing: { frequencyHz: 0.22, amplitudeMm: 0.5 }, pulsation: { heartRateBpm: 60, amplitudeMm: 0.15, vesselRadiusMm: 1 }, noise: { snrDb: 10 } } },
  { name: 'combined-trans', what: 'transverse, breathing + jolts + contraction', codec: 'h264', subset: true, spec: { ...base, view: 'transverse', anatomySeed: 111, breathing: { frequencyHz: 0.33, amplitudeMm: 0.6 }, jolts: { count: 2, shiftMm: 1, compressionPct: 1.5 }, contraction: { count: 1, shiftMm: 3 } } },
  { name: 'high-rate-small-720p60', what: '90/min, small territories (2-3 mm radius), 1280x720 at 60 fps', codec: 'h264', subset: false, spec: { ...base, durationS: 12, fps: 60, screenWidthPx: 1280, screenHeightPx: 720, depthMm: 50, anatomySeed: 112, fasciculations: { ratePerMin: 90, radiusMm: { min: 2, max: 3 } } } },
  { name: 'low-rate-large-vp9', what: '8/min, large territories (4-5.5 mm radius), VP9, 800x600', codec: 'vp9', subset: false, spec: { ...base, durationS: 30, screenWidthPx: 800, screenHeightPx: 600, anatomySeed: 113, fasciculations: { ratePerMin: 8, radiusMm: { min: 4, max: 5.5 } } } },
  { name: 'weak-twitches', what: 'weak twitches (0.1-0.2 mm), 40/min', codec: 'h264', subset: false, spec: { ...base, anatomySeed: 114, fasciculations: { ratePerMin: 40, amplitudeMm: { min: 0.1, max: 0.2 } } } },
  { name: 'screen-recording-60', what: 'scanner at 20 Hz screen-recorded at 60 fps (repeated frames), 1148x624, clock, breathing', codec: 'h264', subset: true, spec: { ...base, durationS: 15, fps: 60, scannerFps: 20, screenWidthPx: 1148, screenHeightPx: 624, depthMm: 50, anatomySeed: 115, clock: true, breathing: { frequencyHz: 0.25, amplitudeMm: 0.4 } } },
  { name: 'everything-trans-vp9', what: 'transverse, all confounders at once, 50/min, VP9', codec: 'vp9', subset: false, spec: { ...base, view: 'transverse', anatomySeed: 116, clock: true, fasciculations: { ratePerMin: 50 }, breathing: { frequencyHz: 0.3, amplitudeMm: 0.5 }, jolts: { count: 2, shiftMm: 1.2, compressionPct: 2 }, pulsation: { heartRateBpm: 84, amplitudeMm: 0.2, vesselRadiusMm: 1.2 }, contraction: { count: 1, shiftMm: 3 }, noise: { snrDb: 10 } } },
];

/** The twitching clip's spec and its baseline's: same calf and scanner, other events, no fasciculations. */
export function pairSpecs(pair: BenchPair): { clip: ClipSpecInput; baseline: ClipSpecInput } {
  const eventSeed = (pair.spec.anatomySeed ?? 1) * 7 + 1;
  return {
    clip: { ...pair.spec, name: pair.name, eventSeed },
    baseline: { ...pair.spec, name: `${pair.name}-baseline`, eventSeed: eventSeed + 1000, fasciculations: { ...pair.spec.fasciculations, ratePerMin: 0 } },
  };
}

export const BENCH_DIR = 'bench-data';

export interface BenchIndexEntry {
  name: string;
  what: string;
  clip: string;
  baseline: string;
}
