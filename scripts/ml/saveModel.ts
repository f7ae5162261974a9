import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type * as tfNs from '@tensorflow/tfjs';
import { MODEL_FILES, type ModelMeta } from '../../src/ml/ModelMeta';

/** FNV-1a over bytes, hex. */
export function hashBytes(bytes: Uint8Array, seed = 0x811c9dc5): string {
  let h = seed >>> 0;
  for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 0x01000193) >>> 0;
  return h.toString(16).padStart(8, '0');
}

/**
 * Writes the model as tfjs's layers-model format (model.json + weights.bin, what
 * tf.loadLayersModel reads from a URL) and meta.json beside it. The weights' hash, with the
 * feature layout, is the model's revision.
 */
export async function saveModel(model: tfNs.LayersModel, tf: typeof tfNs, dir: string, meta: Omit<ModelMeta, 'revision'>): Promise<ModelMeta> {
  mkdirSync(dir, { recursive: true });
  let full: ModelMeta | null = null;
  await model.save(tf.io.withSaveHandler(async (artifacts) => {
    const weights = new Uint8Array(artifacts.weightData as ArrayBuffer);
    const revision = hashBytes(new TextEncoder().encode(meta.featureNames.join(',')), Number.parseInt(hashBytes(weights), 16));
    writeFileSync(join(dir, 'weights.bin'), weights);
    const topology = { format: 'layers-model', generatedBy: 'TwitchScope npm run train', convertedBy: null, modelTopology: artifacts.modelTopology, weightsManifest: [{ paths: ['weights.bin'], weights: artifacts.weightSpecs }] };
    writeFileSync(join(dir, MODEL_FILES.topology), JSON.stringify(topology) + '\n');
    full = { ...meta, revision };
    writeFileSync(join(dir, MODEL_FILES.meta), JSON.stringify(full, null, 2) + '\n');
    return { modelArtifactsInfo: { dateSaved: new Date(0), modelTopologyType: 'JSON' } };
  }));
  return full as unknown as ModelMeta;
}
