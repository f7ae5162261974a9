import { formatNumber } from '../format';
import type { Messages, Words } from './Messages';

type Known = Messages['known'];

/**
 * The analysis core (src/analysis, src/ml) and the worker plumbing speak plain English that the
 * CLI prints as it is: a few fixed sentences, with numbers in them. The page recognises each by its
 * shape and words it in the reader's language, numbers in the reader's locale; a sentence it does
 * not know is shown as it is. tests/unit/ui/knownMessageWords.test.ts feeds the real messages (from
 * the functions that make them) through these, so a change of wording there fails a test here
 * rather than leaving English on a Spanish page.
 */
const PATTERNS: ReadonlyArray<[RegExp, (k: Known, g: string[]) => string]> = [
  [/^Option (\w+) must be a number from (\S+) to (\S+); got (.+)\.$/, (k, g) => k.optionRange(g[1], num(g[2]), num(g[3]), g[4])],
  [/^Option mmPerPx must be null or a number above 0 and below 10; got (.+)\.$/, (k, g) => k.optionMmPerPx(g[1])],
  [/^Option roiPx must be whole, non-negative pixels at least (\d+) px wide and high\.$/, (k, g) => k.optionRoi(g[1])],
  [/^Frame size changed from (\d+)x(\d+) to (\d+)x(\d+) px in the middle of the clip\.$/, (k, g) => k.frameSizeChanged(`${g[1]}×${g[2]}`, `${g[3]}×${g[4]}`)],
  [/^The image region \((\d+)x(\d+) px\) is too small to analyse: it must be at least (\d+) px on each side\.$/, (k, g) => k.regionTooSmall(`${g[1]}×${g[2]}`, g[3])],
  [/^"(.*)" contains no video frames that could be decoded\.$/, (k, g) => k.noDecodableFrames(g[1])],
  [/^The event classifier could not be loaded from this app \((.+)\)\.$/, (k, g) => k.classifierMissing(g[1])],
  [/^The classifier was trained on other (features|event kinds).*: run npm run train\.$/, (k) => k.classifierMismatch],
  [/^The analysis worker is already busy with another clip; cancel it first\.$/, (k) => k.workerBusy],
  [/^The analysis worker could not be started \((.*)\)\.$/, (k, g) => k.workerNotStarted(g[1])],
  [/^The analysis worker stopped unexpectedly(.*)\. Reload the page and try again\.$/, (k, g) => k.workerStopped(g[1])],
  [/^The player stopped unexpectedly\. Choose the clip again\.$/, (k) => k.playerStopped],
  [/^The clip has no frames\.$/, (k) => k.clipNoFrames],
  [
    /^Only ([\d.]+) s of motion-free video was found to learn the noise level \(at least ([\d.]+) s is advised\), so thresholds may be unreliable\..*$/,
    (k, g) => k.littleQuiet(num(g[1]), num(g[2])),
  ],
  [
    /^Only ([\d.]+) s of this clip could be analysed \(([\d.]+) s at least is advised; clinical protocols watch each muscle at rest for 60-90 s\)\..*$/,
    (k, g) => k.littleAnalysable(num(g[1]), num(g[2])),
  ],
  [/^The baseline clip differs in size or image region from this clip, so its noise level could not be used/, (k) => k.baselineMismatch],
];

/** The detector's "why this kind" words, one per kind (src/analysis/Classifier and buildEvents). */
const REASONS: Readonly<Record<string, keyof Known['reasons']>> = {
  'brief local twitch at rest': 'fasciculation',
  'local motion that belongs to a probe or limb movement': 'probeMotion',
  'local motion that belongs to a voluntary contraction': 'contraction',
  'local motion recurring at the heart rate at one site (arterial pulsation)': 'pulsation',
  'local motion unlike a twitch (noise, codec, overlay or a fragment of another event)': 'other',
  'whole-muscle motion under still skin and fat (the tissue could not be seen)': 'wholeMuscle',
  'whole-field motion: probe or limb movement (the tissue could not be seen)': 'wholeField',
};

/** Words for one of the known messages; null for a sentence this page does not know. */
export function knownMessageWords(message: string): Words | null {
  for (const [pattern, words] of PATTERNS) {
    const match = pattern.exec(message.trim());
    if (match) return (m) => words(m.known, [...match]);
  }
  return null;
}

/** A warning of the result in the reader's language (as it is when not known). */
export function warningWords(warning: string): Words {
  return knownMessageWords(warning) ?? (() => warning);
}

/** The detector's reason for an event's kind, in the reader's language (as it is when not known). */
export function reasonWords(reason: string): Words {
  const key = REASONS[reason];
  return key ? (m) => m.known.reasons[key] : () => reason;
}

/** A number from an English message ("12.5") in the page's locale, with as many decimals. */
function num(text: string): string {
  const value = Number(text);
  if (!Number.isFinite(value)) return text;
  const decimals = text.includes('.') ? text.length - text.indexOf('.') - 1 : 0;
  return formatNumber(value, decimals);
}
