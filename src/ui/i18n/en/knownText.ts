/**
 * The analysis core's and the worker plumbing's own sentences (recognised by knownMessageWords);
 * the English here is what the page shows, close to the CLI's.
 */
export const knownTextEn = {
  optionRange: (key: string, lo: string, hi: string, got: string) => `Option ${key} must be a number from ${lo} to ${hi}; got ${got}.`,
  optionMmPerPx: (got: string) => `The scale (mm per px) must be above 0 and below 10; got ${got}.`,
  optionRoi: (minPx: string) => `The image region must be whole, non-negative pixels, at least ${minPx} px wide and high.`,
  frameSizeChanged: (from: string, to: string) => `The frame size changed from ${from} to ${to} px in the middle of the clip.`,
  regionTooSmall: (size: string, minPx: string) => `The image region (${size} px) is too small to analyse: it must be at least ${minPx} px on each side.`,
  noDecodableFrames: (file: string) => `"${file}" contains no video frames that could be decoded.`,
  classifierMissing: (detail: string) => `The event classifier could not be loaded from this app (${detail}).`,
  classifierMismatch: 'The event classifier does not match this version of the detector; the app needs to be rebuilt with a retrained model.',
  workerBusy: 'The analysis is still busy with another clip; cancel it first.',
  workerNotStarted: (detail: string) => `The analysis could not be started (${detail}).`,
  workerStopped: (detail: string) => `The analysis stopped unexpectedly${detail}. Reload the page and try again.`,
  playerStopped: 'The player stopped unexpectedly. Choose the clip again.',
  clipNoFrames: 'The clip has no frames.',
  littleQuiet: (quietS: string, minS: string) =>
    `Only ${quietS} s of motion-free video was found to learn the noise level (at least ${minS} s is advised), so thresholds may be unreliable. Record longer at rest, or add a baseline clip of relaxed muscle.`,
  littleAnalysable: (analysableS: string, minS: string) =>
    `Only ${analysableS} s of this clip could be analysed (${minS} s at least is advised; clinical protocols watch each muscle at rest for 60-90 s). Rates per minute from so little video are uncertain.`,
  baselineMismatch:
    "The baseline clip differs in size or image region from this clip, so its noise level could not be used; thresholds come from this clip's own quiet stretches.",
  reasons: {
    fasciculation: 'brief local twitch at rest',
    probeMotion: 'local motion that belongs to a probe or limb movement',
    contraction: 'local motion that belongs to a voluntary contraction',
    pulsation: 'local motion recurring at the heart rate at one site (arterial pulsation)',
    other: 'local motion unlike a twitch (noise, codec, overlay or a fragment of another event)',
    wholeMuscle: 'whole-muscle motion under still skin and fat (the tissue could not be seen)',
    wholeField: 'whole-field motion: probe or limb movement (the tissue could not be seen)',
  },
};
