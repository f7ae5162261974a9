import { WordedError } from './i18n/WordedError';

/**
 * "Confidence threshold": 0 to 1, or empty for null (the threshold the shipped classifier was
 * trained with, as the CLI uses: the page and the CLI then give the same result); anything else
 * is refused in words.
 */
export function readConfidence(input: HTMLInputElement): number | null {
  const raw = input.value.trim();
  if (raw === '') return null;
  const value = Number(raw);
  if (!(Number.isFinite(value) && value >= 0 && value <= 1)) throw new WordedError((m) => m.inputs.badConfidence(raw));
  return value;
}
