import type { AnalysisOptions } from '../analysis/AnalysisOptions';
import type { AnalysisResult } from '../analysis/AnalysisResult';
import type { AnalysisProgress } from '../analysis/analyzeClip';

/**
 * What the page needs from the worker side; src/worker-client/AnalysisClient implements it.
 * The page never touches `Worker` (STYLE 5). Cancelling through `signal` rejects with an error
 * named 'AnalysisCancelledError'.
 */
export interface AnalysisService {
  /**
   * `clip` is one file or several pictures chosen together; `fps` is the frame rate for inputs
   * without timing of their own (they otherwise fail with an error named 'FrameRateNeededError').
   */
  analyze(
    clip: File | File[],
    baseline: File | null,
    options: Partial<AnalysisOptions>,
    opts?: { onProgress?: (p: AnalysisProgress) => void; signal?: AbortSignal; fps?: number | null },
  ): Promise<AnalysisResult>;
  listFrameTimes(clip: File | File[], opts?: { fps?: number | null }): Promise<{ width: number; height: number; timesS: number[] }>;
  dispose(): void;
}
