import type { Messages } from './Messages';

type PageKey = keyof Messages['page'];

/** data-i18n* attribute -> what it sets on the element. */
const TARGETS: ReadonlyArray<[attribute: string, apply: (el: HTMLElement, text: string) => void]> = [
  ['data-i18n', (el, text) => (el.textContent = text)],
  ['data-i18n-label', (el, text) => el.setAttribute('aria-label', text)],
  ['data-i18n-placeholder', (el, text) => el.setAttribute('placeholder', text)],
  ['data-i18n-title', (el, text) => (el.title = text)],
];

/**
 * Words index.html's fixed text in the page's language: each element names its entry in
 * `Messages['page']` by a data-i18n* attribute. An unknown name is a bug in index.html, so it
 * throws at once rather than leaving English on a Spanish page.
 */
export function applyPageText(root: ParentNode, page: Messages['page']): void {
  for (const [attribute, apply] of TARGETS) {
    for (const el of root.querySelectorAll<HTMLElement>(`[${attribute}]`)) {
      const key = el.getAttribute(attribute) as PageKey;
      const text = page[key];
      if (typeof text !== 'string') throw new Error(`index.html names ${attribute}="${key}", which the dictionary lacks`);
      apply(el, text);
    }
  }
}
