import type { AnalysisOptions } from '../analysis/AnalysisOptions';
import type { AnalysisResult } from '../analysis/AnalysisResult';
import type { AnalysisProgress } from '../analysis/analyzeClip';

/**
 * What the page needs from the worker side; src/worker-client/AnalysisClient implements it.
 * The page never touches `Worker` (STYLE 5). Cancelling through `signal` rejects with an error
 * named 'AnalysisCancelledError'.
 */
export interface AnalysisService {
  analyze(
    clip: File,
    baseline: File | null,
    options: Partial<AnalysisOptions>,
    opts?: { onProgress?: (p: AnalysisProgress) => void; signal?: AbortSignal },
  ): Promise<AnalysisResult>;
  listFrameTimes(file: File): Promise<{ width: number; height: number; timesS: number[] }>;
  dispose(): void;
}
