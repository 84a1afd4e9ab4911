import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { DualTrainer, type DualTrainConfig } from '../../src/core/models/multimodal/dualTrainer';
import { activateTfjsBackend } from '../../src/core/train/tfjsBackend';
import { tinyPairs } from './tinyImagePairs';

const CONFIG: DualTrainConfig = { dim: 8, epochs: 6, seed: 1, batchSize: 8, loss: 'infonce', temperature: 0.2, margin: 0.2, alpha: 0.01, channels: [4, 8] };

async function train(cfg: DualTrainConfig) {
  await activateTfjsBackend('cpu');
  const t = new DualTrainer('image-text', 'tfjs-cpu', tinyPairs(), cfg);
  const first = (await t.run(8)).loss;
  const losses = t.losses();
  while (!t.done) await t.run(100);
  const p = t.progress();
  const model = t.model();
  t.dispose();
  return { first, firstLosses: losses, p, model };
}

describe('dual trainer', () => {
  it('lowers the trained loss, watches the other, and counts images', async () => {
    for (const loss of ['infonce', 'hinge'] as const) {
      const { first, firstLosses, p } = await train({ ...CONFIG, loss });
      expect(Number.isFinite(firstLosses.infonce) && Number.isFinite(firstLosses.hinge)).toBe(true);
      expect(p.loss, loss).toBeLessThan(first);
      expect(p.unitsDone).toBe(16 * 6);
      expect(p.unitsTotal).toBe(16 * 6);
      expect(p.done).toBe(true);
    }
  });

  it('gives the same weights for the same seed on the cpu backend, other weights for another seed', async () => {
    const a = await train({ ...CONFIG, epochs: 2 });
    const b = await train({ ...CONFIG, epochs: 2 });
    const c = await train({ ...CONFIG, epochs: 2, seed: 2 });
    expect(b.model.weights.map((w) => Array.from(w.values))).toEqual(a.model.weights.map((w) => Array.from(w.values)));
    expect(c.model.weights[0]!.values).not.toEqual(a.model.weights[0]!.values);
  });

  it('learns to match: each caption ranks its own pictures first after training', async () => {
    const { model } = await train({ ...CONFIG, epochs: 30 });
    const pairs = tinyPairs();
    const T = model.embedTexts(pairs.captions);
    const I = model.embedImages(pairs.images);
    let hits = 0;
    for (let i = 0; i < pairs.captions.length; i++) {
      let best = -1;
      let score = -Infinity;
      for (let j = 0; j < pairs.images.length; j++) {
        let s = 0;
        for (let d = 0; d < 8; d++) s += T[i * 8 + d]! * I[j * 8 + d]!;
        if (s > score) [score, best] = [s, j];
      }
      if (pairs.captions[best] === pairs.captions[i]) hits++;
    }
    // 8 captions, 2 pictures each: chance of a right first pick is 2/16.
    expect(hits).toBeGreaterThanOrEqual(12);
  });

  it('reads the same model asynchronously (the only read WebGPU has) and leaves no tensor behind', async () => {
    await activateTfjsBackend('cpu');
    const before = tf.memory().numTensors;
    const t = new DualTrainer('image-text', 'tfjs-cpu', tinyPairs(), { ...CONFIG, epochs: 2 });
    expect(t.backend).toBe('cpu');
    await t.run(8);
    // One optimiser step leaves the variables and Adam's two moments per weight, nothing else: flat across steps.
    const perStep = tf.memory().numTensors;
    while (!t.done) await t.run(8);
    expect(tf.memory().numTensors).toBe(perStep);
    const read = await t.readModel();
    expect(read.weights.map((w) => Array.from(w.values))).toEqual(t.model().weights.map((w) => Array.from(w.values)));
    t.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('refuses mismatched or too few pairs with a sentence', () => {
    const p = tinyPairs();
    expect(() => new DualTrainer('x', 'tfjs-cpu', { images: p.images, captions: p.captions.slice(1) }, CONFIG)).toThrow(/16 images but 15 captions/);
    expect(() => new DualTrainer('x', 'tfjs-cpu', { images: p.images.slice(0, 1), captions: p.captions.slice(0, 1) }, CONFIG)).toThrow(/at least 2/);
    expect(tf.getBackend()).toBe('cpu');
  });
});
