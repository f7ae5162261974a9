import { AnalysisClient } from '../worker-client/AnalysisClient';
import { PlayerClient } from '../worker-client/PlayerClient';
import { App } from './App';
import { setLanguage } from './i18n/i18n';
import { LANGUAGE_STORAGE_KEY, pickLanguage } from './i18n/Language';
import { installLanguageSwitch } from './LanguageSwitch';
import { applyWaitingUpdate } from './offline/applyWaitingUpdate';
import { OfflineSupport } from './offline/OfflineSupport';

/**
 * Entry point. The page's language first (the reader's earlier choice, else the browser's), so
 * nothing shows in the wrong one; a downloaded update is applied before anything starts. `?demo`
 * in the address loads the demo pair and analyses it at once (for the README's first command and
 * for screenshots); otherwise the page waits for the user.
 */
function storedLanguage(): string | null {
  try {
    return localStorage.getItem(LANGUAGE_STORAGE_KEY);
  } catch {
    return null;
  }
}

async function start(): Promise<void> {
  const preferred = navigator.languages?.length ? navigator.languages : [navigator.language];
  setLanguage(pickLanguage(storedLanguage(), preferred), preferred);
  if (await applyWaitingUpdate()) return;
  installLanguageSwitch(preferred);
  new OfflineSupport();
  const client = new AnalysisClient();
  // The provisional preview's worker (ProvisionalPreview); `?preview=0` turns it off (the bench compares the two).
  const previewWorker = () => new Worker(new URL('../../workers/preview.worker.ts', import.meta.url), { type: 'module' });
  const previewClient = new URLSearchParams(window.location.search).get('preview') === '0' ? null : new AnalysisClient({ createWorker: previewWorker });
  const playerClient = new PlayerClient();
  const baselineClient = new PlayerClient();
  const app = new App(client, playerClient, baselineClient, previewClient);
  // A page kept in the back-forward cache comes back and must still work, so only end the workers
  // when the page is really going away.
  window.addEventListener('pagehide', (e) => {
    if (!e.persisted) {
      client.dispose();
      previewClient?.dispose();
      playerClient.dispose();
      baselineClient.dispose();
    }
  });
  if (new URLSearchParams(window.location.search).has('demo')) void app.loadDemo(true);
}

void start();
