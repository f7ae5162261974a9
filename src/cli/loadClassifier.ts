import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type * as tfNs from '@tensorflow/tfjs';
import type { Classifier } from '../analysis/Classifier';
import { MODEL_DIR, MODEL_FILES, type ModelMeta } from '../ml/ModelMeta';
import { readyTfjs, tfjsClassifier } from '../ml/tfjsClassifier';

/** The shipped model's folder (public/model), beside the app's other static files. */
export const SHIPPED_MODEL_DIR = fileURLToPath(new URL(`../../public/${MODEL_DIR}/`, import.meta.url));

/**
 * The classifier in Node (CLI, evaluation, tests): the same files the app fetches from its own
 * origin, read from disk. `dir` picks another model (a training run's). Throws with the command
 * that makes the model when it is missing.
 */
export async function loadClassifier(dir: string = SHIPPED_MODEL_DIR): Promise<Classifier> {
  const tf = await readyTfjs();
  const read = (name: string): Buffer => {
    try {
      return readFileSync(`${dir.replace(/\/?$/, '/')}${name}`);
    } catch {
      throw new Error(`The event classifier is missing (${dir}${name}). Make it with: npm run make-bench && npm run train`);
    }
  };
  const topology = JSON.parse(read(MODEL_FILES.topology).toString('utf8')) as { modelTopology: object; weightsManifest: Array<{ paths: string[]; weights: unknown[] }> };
  const meta = JSON.parse(read(MODEL_FILES.meta).toString('utf8')) as ModelMeta;
  const weightSpecs = topology.weightsManifest.flatMap((g) => g.weights) as NonNullable<tfNs.io.ModelArtifacts['weightSpecs']>;
  const weights = Buffer.concat(topology.weightsManifest.flatMap((g) => g.paths.map((p) => read(p))));
  const weightData = weights.buffer.slice(weights.byteOffset, weights.byteOffset + weights.byteLength);
  const model = await tf.loadLayersModel(tf.io.fromMemory({ modelTopology: topology.modelTopology, weightSpecs, weightData }));
  return tfjsClassifier(model, meta);
}
