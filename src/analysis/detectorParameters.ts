/**
 * Every number that changes a detection, in one place (issue 10), each with its unit, the range
 * it may take and where its value comes from: a paper, a measurement on this project's data
 * (named), or a tuning experiment on the TUNING set only (`npm run eval -- --set tuning`). The
 * user-facing options (AnalysisOptions) take their defaults from here. Their hash goes into every
 * result's `tool.detector`, with the classifier's, so two results can be told apart.
 */
export interface Parameter {
  value: number;
  unit: string;
  range: readonly [number, number];
  source: string;
}

export const DETECTOR_PARAMETERS = {
  // Grid and lags
  blockSizePx: { value: 16, unit: 'px', range: [8, 64], source: 'allowed range of the blockSizePx option (an explicit block size); value unused: by default the block follows blockSizeMm' },
  blockSizeMm: { value: 1.4, unit: 'mm', range: [0.5, 4], source: 'the 16 px blocks the detector was first built on at the real clips\' 0.087 mm/px (../shared/data/README.md): a 4 mm territory spans about 3 blocks at any scale' },
  diffLagS: { value: 0.033, unit: 's', range: [0.005, 0.5], source: 'one frame at 30 fps: the fast rise of a twitch (contraction time 40-120 ms, Fuglevand 1993)' },
  longLagS: { value: 0.1, unit: 's', range: [0, 1], source: 'spans a whole twitch rise (40-120 ms, Fuglevand 1993); 0 turns the long channel off' },
  longAverageS: { value: 0.05, unit: 's', range: [0, 0.1], source: 'two frames at 30 fps halve independent frame noise; shorter than the shortest rise (40 ms) plus the lag' },
  // Registration (whole-field motion)
  registrationBlockPx: { value: 48, unit: 'px', range: [24, 128], source: 'large enough for a stable Lucas-Kanade shift in speckle (a few grains of 0.3-1 mm), small enough for 30+ blocks in a 400 px image' },
  lkIterations: { value: 3, unit: 'iterations', range: [1, 10], source: 'Baker & Matthews 2004: forward-additive LK converges in 2-4 iterations for sub-cell shifts' },
  irlsIterations: { value: 3, unit: 'iterations', range: [1, 10], source: 'reweighted least squares with Tukey weights settles in 2-3 passes (Holland & Welsch 1977)' },
  tukeyC: { value: 4.685, unit: 'robust sigmas', range: [2, 10], source: 'Tukey biweight constant for 95% efficiency at the normal (Holland & Welsch 1977)' },
  quietSpeedMmS: { value: 0.3, unit: 'mm/s', range: [0.01, 5], source: 'still tissue shows 0.0-0.3 mm/s of estimator noise (../shared/data/real, first 0.3 s of each clip); breathing sway moves 1-3 mm/s' },
  residualMaxMm: { value: 0.1, unit: 'mm', range: [0.01, 1], source: 'smallest fasciculation displacement seen by ultrasound, 0.1 mm (issue brief): a larger non-rigid residual over a twitch rise hides it' },
  assumedDepthMm: { value: 40, unit: 'mm', range: [20, 80], source: 'calf presets image 30-60 mm deep; the scale for physical rules when a clip has none' },
  // Noise floor
  warmupS: { value: 5, unit: 's', range: [1, 30], source: '150 frames at 30 fps: a per-block median and MAD within ~10% (Hampel 1974)' },
  minQuietFrames: { value: 10, unit: 'frames', range: [3, 100], source: 'fewest frames a provisional floor is built from' },
  floorRefreshS: { value: 1, unit: 's', range: [0.1, 10], source: 'how often the running floor is rebuilt from its histograms' },
  sigmaFloor: { value: 0.1, unit: 'grey levels', range: [0.001, 1], source: 'blocks that never change (flat UI) must not divide by ~0' },
  repeatTolerance: { value: 0.5, unit: 'grey levels', range: [0, 5], source: 'largest |cell difference| of a repeated frame: 0 after skip-coded repeats (low bit rate H.264); new frames, even at crf 26 and 60 fps, change some 4x4 cell by 0.9-2.3 (tuning-04-jolts), and a twitch changes its cells by more' },
  minQuietS: { value: 5, unit: 's', range: [0, 60], source: 'less still video than the warm-up makes the floor unreliable: warn' },
  // Candidates
  zThreshold: { value: 6, unit: 'noise sigmas', range: [1, 100], source: 'candidate seeds: below the old detector\'s 7 so weak twitches reach the classifier; tuning set, scripts/eval.ts --set zThreshold' },
  hysteresisRatio: { value: 2.5, unit: 'ratio', range: [1, 5], source: 'Canny 1986: seed to grow threshold 2:1 to 3:1' },
  closeGapS: { value: 0.1, unit: 's', range: [0, 2], source: 'a twitch\'s fast motion lasts its rise (40-120 ms); a longer gap ends a track' },
  maxTwitchS: { value: 1, unit: 's', range: [0.2, 5], source: 'fasciculations on ultrasound last 0.1-1 s (issue brief): a later onset at a site is a new event' },
  analysableGapS: { value: 0.1, unit: 's', range: [0, 1], source: 'unanalysable frames closer than this form one span (one movement)' },
  superficialShare: { value: 0.15, unit: 'share of image height', range: [0.05, 0.4], source: 'skin and subcutaneous fat fill the top 10-20% of a 30-60 mm calf image (1-2 mm skin, 3-10 mm fat)' },
  skinRatioContraction: { value: 0.5, unit: 'ratio', range: [0, 1], source: 'skin moving under half as far as the muscle below it: a voluntary contraction, not a probe movement (aponeurosis shear, Maganaris 1998)' },
  maxProbeBlocks: { value: 100, unit: 'blocks', range: [4, 10000], source: 'local displacement is measured on territories up to 10x10 blocks (16 mm at 0.1 mm/px, beyond any motor unit); larger groups are not twitches' },
  // Classification
  reportOtherShare: { value: 0.5, unit: 'share of the threshold', range: [0, 1], source: 'candidates the classifier calls other are reported only from this share of the threshold up (near misses worth a reviewer\'s look); weaker ones are noise' },
  confidenceThreshold: { value: 0.5, unit: 'probability', range: [0, 1], source: 'fasciculation probability an event must reach; set by `npm run train` on the tuning set (out-of-fold F1 maximum)' },
} as const satisfies Record<string, Parameter>;

export type ParameterName = keyof typeof DETECTOR_PARAMETERS;

/** The values alone, typed by name. */
export const P: { readonly [K in ParameterName]: number } = Object.fromEntries(
  Object.entries(DETECTOR_PARAMETERS).map(([k, p]) => [k, p.value]),
) as { [K in ParameterName]: number };

/** FNV-1a over the parameters' names and values: changes whenever any number changes. */
export function parametersHash(values: Readonly<Record<string, number>> = P): string {
  let h = 0x811c9dc5;
  for (const key of Object.keys(values).sort()) {
    const text = `${key}=${values[key]};`;
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}
