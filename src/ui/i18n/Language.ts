/** The languages the page speaks. */
export const LANGUAGES = ['en', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Where the reader's own choice (the "Español" / "English" switch) is remembered. */
export const LANGUAGE_STORAGE_KEY = 'twitchscope.language';

function primary(tag: string): string {
  return tag.trim().toLowerCase().split('-')[0];
}

function isLanguage(value: string): value is Language {
  return (LANGUAGES as readonly string[]).includes(value);
}

/**
 * The page's language: the reader's own choice when one was made here, else the first of the
 * browser's languages (navigator.languages, in the reader's order) that the page speaks, else English.
 */
export function pickLanguage(stored: string | null, preferred: readonly string[]): Language {
  if (stored && isLanguage(stored)) return stored;
  for (const tag of preferred) {
    const p = primary(tag);
    if (isLanguage(p)) return p;
  }
  return 'en';
}

/**
 * The locale numbers and dates are formatted in: the browser's own tag for that language when it
 * has one (es-MX writes 12.5, es-ES writes 12,5), else the bare language (Intl's default region).
 */
export function localeFor(language: Language, preferred: readonly string[]): string {
  const own = preferred.find((tag) => primary(tag) === language);
  if (!own) return language;
  try {
    return Intl.getCanonicalLocales(own)[0] ?? language;
  } catch {
    return language;
  }
}
