/** What `npm run train` writes beside the tfjs model (public/model/meta.json). */
export interface ModelMeta {
  format: 'twitchscope-classifier-1';
  /** Hash of the weights and the feature layout: the classifier's part of `tool.detector`. */
  revision: string;
  featureNames: string[];
  classKinds: string[];
  /** Fasciculation probability threshold chosen on the tuning set (out-of-fold F1 maximum). */
  threshold: number;
  /** The detection parameters' hash the features were extracted with. */
  parametersHash: string;
  training: Record<string, unknown>;
}

/** Where the model's files sit under the app's public/ folder (and its origin). */
export const MODEL_DIR = 'model';
export const MODEL_FILES = { topology: 'model.json', meta: 'meta.json' } as const;
