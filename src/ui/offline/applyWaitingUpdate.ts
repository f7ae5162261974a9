/** Set across the reload that applies an update, so the new page can say it was updated. */
export const UPDATED_FLAG = 'twitchscope.updated';
/** Longest wait for the new service worker to take over before the page starts as it is, ms. */
const TAKEOVER_WAIT_MS = 3000;

/**
 * "Updates take effect on the next load" (issue 12): a new version found during a visit waits
 * (the running page keeps the files it started with, which the new worker would delete); on the
 * next load, before the app starts, a waiting worker is told to take over and the page reloads
 * once into the new version. Resolves true when the page is about to reload (start nothing then).
 */
export async function applyWaitingUpdate(): Promise<boolean> {
  if (!('serviceWorker' in navigator)) return false;
  const registration = await navigator.serviceWorker.getRegistration().catch(() => undefined);
  const waiting = registration?.waiting;
  if (!waiting || !navigator.serviceWorker.controller) return false;
  const tookOver = new Promise<boolean>((resolve) => {
    navigator.serviceWorker.addEventListener('controllerchange', () => resolve(true), { once: true });
    setTimeout(() => resolve(false), TAKEOVER_WAIT_MS);
  });
  // Workbox's generated worker skips waiting on this message (vite-plugin-pwa, registerType 'prompt').
  waiting.postMessage({ type: 'SKIP_WAITING' });
  if (!(await tookOver)) return false;
  try {
    sessionStorage.setItem(UPDATED_FLAG, '1');
  } catch {
    // No session storage: the notice is skipped, the update still applies.
  }
  location.reload();
  return true;
}
