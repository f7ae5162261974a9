import * as tf from '@tensorflow/tfjs';
import type { Classifier } from '../analysis/Classifier';
import { MODEL_DIR, MODEL_FILES, type ModelMeta } from './ModelMeta';
import { readyTfjs, tfjsClassifier } from './tfjsClassifier';

let loading: Promise<Classifier> | null = null;

/**
 * The event classifier in the worker, once per worker: the model's files come from the app's own
 * origin (public/model/, beside the worker's assets; the CSP allows nothing else), never a CDN.
 * Relative to the worker's script: /assets/x.js in the build and /workers/x.ts in dev both resolve
 * to /model/. Rejects with a plain message when the files cannot be had.
 */
export function classifierOnce(base: string = new URL(`../${MODEL_DIR}/`, self.location.href).href): Promise<Classifier> {
  loading ??= (async () => {
    await readyTfjs();
    const metaUrl = new URL(MODEL_FILES.meta, base).href;
    const response = await fetch(metaUrl);
    if (!response.ok) throw new Error(`The event classifier could not be loaded from this app (${metaUrl}: HTTP ${response.status}).`);
    const meta = (await response.json()) as ModelMeta;
    const model = await tf.loadLayersModel(new URL(MODEL_FILES.topology, base).href);
    return tfjsClassifier(model, meta);
  })().catch((err: unknown) => {
    loading = null;
    throw err instanceof Error ? err : new Error(String(err));
  });
  return loading;
}
