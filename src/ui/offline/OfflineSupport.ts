import { registerSW } from 'virtual:pwa-register';
import { byId } from '../dom';
import { onLanguageChange, t } from '../i18n/i18n';
import type { Words } from '../i18n/Messages';
import { UPDATED_FLAG } from './applyWaitingUpdate';

/**
 * The installable, offline page (vite-plugin-pwa / Workbox): registers the service worker that
 * precaches the built app (OpenCV and tfjs chunks, the model, the demo pair), says in the header
 * when the page works offline, and shows a notice when a new version has been downloaded (it takes
 * effect on the next load: applyWaitingUpdate) or has just been applied.
 */
export class OfflineSupport {
  private readonly status = byId('offline-status', HTMLElement);
  private readonly notice = byId('update-notice', HTMLElement);
  private readonly noticeText = byId('update-text', HTMLElement);
  private ready = false;
  private noticeWords: Words | null = null;

  constructor() {
    byId('update-dismiss', HTMLButtonElement).addEventListener('click', () => this.showNotice(null));
    onLanguageChange(() => this.render());
    window.addEventListener('online', () => this.render());
    window.addEventListener('offline', () => this.render());
    let updated = false;
    try {
      updated = sessionStorage.getItem(UPDATED_FLAG) === '1';
      sessionStorage.removeItem(UPDATED_FLAG);
    } catch {
      // No session storage: nothing to say.
    }
    if (updated) this.showNotice((m) => m.offline.updated);
    if (!('serviceWorker' in navigator)) return;
    // A page already under the worker's control has everything cached.
    this.ready = navigator.serviceWorker.controller !== null;
    registerSW({
      immediate: true,
      onOfflineReady: () => {
        this.ready = true;
        this.render();
      },
      onNeedRefresh: () => this.showNotice((m) => m.offline.updateReady),
    });
    this.render();
  }

  private showNotice(words: Words | null): void {
    this.noticeWords = words;
    this.render();
  }

  private render(): void {
    const m = t().offline;
    const offline = typeof navigator.onLine === 'boolean' && !navigator.onLine;
    this.status.textContent = offline ? m.offlineNow : this.ready ? m.ready : '';
    this.status.title = this.ready ? m.readyTitle : '';
    this.notice.hidden = this.noticeWords === null;
    this.noticeText.textContent = this.noticeWords ? this.noticeWords(t()) : '';
  }
}
