import * as tf from '@tensorflow/tfjs';
import { CLASS_KINDS, type Classifier } from '../analysis/Classifier';
import { FEATURE_NAMES } from '../analysis/describeTrack';
import type { ModelMeta } from './ModelMeta';

/**
 * The trained tfjs model as the analysis core's Classifier. The cpu backend is pinned: it is
 * plain JavaScript on Float32Arrays, so the worker and the CLI compute the same probabilities bit
 * for bit (webgl differed in the 6th decimal; PLATFORM.md), and a model this small (tens of
 * weights per feature) runs in microseconds per event anyway. Every call is inside tf.tidy, so no
 * tensor outlives it (tests check the count).
 */
export function tfjsClassifier(model: tf.LayersModel, meta: ModelMeta): Classifier {
  const same = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((v, i) => v === b[i]);
  if (!same(meta.featureNames, FEATURE_NAMES)) {
    throw new Error(`The classifier was trained on other features (${meta.featureNames.length}) than this detector computes (${FEATURE_NAMES.length}): run npm run train.`);
  }
  if (!same(meta.classKinds, CLASS_KINDS)) throw new Error('The classifier was trained on other event kinds than this detector reports: run npm run train.');
  const width = FEATURE_NAMES.length;
  return {
    revision: meta.revision,
    featureNames: meta.featureNames,
    threshold: meta.threshold,
    predict(features) {
      if (features.length === 0) return [];
      const flat = new Float32Array(features.length * width);
      features.forEach((f, i) => flat.set(f, i * width));
      const out = tf.tidy(() => (model.predict(tf.tensor2d(flat, [features.length, width])) as tf.Tensor).dataSync() as Float32Array);
      const k = CLASS_KINDS.length;
      return features.map((_, i) => out.slice(i * k, (i + 1) * k));
    },
  };
}

/** tfjs on its cpu backend, quietly (no Node hint banner): the one place tfjs is set up. */
export async function readyTfjs(): Promise<typeof tf> {
  tf.env().set('PROD', true);
  await tf.setBackend('cpu');
  await tf.ready();
  return tf;
}
