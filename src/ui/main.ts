import { AnalysisClient } from '../worker-client/AnalysisClient';
import { PlayerClient } from '../worker-client/PlayerClient';
import { App } from './App';

/**
 * Entry point. `?demo` in the address loads the demo pair and analyses it at once (for the
 * README's first command and for screenshots); otherwise the page waits for the user.
 */
const client = new AnalysisClient();
const playerClient = new PlayerClient();
const app = new App(client, playerClient);
// A page kept in the back-forward cache comes back and must still work, so only end the worker
// when the page is really going away.
window.addEventListener('pagehide', (e) => {
  if (!e.persisted) {
    client.dispose();
    playerClient.dispose();
  }
});
if (new URLSearchParams(window.location.search).has('demo')) void app.loadDemo(true);
