import type * as tfNs from '@tensorflow/tfjs';
import { MLP, trainMlp, type MlpHyperparameters, type TrainingData } from './trainMlp';

type Tf = typeof tfNs;

/** Seeds of the members lie this far apart, so no two share an initialisation or batch order. */
const MEMBER_SEED_STEP = 1000;

/**
 * `members` MLPs (trainMlp), each from its own seed, averaged into one tfjs model: one input, a
 * dense branch per member carrying its trained weights (dropout left out, it only acts in
 * training), and the mean of their softmax outputs. Averaging seeds lowers the variance of a small
 * net on a few thousand candidates (Lakshminarayanan et al. 2017, "Simple and scalable predictive
 * uncertainty estimation using deep ensembles"); as one layers model it loads and predicts
 * through tf.loadLayersModel like a single MLP, so the worker and CLI need nothing new.
 * One member returns that member's own model unchanged.
 */
export async function trainEnsemble(tf: Tf, data: TrainingData, hp: MlpHyperparameters = MLP, members = 1): Promise<tfNs.LayersModel> {
  if (!Number.isInteger(members) || members < 1) throw new Error(`An ensemble needs a whole number of members, at least 1, not ${members}.`);
  const trained: tfNs.LayersModel[] = [];
  for (let k = 0; k < members; k++) trained.push(await trainMlp(tf, data, { ...hp, seed: hp.seed + k * MEMBER_SEED_STEP }));
  if (members === 1) return trained[0];
  const model = averageModels(tf, trained, data.features);
  for (const m of trained) m.dispose();
  return model;
}

/** One functional model whose output is the mean of `models`' outputs (dense layers only; dropout skipped). */
export function averageModels(tf: Tf, models: readonly tfNs.LayersModel[], features: number): tfNs.LayersModel {
  const input = tf.input({ shape: [features] });
  const copies: Array<{ from: tfNs.layers.Layer; to: tfNs.layers.Layer }> = [];
  const outputs = models.map((m, k) => {
    let h = input;
    m.layers.forEach((layer, i) => {
      const kind = layer.getClassName();
      if (kind === 'Dropout') return;
      if (kind !== 'Dense') throw new Error(`Only dense and dropout layers can be averaged, not ${kind}.`);
      const config = layer.getConfig() as { units: number; activation: string };
      const to = tf.layers.dense({ units: config.units, activation: config.activation as 'relu', name: `member${k}_dense${i}` });
      h = to.apply(h) as tfNs.SymbolicTensor;
      copies.push({ from: layer, to });
    });
    return h;
  });
  const mean = tf.layers.average({ name: 'mean' }).apply(outputs) as tfNs.SymbolicTensor;
  const model = tf.model({ inputs: input, outputs: mean });
  // apply() built the new layers; setWeights copies the members' values in, so the clones can go.
  for (const { from, to } of copies) {
    const weights = from.getWeights().map((w) => w.clone());
    to.setWeights(weights);
    tf.dispose(weights);
  }
  return model;
}
