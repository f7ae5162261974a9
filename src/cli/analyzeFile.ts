import type { AnalysisOptions } from '../analysis/AnalysisOptions';
import type { AnalysisResult } from '../analysis/AnalysisResult';
import { analyzeClip, type AnalyzeHooks } from '../analysis/analyzeClip';
import { openNodeSource } from '../sources/node/openNodeSource';

/** What every clip of a run shares: the command line's settings. */
export interface FileSettings {
  baseline: string | null;
  options: Partial<AnalysisOptions>;
  /** Frame rate for DICOM files without frame timing. */
  fps: number | null;
  /** ffmpeg decoder threads; 1 in the batch pool, null (ffmpeg decides) for a single clip. */
  decoderThreads: number | null;
}

/**
 * One clip from disk through the analysis core, as the single-clip CLI and each batch worker run
 * it: the same sources, options, displacement estimator and classifier, so a clip's JSON is the same bytes
 * whichever way it was analysed.
 */
export async function analyzeFile(clip: string, settings: FileSettings, hooks: Pick<AnalyzeHooks, 'displacement' | 'classifier'>): Promise<AnalysisResult> {
  const sourceOptions = { fpsIfUntimed: settings.fps, decoderThreads: settings.decoderThreads };
  const baseline = settings.baseline ? await openNodeSource(settings.baseline, sourceOptions) : null;
  return analyzeClip(await openNodeSource(clip, sourceOptions), baseline, settings.options, hooks);
}
