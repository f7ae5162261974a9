import { AnalysisClient } from '../worker-client/AnalysisClient';
import { App } from './App';

/**
 * Entry point. `?demo` in the address loads the demo pair and analyses it at once (for the
 * README's first command and for screenshots); otherwise the page waits for the user.
 */
const client = new AnalysisClient();
const app = new App(client);
window.addEventListener('pagehide', () => client.dispose());
if (new URLSearchParams(window.location.search).has('demo')) void app.loadDemo(true);
