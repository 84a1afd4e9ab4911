// The masked-language-model transformer (src/core/models/contextual/transformer.ts): shapes, attention rows that
// sum to one and ignore padding, and tfjs's gradients of the masked cross-entropy (through attention, layer norm,
// the feed-forward net and the tied output) against central finite differences on a tiny model.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { forward, gatherRows, initialWeights, mlmLoss, weightNames, weightShape, type TransformerShape, type Weights } from '../../src/core/models/contextual/transformer';
import { activateTfjsBackend } from '../../src/core/train/tfjsBackend';
import { Rng } from '../../src/core/train/rng';

const TINY: TransformerShape = { vocab: 9, dim: 4, layers: 2, heads: 2, ffn: 6, maxLen: 5 };
// Two sentences: 5 tokens, and 3 tokens + 2 padding.
const IDS = [3, 4, 2, 5, 6, 7, 2, 8, 0, 0];
const KEEP = [1, 1, 1, 1, 1, 1, 1, 1, 0, 0];
const AT = [2, 6];
const TARGETS = [5, 3];

function tensors(shape: TransformerShape, seed: number): Weights {
  const init = initialWeights(shape, seed);
  const w: Weights = {};
  // Bigger than the real initialisation, and non-trivial gains and biases, so every path carries gradient.
  const rng = new Rng(seed + 1);
  for (const n of weightNames(shape)) {
    const a = init.get(n)!.map((x) => x * 6 + (rng.nextFloat() - 0.5) * 0.4);
    w[n] = tf.tensor(a, weightShape(shape, n));
  }
  return w;
}

function lossOf(w: Weights): tf.Scalar {
  return mlmLoss(w, TINY, tf.tensor2d(IDS, [2, 5], 'int32'), tf.tensor2d(KEEP, [2, 5]), tf.tensor1d(AT, 'int32'), tf.tensor1d(TARGETS, 'int32'));
}

beforeAll(async () => {
  await activateTfjsBackend('cpu');
});

describe('transformer forward pass', () => {
  it('gives one vector per token and attention rows that sum to 1 and skip padding', () => {
    const w = tensors(TINY, 1);
    const { hidden, attention } = forward(w, TINY, tf.tensor2d(IDS, [2, 5], 'int32'), tf.tensor2d(KEEP, [2, 5]), true);
    expect(hidden.shape).toEqual([2, 5, 4]);
    expect(attention).toHaveLength(2);
    const a = attention[0]!;
    expect(a.shape).toEqual([2, 2, 5, 5]);
    const rows = tf.sum(a, -1).arraySync() as number[][][];
    for (const r of rows.flat(2)) expect(r).toBeCloseTo(1, 5);
    const att = a.arraySync() as number[][][][];
    // Sentence 2's queries give (almost exactly) nothing to its two padding keys.
    for (const head of att[1]!) for (const row of head) expect(row[3]! + row[4]!).toBeLessThan(1e-6);
  });

  it('gives a padded sentence the same vectors as the sentence alone', () => {
    const w = tensors(TINY, 2);
    const both = forward(w, TINY, tf.tensor2d(IDS, [2, 5], 'int32'), tf.tensor2d(KEEP, [2, 5])).hidden.arraySync();
    const alone = forward(w, TINY, tf.tensor2d([7, 2, 8], [1, 3], 'int32'), tf.tensor2d([1, 1, 1], [1, 3])).hidden.arraySync();
    for (let i = 0; i < 3; i++) for (let k = 0; k < 4; k++) expect(both[1]![i]![k]!).toBeCloseTo(alone[0]![i]![k]!, 5);
  });

  it('starts near a uniform guess (loss close to ln V) with the real initialisation', () => {
    const init = initialWeights(TINY, 3);
    const w: Weights = {};
    for (const n of weightNames(TINY)) w[n] = tf.tensor(init.get(n)!, weightShape(TINY, n));
    expect(lossOf(w).dataSync()[0]).toBeCloseTo(Math.log(TINY.vocab), 0);
  });

  it('gathers rows with a gradient that adds duplicate rows (the wasm-safe gather)', () => {
    const table = tf.tensor2d([1, 2, 3, 4, 5, 6], [3, 2]);
    const idx = tf.tensor1d([2, 0, 2], 'int32');
    expect(gatherRows(table, idx).arraySync()).toEqual([[5, 6], [1, 2], [5, 6]]);
    const g = tf.grad((t: tf.Tensor) => tf.sum(tf.mul(gatherRows(t, idx), tf.tensor2d([1, 10, 100, 1000, 2, 20], [3, 2]))))(table);
    expect(g.arraySync()).toEqual([[100, 1000], [0, 0], [3, 30]]);
  });
});

/** Central-difference step in float32: big enough that rounding (~1e-7 x loss) stays far below the change. */
const EPS = 3e-3;
/** Entries checked per weight (drawn with a seed), so the test stays quick while touching every weight. */
const ENTRIES = 4;

describe('transformer gradient check', () => {
  it('matches central finite differences for every weight of a 2-layer model', () => {
    const w = tensors(TINY, 5);
    const names = weightNames(TINY);
    const grads = tf.grads((...xs: tf.Tensor[]) => lossOf(Object.fromEntries(names.map((n, i) => [n, xs[i]!]))))(names.map((n) => w[n]!));
    const rng = new Rng(9);
    let checked = 0;
    let worst = 0;
    names.forEach((n, k) => {
      const base = w[n]!.dataSync().slice() as Float32Array;
      const g = grads[k]!.dataSync();
      for (let e = 0; e < ENTRIES; e++) {
        const i = rng.nextInt(base.length);
        const at = (delta: number) => {
          const a = base.slice();
          a[i] = a[i]! + delta;
          return lossOf({ ...w, [n]: tf.tensor(a, w[n]!.shape) }).dataSync()[0]!;
        };
        const numeric = (at(EPS) - at(-EPS)) / (2 * EPS);
        const err = Math.abs(numeric - g[i]!) / Math.max(1e-2, Math.abs(numeric) + Math.abs(g[i]!));
        worst = Math.max(worst, err);
        expect(err, `${n}[${i}]: numeric ${numeric}, tfjs ${g[i]}`).toBeLessThan(0.03);
        checked++;
      }
    });
    expect(checked).toBe(names.length * ENTRIES);
  });
});
