import type * as tfNs from '@tensorflow/tfjs';
import { createRandom } from '../../src/simulation/createRandom';

type Tf = typeof tfNs;

/** Hyperparameters of the classifier (set on the tuning set's out-of-fold F1; scripts/train.ts). */
export interface MlpHyperparameters {
  hidden: readonly number[];
  dropout: number;
  l2: number;
  learningRate: number;
  epochs: number;
  batchSize: number;
  seed: number;
  /** Class weight = (n / (classes * count))^power: 1 balances the classes fully, 0 not at all. */
  classWeightPower: number;
}

export const MLP: MlpHyperparameters = {
  hidden: [32, 16],
  dropout: 0.1,
  l2: 1e-4,
  learningRate: 0.003,
  epochs: 150,
  batchSize: 128,
  seed: 20261201,
  classWeightPower: 1,
};

export interface TrainingData {
  /** Row-major samples x features, raw (unstandardised) features. */
  x: Float32Array;
  /** Class index per sample. */
  y: Int32Array;
  features: number;
  classes: number;
}

/**
 * A small multilayer perceptron (features -> 32 -> 16 -> classes, ReLU, softmax), trained with
 * Adam on class-weighted cross-entropy (each class weighs as much as the others in total: a
 * fasciculation is rarer than noise). Seeded throughout: Glorot initialisers and dropout take the
 * seed, and the mini-batch order comes from the project's own seeded generator, never
 * Math.random, so a run reproduces its weights exactly on the cpu backend. Inputs are
 * standardised with the training set's mean and spread, which are then folded into the first
 * layer's weights: the saved model takes raw features.
 */
export async function trainMlp(tf: Tf, data: TrainingData, hp: MlpHyperparameters = MLP): Promise<tfNs.LayersModel> {
  const seed = hp.seed;
  const n = data.y.length;
  const { mean, std } = moments(data);
  const xs = new Float32Array(data.x.length);
  for (let i = 0; i < n; i++) for (let j = 0; j < data.features; j++) xs[i * data.features + j] = (data.x[i * data.features + j] - mean[j]) / std[j];
  const counts = new Float64Array(data.classes);
  for (const c of data.y) counts[c]++;
  const classWeight = Array.from(counts, (c) => (c > 0 ? (n / (data.classes * c)) ** hp.classWeightPower : 0));
  const model = tf.sequential();
  let s = seed;
  hp.hidden.forEach((units, i) => {
    model.add(tf.layers.dense({ units, activation: 'relu', inputShape: i === 0 ? [data.features] : undefined, kernelInitializer: tf.initializers.glorotUniform({ seed: s++ }) }));
    model.add(tf.layers.dropout({ rate: hp.dropout, seed: s++ }));
  });
  model.add(tf.layers.dense({ units: data.classes, activation: 'softmax', kernelInitializer: tf.initializers.glorotUniform({ seed: s++ }) }));
  model.compile({ optimizer: tf.train.adam(hp.learningRate), loss: 'sparseCategoricalCrossentropy' });
  const rng = createRandom(seed);
  const order = Int32Array.from({ length: n }, (_, i) => i);
  for (let epoch = 0; epoch < hp.epochs; epoch++) {
    for (let i = n - 1; i > 0; i--) {
      const j = rng.int(i + 1);
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (let at = 0; at < n; at += hp.batchSize) {
      const idx = order.subarray(at, Math.min(n, at + hp.batchSize));
      const bx = new Float32Array(idx.length * data.features);
      const by = new Float32Array(idx.length);
      const bw = new Float32Array(idx.length);
      idx.forEach((k, r) => {
        bx.set(xs.subarray(k * data.features, (k + 1) * data.features), r * data.features);
        by[r] = data.y[k];
        bw[r] = classWeight[data.y[k]];
      });
      const tx = tf.tensor2d(bx, [idx.length, data.features]);
      const ty = tf.tensor1d(by);
      const tw = tf.tensor1d(bw);
      // Sample weights carry the class weights (trainOnBatch has no classWeight of its own).
      await weightedStep(tf, model, tx, ty, tw, hp.l2);
      tf.dispose([tx, ty, tw]);
    }
  }
  foldStandardisation(tf, model, mean, std);
  return model;
}

/** One optimiser step on class-weighted sparse cross-entropy, through the model's own optimiser. */
async function weightedStep(tf: Tf, model: tfNs.Sequential, x: tfNs.Tensor2D, y: tfNs.Tensor1D, w: tfNs.Tensor1D, l2: number): Promise<void> {
  const optimizer = model.optimizer;
  optimizer.minimize(() => {
    const p = model.apply(x, { training: true }) as tfNs.Tensor2D;
    const picked = tf.sum(tf.mul(p, tf.oneHot(tf.cast(y, 'int32'), p.shape[1])), 1);
    const ce = tf.neg(tf.log(tf.clipByValue(picked, 1e-7, 1)));
    // L2 on the hidden kernels (weight decay): keeps the small net smooth in its inputs.
    const kernels = model.layers.slice(0, -1).flatMap((l) => l.trainableWeights.filter((v) => v.name.includes('kernel')).map((v) => v.read()));
    const reg = tf.mul(l2, tf.addN(kernels.map((k) => tf.sum(tf.square(k)))));
    return tf.add(tf.div(tf.sum(tf.mul(ce, w)), tf.sum(w)), reg) as tfNs.Scalar;
  });
}

function moments(d: TrainingData): { mean: Float64Array; std: Float64Array } {
  const n = d.y.length;
  const mean = new Float64Array(d.features);
  const std = new Float64Array(d.features);
  for (let i = 0; i < n; i++) for (let j = 0; j < d.features; j++) mean[j] += d.x[i * d.features + j] / n;
  for (let i = 0; i < n; i++) for (let j = 0; j < d.features; j++) std[j] += (d.x[i * d.features + j] - mean[j]) ** 2 / n;
  for (let j = 0; j < d.features; j++) std[j] = Math.sqrt(std[j]) || 1;
  return { mean, std };
}

/** W' = W / std (per input row), b' = b - sum_j mean_j W'_j: the first layer now takes raw features. */
function foldStandardisation(tf: Tf, model: tfNs.Sequential, mean: Float64Array, std: Float64Array): void {
  const first = model.layers[0];
  const [kernel, bias] = first.getWeights();
  const k = kernel.arraySync() as number[][];
  const b = bias.arraySync() as number[];
  const k2 = k.map((row, j) => row.map((v) => v / std[j]));
  const b2 = b.map((v, u) => v - k2.reduce((s, row, j) => s + row[u] * mean[j], 0));
  // getWeights() hands out the variables' own tensors: they are replaced, never disposed here.
  const [k2t, b2t] = [tf.tensor2d(k2), tf.tensor1d(b2)];
  first.setWeights([k2t, b2t]);
  tf.dispose([k2t, b2t]);
}
