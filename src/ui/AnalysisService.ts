import type { AnalysisClient } from '../worker-client/AnalysisClient';

/**
 * What the page needs from the worker side: exactly AnalysisClient's public methods, taken from
 * the class itself so the two can never drift apart (a hand-written copy of the signatures did).
 * The page never touches `Worker` (STYLE 5); tests hand it fakes of this type. Cancelling through
 * `signal` rejects with an error named 'AnalysisCancelledError'; clips without timing of their own
 * fail with one named 'FrameRateNeededError' unless `fps` is given.
 */
export type AnalysisService = Pick<AnalysisClient, 'analyze' | 'listFrameTimes' | 'warmUp' | 'dispose'>;
