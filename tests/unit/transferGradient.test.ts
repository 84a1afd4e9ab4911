// Finite-difference check of the classifier's backward pass: every analytic gradient entry (softmax weights, bias,
// embedding rows) against the central difference of the mean cross-entropy.
import { describe, expect, it } from 'vitest';
import { bagOf, indexOfWords } from '../../src/core/transfer/bagOfWords';
import { batchLoss, lossAndGradients, newClassifier, newGradients, randomEmbedding, type Classifier } from '../../src/core/transfer/classifier';
import { Rng } from '../../src/core/train/rng';

/** Step of the central difference: large enough that float32 parameters resolve it, small enough for O(eps^2). */
const EPS = 1e-2;

function toyModel(): { m: Classifier; bags: ReturnType<typeof bagOf>[]; labels: Int32Array; batch: number[] } {
  const words = ['a', 'b', 'c', 'd', 'e', 'f', 'unused'];
  const index = indexOfWords(words);
  const dim = 4;
  const m = newClassifier(randomEmbedding(words.length, dim, 0.7, 5), words.length, dim, 3);
  const rng = new Rng(9);
  for (let i = 0; i < m.weights.length; i++) m.weights[i] = rng.nextFloat() * 2 - 1;
  for (let i = 0; i < m.bias.length; i++) m.bias[i] = rng.nextFloat() - 0.5;
  const docs = [['a', 'a', 'b', 'zzz'], ['c', 'd', 'd', 'd'], ['e', 'f', 'a'], ['b', 'c', 'e', 'f', 'f']];
  return { m, bags: docs.map((d) => bagOf(d, index)), labels: Int32Array.from([0, 1, 2, 1]), batch: [0, 1, 2, 3] };
}

/** Central difference of the loss in parameter `param[i]`, using the step the float32 array really took. */
function numeric(param: Float32Array, i: number, loss: () => number): number {
  const orig = param[i]!;
  param[i] = orig + EPS;
  const up = param[i]!;
  const lUp = loss();
  param[i] = orig - EPS;
  const down = param[i]!;
  const lDown = loss();
  param[i] = orig;
  return (lUp - lDown) / (up - down);
}

function expectClose(analytic: number, fd: number, what: string): void {
  expect(Math.abs(analytic - fd), `${what}: analytic ${analytic} vs finite difference ${fd}`).toBeLessThan(1e-3 + 1e-2 * Math.abs(fd));
}

describe('classifier gradients', () => {
  it('match finite differences for the softmax weights and bias', () => {
    const { m, bags, labels, batch } = toyModel();
    const g = newGradients(m);
    lossAndGradients(m, bags, labels, batch, g, true);
    const loss = () => batchLoss(m, bags, labels, batch);
    let largest = 0;
    for (let i = 0; i < m.weights.length; i++) {
      expectClose(g.weights[i]!, numeric(m.weights, i, loss), `weights[${i}]`);
      largest = Math.max(largest, Math.abs(g.weights[i]!));
    }
    for (let c = 0; c < m.bias.length; c++) expectClose(g.bias[c]!, numeric(m.bias, c, loss), `bias[${c}]`);
    expect(largest).toBeGreaterThan(0.01); // the check compared real gradients, not zeros
  });

  it('match finite differences for every embedding entry, and a word in no document gets none', () => {
    const { m, bags, labels, batch } = toyModel();
    const g = newGradients(m);
    lossAndGradients(m, bags, labels, batch, g, true);
    const loss = () => batchLoss(m, bags, labels, batch);
    for (let i = 0; i < m.embedding.length; i++) expectClose(g.embedding[i]!, numeric(m.embedding, i, loss), `embedding[${i}]`);
    const unused = 6;
    expect([...g.embedding.subarray(unused * m.dim, (unused + 1) * m.dim)]).toEqual([0, 0, 0, 0]);
    expect(g.touchedCount).toBe(6);
  });

  it('returns the same loss as batchLoss, and clears the previous gradients between calls', () => {
    const { m, bags, labels, batch } = toyModel();
    const g = newGradients(m);
    const first = lossAndGradients(m, bags, labels, batch, g, true);
    expect(first).toBeCloseTo(batchLoss(m, bags, labels, batch), 6);
    const snapshot = g.embedding.slice();
    lossAndGradients(m, bags, labels, batch, g, true);
    expect([...g.embedding]).toEqual([...snapshot]);
    lossAndGradients(m, bags, labels, [1], g, false);
    expect(g.touchedCount).toBe(0);
    expect(g.embedding.every((v) => v === 0)).toBe(true);
  });
});
