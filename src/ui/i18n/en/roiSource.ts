import type { AnalysisResult } from '../../../analysis/AnalysisResult';

/** Where the analysed image region came from. */
export type RoiSource = AnalysisResult['roi']['source'];
