import { byId } from './dom';
import { currentLanguage, onLanguageChange, setLanguage, t } from './i18n/i18n';
import { LANGUAGE_STORAGE_KEY } from './i18n/Language';

/**
 * The "Español" / "English" switch in the header: names the other language in that language (and
 * marks it lang=, so a screen reader says it right), switches the page at once, and remembers the
 * choice in this browser (localStorage; a browser that refuses storage still switches for the visit).
 */
export function installLanguageSwitch(preferred: readonly string[]): void {
  const button = byId('language-switch', HTMLButtonElement);
  const render = (): void => {
    const m = t().language;
    button.textContent = m.switchTo;
    button.lang = m.switchLang;
    button.title = m.switchLabel;
  };
  button.addEventListener('click', () => {
    const next = currentLanguage() === 'en' ? 'es' : 'en';
    try {
      localStorage.setItem(LANGUAGE_STORAGE_KEY, next);
    } catch {
      // Storage refused (private mode): the switch still holds for this visit.
    }
    setLanguage(next, preferred);
  });
  onLanguageChange(render);
  render();
}
