/** The installable, offline page (service worker) and its update notice. */
export const offlineTextEn = {
  ready: 'Works offline',
  readyTitle: 'This page, the analysis and the demo clips are kept on this device: they work without a network.',
  offlineNow: 'Offline: working from this device’s copy',
  updateReady: 'A new version of TwitchScope has been downloaded. It takes effect the next time the page loads.',
  updated: 'TwitchScope was updated to its new version.',
};
