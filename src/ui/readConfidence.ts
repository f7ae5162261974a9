import { WordedError } from './i18n/WordedError';

/** The default the field shows (AnalysisOptions' default). */
const DEFAULT_CONFIDENCE = 0.5;

/** "Confidence threshold": 0 to 1, empty for the default; anything else is refused in words. */
export function readConfidence(input: HTMLInputElement): number {
  const raw = input.value.trim();
  if (raw === '') return DEFAULT_CONFIDENCE;
  const value = Number(raw);
  if (!(Number.isFinite(value) && value >= 0 && value <= 1)) throw new WordedError((m) => m.inputs.badConfidence(raw));
  return value;
}
