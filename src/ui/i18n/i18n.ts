import { en } from './en/en';
import { es } from './es/es';
import { localeFor, type Language } from './Language';
import type { Messages } from './Messages';

const DICTIONARIES: Readonly<Record<Language, Messages>> = { en, es };

let language: Language = 'en';
let locale = 'en';
const listeners = new Set<() => void>();

/** The words of the page's current language. */
export function t(): Messages {
  return DICTIONARIES[language];
}

export function currentLanguage(): Language {
  return language;
}

/** BCP 47 tag for Intl (numbers, dates, collation). */
export function currentLocale(): string {
  return locale;
}

/**
 * Switch the page's language: `<html lang>` follows, and every view that registered with
 * onLanguageChange words itself again (nothing is reloaded; the analysis and review stay).
 */
export function setLanguage(next: Language, preferred: readonly string[] = []): void {
  const changed = next !== language;
  language = next;
  locale = localeFor(next, preferred);
  if (typeof document !== 'undefined') document.documentElement.lang = next;
  if (changed) for (const listener of listeners) listener();
}

/** Call `listener` after every change of language. */
export function onLanguageChange(listener: () => void): void {
  listeners.add(listener);
}
