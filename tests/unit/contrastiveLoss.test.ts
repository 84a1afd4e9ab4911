import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { hingeLoss, infoNceLoss, negativeMask } from '../../src/core/models/multimodal/contrastiveLoss';
import { hingeTf, infoNceTf } from '../../src/core/models/multimodal/contrastiveLossTf';
import { Rng } from '../../src/core/train/rng';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const ALL_NEG_2 = negativeMask([0, 1]);
const SIM = [0.5, 0.2, 0.1, 0.4];

describe('contrastive losses by hand', () => {
  it('InfoNCE of an identity matrix at temperature 1 is log(1 + 1/e) for every term', () => {
    expect(infoNceLoss([1, 0, 0, 1], 2, 1, ALL_NEG_2)).toBeCloseTo(Math.log(1 + Math.exp(-1)), 12);
  });

  it('InfoNCE averages the row and the column softmaxes (hand-computed, tau = 0.5)', () => {
    // logits [[1.0, 0.4], [0.2, 0.8]]: rows log(1+e^-0.6) twice; columns log(1+e^-0.8) and log(1+e^-0.4).
    const expected = (2 * Math.log(1 + Math.exp(-0.6)) + Math.log(1 + Math.exp(-0.8)) + Math.log(1 + Math.exp(-0.4))) / 4;
    expect(expected).toBeCloseTo(0.439773, 5);
    expect(infoNceLoss(SIM, 2, 0.5, ALL_NEG_2)).toBeCloseTo(expected, 12);
  });

  it('hinge sums the margin violations both ways (hand-computed)', () => {
    // margin 0.5: caption 0 vs image 1: 0.2; image 0 vs caption 1: 0.1; caption 1 vs image 0: 0.2; image 1 vs caption 0: 0.3.
    expect(hingeLoss(SIM, 2, 0.5, ALL_NEG_2)).toBeCloseTo(0.8 / 2, 12);
    // margin 0.2: every wrong pair is already far enough below.
    expect(hingeLoss(SIM, 2, 0.2, ALL_NEG_2)).toBe(0);
  });

  it('leaves pairs with the same caption out: no negatives, no loss', () => {
    const same = negativeMask([7, 7]);
    expect(Array.from(same)).toEqual([0, 0, 0, 0]);
    expect(infoNceLoss(SIM, 2, 0.5, same)).toBeCloseTo(0, 12);
    expect(hingeLoss(SIM, 2, 0.5, same)).toBe(0);
  });
});

function randomSim(n: number, seed: number): number[] {
  const rng = new Rng(seed);
  return Array.from({ length: n * n }, () => rng.nextFloat() * 2 - 1);
}

describe('contrastive losses on tfjs', () => {
  const n = 5;
  const ids = [0, 1, 2, 1, 3]; // items 1 and 3 share a caption
  const mask = negativeMask(ids);
  const sim = randomSim(n, 11);
  const run = (f: (s: tf.Tensor2D, m: tf.Tensor2D) => tf.Scalar, values: number[]) =>
    tf.tidy(() => f(tf.tensor2d(values, [n, n]), tf.tensor2d(Array.from(mask), [n, n])).dataSync()[0]!);

  it('match the float64 references', () => {
    expect(run((s, m) => infoNceTf(s, 0.1, m), sim)).toBeCloseTo(infoNceLoss(sim, n, 0.1, mask), 4);
    expect(run((s, m) => hingeTf(s, 0.2, m), sim)).toBeCloseTo(hingeLoss(sim, n, 0.2, mask), 5);
  });

  it('have the gradients of finite differences of the references', () => {
    const h = 1e-5;
    const check = (ref: (s: number[]) => number, f: (s: tf.Tensor2D, m: tf.Tensor2D) => tf.Scalar) => {
      const grad = tf.tidy(() => {
        const m = tf.tensor2d(Array.from(mask), [n, n]);
        return Array.from(tf.grad((s: tf.Tensor) => f(s as tf.Tensor2D, m))(tf.tensor2d(sim, [n, n])).dataSync());
      });
      for (let i = 0; i < n * n; i++) {
        const up = sim.slice();
        const down = sim.slice();
        up[i]! += h;
        down[i]! -= h;
        const numeric = (ref(up) - ref(down)) / (2 * h);
        expect(grad[i], `entry ${i}`).toBeCloseTo(numeric, 3);
      }
      // A masked pair gets no gradient from being a "negative": entry (1, 3) only moves through nothing.
      expect(grad[1 * n + 3]).toBeCloseTo(0, 6);
    };
    check((s) => infoNceLoss(s, n, 0.5, mask), (s, m) => infoNceTf(s, 0.5, m));
    check((s) => hingeLoss(s, n, 0.3, mask), (s, m) => hingeTf(s, 0.3, m));
  });
});
