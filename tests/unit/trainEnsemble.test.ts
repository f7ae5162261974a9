import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLASS_KINDS } from '../../src/analysis/Classifier';
import { FEATURE_NAMES } from '../../src/analysis/describeTrack';
import { loadClassifier } from '../../src/cli/loadClassifier';
import { readyTfjs } from '../../src/ml/tfjsClassifier';
import { createRandom } from '../../src/simulation/createRandom';
import { saveModel } from '../../scripts/ml/saveModel';
import { averageModels, trainEnsemble } from '../../scripts/ml/trainEnsemble';
import { MLP, trainMlp, type TrainingData } from '../../scripts/ml/trainMlp';

/** Candidates of every class, each class shifted along its own feature: learnable in a few epochs. */
function toyData(n: number): TrainingData {
  const rng = createRandom(7);
  const features = FEATURE_NAMES.length;
  const classes = CLASS_KINDS.length;
  const x = new Float32Array(n * features);
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    y[i] = i % classes;
    for (let j = 0; j < features; j++) x[i * features + j] = rng.normal() + (j === y[i] ? 3 : 0);
  }
  return { x, y, features, classes };
}

const HP = { ...MLP, epochs: 4, hidden: [8] };
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('trainEnsemble', () => {
  const data = toyData(240);
  const probe = Array.from({ length: 12 }, (_, i) => data.x.slice(i * data.features, (i + 1) * data.features));

  it('predicts the mean of its members, each trained from its own seed', async () => {
    const tf = await readyTfjs();
    const a = await trainMlp(tf, data, HP);
    const b = await trainMlp(tf, data, { ...HP, seed: HP.seed + 1000 });
    const ensemble = await trainEnsemble(tf, data, HP, 2);
    const x = tf.tensor2d(Float32Array.from(probe.flatMap((p) => [...p])), [probe.length, data.features]);
    const [pa, pb, pe] = [a, b, ensemble].map((m) => (m.predict(x) as typeof x).arraySync() as number[][]);
    // The two seeds differ (else averaging would buy nothing), and the ensemble is their mean.
    expect(Math.max(...pa.flat().map((v, i) => Math.abs(v - pb.flat()[i])))).toBeGreaterThan(1e-3);
    pe.flat().forEach((v, i) => expect(v).toBeCloseTo((pa.flat()[i] + pb.flat()[i]) / 2, 5));
    pe.forEach((row) => expect(row.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 5));
    x.dispose();
    [a, b, ensemble].forEach((m) => m.dispose());
  });

  it('saves and loads as the shipped model does, with the same probabilities', async () => {
    const tf = await readyTfjs();
    const ensemble = await trainEnsemble(tf, data, HP, 3);
    const dir = mkdtempSync(join(tmpdir(), 'ensemble-'));
    dirs.push(dir);
    await saveModel(ensemble, tf, dir, { format: 'twitchscope-classifier-1', featureNames: [...FEATURE_NAMES], classKinds: [...CLASS_KINDS], threshold: 0.5, parametersHash: 'test', training: {} });
    const loaded = await loadClassifier(dir);
    const x = tf.tensor2d(Float32Array.from(probe.flatMap((p) => [...p])), [probe.length, data.features]);
    const direct = (ensemble.predict(x) as typeof x).arraySync() as number[][];
    x.dispose();
    loaded.predict(probe).forEach((p, i) => p.forEach((v, k) => expect(v).toBeCloseTo(direct[i][k], 6)));
    ensemble.dispose();
  });

  it('one member is a plain MLP, and a non-whole count is refused in words', async () => {
    const tf = await readyTfjs();
    const one = await trainEnsemble(tf, data, HP, 1);
    expect(one.layers.some((l) => l.getClassName() === 'Average')).toBe(false);
    one.dispose();
    await expect(trainEnsemble(tf, data, HP, 0)).rejects.toThrow(/whole number of members/);
    expect(() => averageModels(tf, [], data.features)).toThrow();
  });
});
