/**
 * Everything that defines one simulated clip. Two clips with the same `anatomySeed`, view,
 * screen, depth and probe show the same calf through the same scanner (a twitching clip and its
 * baseline); `eventSeed` places the motion.
 */
export type ScanView = 'longitudinal' | 'transverse';

export interface RangeOf {
  min: number;
  max: number;
}

export interface FasciculationSpec {
  /** Mean rate of the Poisson process, per minute (0 for a baseline). */
  ratePerMin: number;
  /** Motor-unit territory radius; territories are 4-11 mm across (Jahanmehr 2015, Muscle Nerve 52:1003). */
  radiusMm: RangeOf;
  /** Peak tissue displacement, 0.1-0.5 mm as measured by speckle tracking of fasciculations. */
  amplitudeMm: RangeOf;
  /** Onset to peak; motor-unit twitch contraction times are 40-120 ms (Fuglevand 1993, J Neurophysiol 70:2470). */
  contractionS: RangeOf;
  /** Onset to end of the visible movement, 0.15-1 s. */
  durationS: RangeOf;
  /** Exactly these twitches instead of a Poisson draw (tests): times in s, place and size in mm. */
  planned?: PlannedTwitch[];
}

export interface PlannedTwitch {
  onsetS: number;
  contractionS: number;
  durationS: number;
  xMm: number;
  zMm: number;
  radiusMm: number;
  amplitudeMm: number;
}

export interface BreathingSpec {
  frequencyHz: number;
  amplitudeMm: number;
}

export interface JoltSpec {
  /** How many jolts/pressure changes, at random times. */
  count: number;
  shiftMm: number;
  /** Axial compression of the tissue under the probe at the jolt's height, percent. */
  compressionPct: number;
}

export interface PulsationSpec {
  heartRateBpm: number;
  /** Peak radial displacement of the vessel wall. */
  amplitudeMm: number;
  vesselRadiusMm: number;
}

export interface ContractionSpec {
  /** How many voluntary contractions of the whole muscle, at random times. */
  count: number;
  /** Peak lateral displacement of the deep muscle relative to the skin. */
  shiftMm: number;
}

/** Point-spread function of the probe in wavelengths; sets the speckle grain. */
export interface PsfSpec {
  /** Axial FWHM in wavelengths: about half a pulse of 2-4 cycles (Szabo 2014, ch. 7). */
  axialWavelengths: number;
  /** Lateral FWHM = wavelength x this F-number (focused linear arrays: about 3-7). */
  lateralFNumber: number;
}

/** Where the tissue image sits on the screen, as shares of the screen width. */
export interface ScreenStyle {
  imageLeft: number;
  imageWidth: number;
}

export interface NoiseSpec {
  /** Signal (echo of muscle background) to electronic noise ratio at the top of the image, dB. */
  snrDb: number;
}

export interface ClipSpec {
  name: string;
  anatomySeed: number;
  eventSeed: number;
  view: ScanView;
  screenWidthPx: number;
  screenHeightPx: number;
  /** Imaging depth shown, mm (sets mm per pixel). */
  depthMm: number;
  /** Probe centre frequency, MHz: sets the point-spread function (7-12 MHz linear probe). */
  probeMHz: number;
  /** Frame rate of the file. */
  fps: number;
  /** The scanner's own frame rate when the file is a screen recording at a higher rate (repeated frames); null otherwise. */
  scannerFps: number | null;
  durationS: number;
  /** Log compression: displayed dynamic range and gain, fixed for the whole clip (no flicker). */
  dynamicRangeDb: number;
  gainDb: number;
  /** Burn a clock (HH:MM:SS, changes every second) and a frame counter into the screen. */
  clock: boolean;
  /** A mouse pointer that now and then glides across the image (screen recordings). */
  cursor: boolean;
  /** Speckle grain: the probe's point-spread function. */
  psf: PsfSpec;
  /** Frame averaging (persistence): each shown image keeps this share of the previous one, 0-0.8. */
  persistence: number;
  screen: ScreenStyle;
  fasciculations: FasciculationSpec;
  breathing: BreathingSpec | null;
  jolts: JoltSpec | null;
  pulsation: PulsationSpec | null;
  contraction: ContractionSpec | null;
  noise: NoiseSpec;
}

export const DEFAULT_CLIP_SPEC: ClipSpec = {
  name: 'clip',
  anatomySeed: 1,
  eventSeed: 1,
  view: 'longitudinal',
  screenWidthPx: 640,
  screenHeightPx: 480,
  depthMm: 40,
  probeMHz: 7.5,
  fps: 30,
  scannerFps: null,
  durationS: 20,
  dynamicRangeDb: 55,
  gainDb: -13,
  clock: false,
  cursor: false,
  psf: { axialWavelengths: 1.5, lateralFNumber: 5 },
  persistence: 0,
  screen: { imageLeft: 0.18, imageWidth: 0.63 },
  fasciculations: {
    ratePerMin: 30,
    radiusMm: { min: 2, max: 5.5 },
    amplitudeMm: { min: 0.1, max: 0.5 },
    contractionS: { min: 0.04, max: 0.12 },
    durationS: { min: 0.15, max: 1 },
  },
  breathing: null,
  jolts: null,
  pulsation: null,
  contraction: null,
  // 16 dB gives a mean absolute frame-to-frame luma change of 0.25-0.5 after H.264 (crf 20) in a
  // still clip, close to the 0.2-0.36 measured in the still start of ../shared/data/real/p6_passive_ROM_01_push_01.mp4.
  noise: { snrDb: 16 },
};

/** What callers give: any field may be left out, fasciculation settings one by one. */
export type ClipSpecInput = Partial<Omit<ClipSpec, 'fasciculations' | 'psf' | 'screen'>> & {
  fasciculations?: Partial<FasciculationSpec>;
  psf?: Partial<PsfSpec>;
  screen?: Partial<ScreenStyle>;
};

/** A full spec from a partial one; nested fasciculation ranges merge field by field. */
export function makeClipSpec(partial: ClipSpecInput): ClipSpec {
  const spec: ClipSpec = {
    ...DEFAULT_CLIP_SPEC,
    ...partial,
    fasciculations: { ...DEFAULT_CLIP_SPEC.fasciculations, ...partial.fasciculations },
    noise: { ...DEFAULT_CLIP_SPEC.noise, ...partial.noise },
    psf: { ...DEFAULT_CLIP_SPEC.psf, ...partial.psf },
    screen: { ...DEFAULT_CLIP_SPEC.screen, ...partial.screen },
  };
  validateClipSpec(spec);
  return spec;
}

export function validateClipSpec(spec: ClipSpec): void {
  const fail = (field: string, rule: string): never => {
    throw new RangeError(`Simulation setting "${field}" must be ${rule}.`);
  };
  if (spec.screenWidthPx % 2 || spec.screenWidthPx < 320 || spec.screenWidthPx > 1920) fail('screenWidthPx', 'an even number from 320 to 1920');
  if (spec.screenHeightPx % 2 || spec.screenHeightPx < 240 || spec.screenHeightPx > 1080) fail('screenHeightPx', 'an even number from 240 to 1080');
  if (!(spec.fps >= 10 && spec.fps <= 120)) fail('fps', 'between 10 and 120');
  if (spec.scannerFps !== null && !(spec.scannerFps > 0 && spec.scannerFps < spec.fps)) fail('scannerFps', 'null or below fps');
  if (!(spec.durationS > 0 && spec.durationS <= 600)) fail('durationS', 'above 0 and at most 600');
  if (!(spec.probeMHz >= 5 && spec.probeMHz <= 18)) fail('probeMHz', 'between 5 and 18');
  if (!(spec.depthMm >= 20 && spec.depthMm <= 80)) fail('depthMm', 'between 20 and 80');
  if (!(spec.psf.axialWavelengths >= 0.8 && spec.psf.axialWavelengths <= 4)) fail('psf.axialWavelengths', 'between 0.8 and 4');
  if (!(spec.psf.lateralFNumber >= 2 && spec.psf.lateralFNumber <= 10)) fail('psf.lateralFNumber', 'between 2 and 10');
  if (!(spec.persistence >= 0 && spec.persistence <= 0.8)) fail('persistence', 'between 0 and 0.8');
  const sc = spec.screen;
  if (!(sc.imageLeft >= 0.05 && sc.imageWidth >= 0.4 && sc.imageLeft + sc.imageWidth <= 0.95)) fail('screen', 'imageLeft >= 0.05, imageWidth >= 0.4, together at most 0.95');
  const f = spec.fasciculations;
  if (!(f.ratePerMin >= 0 && f.ratePerMin <= 200)) fail('fasciculations.ratePerMin', 'between 0 and 200');
  for (const [k, r] of Object.entries({ radiusMm: f.radiusMm, amplitudeMm: f.amplitudeMm, contractionS: f.contractionS, durationS: f.durationS })) {
    if (!(r.min > 0 && r.max >= r.min)) fail(`fasciculations.${k}`, 'a range with 0 < min <= max');
  }
  if (f.durationS.min <= f.contractionS.max) fail('fasciculations.durationS.min', 'longer than the longest contraction time');
}
