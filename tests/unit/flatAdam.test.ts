// FlatAdam against tf.train.adam: the same weights after several steps on the same loss, from the same start.
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { FlatAdam } from '../../src/core/models/contextual/flatAdam';
import { activateTfjsBackend } from '../../src/core/train/tfjsBackend';

/** Three weights of different shapes and a loss that mixes them non-linearly. */
function setUp() {
  const a = tf.tidy(() => tf.variable(tf.tensor2d([[0.3, -0.2], [0.5, 0.1]])));
  const b = tf.tidy(() => tf.variable(tf.tensor1d([0.05, -0.4])));
  const c = tf.tidy(() => tf.variable(tf.tensor3d([[[1.2], [-0.7]]])));
  const x = tf.tensor2d([[1, 2], [-1, 0.5], [0.3, -2]]);
  const loss = () => tf.tidy(() => tf.sum(tf.square(tf.sub(tf.tanh(tf.add(tf.matMul(x, a), b)), tf.reshape(c, [1, 2])))) as tf.Scalar);
  return { vars: [a, b, c], loss, dispose: () => tf.dispose([a, b, c, x]) };
}

/** float32 rounding apart (the flat update adds in another order than tfjs's per-weight one, nothing else). */
const TOLERANCE = 1e-6;
const close = (a: number, b: number) => Math.abs(a - b) <= TOLERANCE * Math.max(1, Math.abs(b));

describe('FlatAdam', () => {
  it('gives tf.train.adam’s weights, step after step, with a changing learning rate', async () => {
    await activateTfjsBackend('cpu');
    const ref = setUp();
    const flat = setUp();
    const adam = tf.train.adam(0.05);
    const mine = new FlatAdam(flat.vars, 0.05);
    for (let step = 0; step < 6; step++) {
      const lr = 0.05 * (1 - step / 10);
      (adam as unknown as { learningRate: number }).learningRate = lr;
      mine.learningRate = lr;
      const l1 = adam.minimize(ref.loss, true, ref.vars)!;
      const l2 = mine.minimize(flat.loss);
      expect(close(l2.dataSync()[0]!, l1.dataSync()[0]!), `step ${step}: loss ${l2.dataSync()[0]} vs ${l1.dataSync()[0]}`).toBe(true);
      tf.dispose([l1, l2]);
      ref.vars.forEach((w, i) => {
        const got = Array.from(flat.vars[i]!.dataSync());
        Array.from(w.dataSync()).forEach((x, j) => expect(close(got[j]!, x), `step ${step}, weight ${i}[${j}]: ${got[j]} vs ${x}`).toBe(true));
      });
    }
    // The weights really moved (a no-op optimiser would pass the comparison only if Adam did nothing too).
    expect(flat.vars[1]!.dataSync()[0]).not.toBeCloseTo(0.05, 2);
    adam.dispose();
    mine.dispose();
    ref.dispose();
    flat.dispose();
  });

  it('keeps the tensor count flat across steps and leaves nothing behind', async () => {
    await activateTfjsBackend('cpu');
    const before = tf.memory().numTensors;
    const t = setUp();
    const mine = new FlatAdam(t.vars, 0.01);
    tf.dispose(mine.minimize(t.loss));
    const perStep = tf.memory().numTensors;
    for (let i = 0; i < 3; i++) tf.dispose(mine.minimize(t.loss));
    expect(tf.memory().numTensors).toBe(perStep);
    mine.dispose();
    t.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
