import { WordedError } from './i18n/WordedError';

/**
 * The demo pair served with the app (samples/, made by the repo's generator): a simulated calf
 * with twitches and a quiet baseline of the same calf. Fetched from this origin only (and, once
 * the page has been opened online, from the service worker's cache: the demo works offline).
 */
export const DEMO_CLIP_PATH = 'samples/demo-twitching.mp4';
export const DEMO_BASELINE_PATH = 'samples/demo-baseline.mp4';

export async function loadDemoClips(baseUrl: string): Promise<{ clip: File; baseline: File }> {
  const [clip, baseline] = await Promise.all([fetchFile(baseUrl + DEMO_CLIP_PATH), fetchFile(baseUrl + DEMO_BASELINE_PATH)]);
  return { clip, baseline };
}

async function fetchFile(url: string): Promise<File> {
  let response: Response;
  try {
    response = await fetch(url);
  } catch {
    throw new WordedError((m) => m.app.demoOffline(url), 'Error');
  }
  if (!response.ok) throw new WordedError((m) => m.app.demoMissing(url, response.status), 'Error');
  const blob = await response.blob();
  const name = url.slice(url.lastIndexOf('/') + 1);
  return new File([blob], name, { type: blob.type || 'video/mp4' });
}
