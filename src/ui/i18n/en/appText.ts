import type { RegionSource } from '../../ScaleInput';
import { plural } from '../plural';

/** "about 12 s", "about 2 min 5 s": a time-left estimate is rough, so it says so. */
function about(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `about ${s} s`;
  const minutes = Math.floor(s / 60);
  const rest = s % 60;
  return rest === 0 ? `about ${minutes} min` : `about ${minutes} min ${rest} s`;
}

/** The page's own messages: progress, the clip's state, the inputs' checks, the errors' frames. */
export const progressTextEn = {
  about,
  line: (baseline: boolean, done: string, total: string | null, leftS: number | null) =>
    `${baseline ? 'Baseline' : 'Clip'}: ${total ? `${done} of ${total} frames` : `${done} frames`}${leftS === null ? '' : `, ${about(leftS)} left`}`,
};

export const appTextEn = {
  starting: 'Starting…',
  startingWithBaseline: 'Starting: baseline first, then the clip…',
  done: (n: number, frames: number) => `Done: ${n} ${plural(n, 'fasciculation', 'fasciculations')} in ${frames} frames.`,
  cancelled: 'Analysis cancelled.',
  stoppedForFps: 'Analysis stopped: the frame rate is needed.',
  stopped: 'Analysis stopped.',
  restoredAnalysis: 'Restored the reviewed analysis saved in this browser for this clip.',
  enterFpsToSee: 'Enter the frame rate (fps) to see this clip.',
  playerCannotShow: (why: string) => `The player cannot show this clip: ${why}`,
  nothingToShow: 'Nothing to show: this file cannot be read (the reason is under “Clip”).',
  chooseClip: 'Choose a clip, or press “Load demo clips”, then “Analyze”.',
  sequenceHint: 'Pictures carry no timing: enter the frame rate they were recorded at (frames per second).',
  frameRateHint: 'This clip does not say how fast its frames were recorded: enter its frame rate (frames per second), then press Analyze.',
  roiYours: 'Image region (yours)',
  roiFound: 'Image region (found)',
  demoOffline: (url: string) => `The demo clip ${url} could not be fetched: this device seems to be offline, and the page has not been opened online before to keep a copy.`,
  demoMissing: (url: string, status: number) => `The demo clip ${url} could not be loaded (HTTP ${status}).`,
};

export const inputsTextEn = {
  badConfidence: (raw: string) => `The confidence threshold must be a number from 0 to 1 (for example 0.5); "${raw}" is not.`,
  badFrameRate: (max: number, raw: string) => `The frame rate must be a number of frames per second above 0 and at most ${max} (for example 30); "${raw}" is not.`,
  depthNotPositive: 'Depth must be a number of centimetres above 0.',
  depthTooLarge: 'Depth must be at most 30 cm.',
  regionTooSmallForScale: 'The image region is too small to set a scale from.',
  depthNeedsClip: 'Choose a clip before entering a depth: the scale needs its image height.',
  noScale: 'No scale: areas in pixels.',
  scaleLine: (mmPerPx: string, heightPx: string, source: RegionSource) =>
    `${mmPerPx} mm per px (${heightPx} px high: ${
      source === 'drawn' ? 'the image region you drew' : source === 'found' ? 'the image region found in the last analysis' : 'the whole frame; draw the image region, or analyse once, for a truer scale'
    }).`,
  scaleNote: (usedPx: number, foundPx: number, factor: string) =>
    `The depth scale assumed an image ${usedPx} px high, but the image region found is ${foundPx} px high. Press Analyze again to use it (the scale is then ${factor}× the one used here).`,
  sequenceFiles: (n: number, first: string, last: string, size: string) => `${n} files, ${first} … ${last} (${size})`,
};

const quoted = (fileName: string | null, fallback: string): string => (fileName ? `"${fileName}"` : fallback);

export const errorsTextEn = {
  typeFrameRate: 'Type it in “Frame rate (fps)” under the clip, then press Analyze.',
  notSupported: (fileName: string | null, detail: string) =>
    `This browser cannot decode ${quoted(fileName, 'this file')}. Export the clip as H.264 MP4 and try again. (${detail})`,
  encoding: (fileName: string | null, detail: string) => `${quoted(fileName, 'The file')} is damaged or not a video this app can read. (${detail})`,
  notReadable: (fileName: string | null, detail: string) => `${quoted(fileName, 'The file')} could not be read from disk; pick it again. (${detail})`,
  unexpected: (fileName: string | null, detail: string) =>
    `Something went wrong ${fileName ? `while analysing "${fileName}"` : 'during the analysis'}: ${detail || 'no details were given'}.`,
};
