// The linear probe: its gradient against finite differences of its own loss (L2 term included), accuracy arithmetic
// on a probe set by hand, and learning on data whose classes are linearly separable.
import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/core/train/rng';
import {
  newProbe,
  predictRow,
  probeAccuracy,
  probeLoss,
  probeLossAndGradient,
  trainProbe,
  DEFAULT_PROBE_TRAINING,
  type ProbeFeatures,
} from '../../src/core/probe/softmaxProbe';

/** Float64 parameters resolve a small step exactly, so the central difference is accurate to O(EPS^2). */
const EPS = 1e-5;

function randomFeatures(n: number, dim: number, seed: number): ProbeFeatures {
  const rng = new Rng(seed);
  return { x: Float32Array.from({ length: n * dim }, () => rng.nextFloat() * 2 - 1), dim };
}

describe('softmax probe gradient', () => {
  it('matches finite differences of the penalised loss for every weight and bias', () => {
    const dim = 5;
    const classes = 4;
    const f = randomFeatures(7, dim, 3);
    const labels = Int32Array.from([0, 1, 2, 3, 1, 2, 0]);
    const rows = [0, 2, 3, 4, 6]; // a subset: rows 1 and 5 must not count
    const p = newProbe(dim, classes);
    const rng = new Rng(11);
    for (let i = 0; i < p.weights.length; i++) p.weights[i] = rng.nextFloat() * 2 - 1;
    for (let c = 0; c < classes; c++) p.bias[c] = rng.nextFloat() - 0.5;
    const l2 = 0.3;
    const gW = new Float64Array(p.weights.length);
    const gB = new Float64Array(classes);
    const loss = probeLossAndGradient(p, f, labels, rows, l2, gW, gB);
    expect(loss).toBeCloseTo(probeLoss(p, f, labels, rows, l2), 12);
    const numeric = (param: Float64Array, i: number) => {
      const orig = param[i]!;
      param[i] = orig + EPS;
      const up = probeLoss(p, f, labels, rows, l2);
      param[i] = orig - EPS;
      const down = probeLoss(p, f, labels, rows, l2);
      param[i] = orig;
      return (up - down) / (2 * EPS);
    };
    let largest = 0;
    for (let i = 0; i < p.weights.length; i++) {
      expect(Math.abs(gW[i]! - numeric(p.weights, i)), `weights[${i}]`).toBeLessThan(1e-7);
      largest = Math.max(largest, Math.abs(gW[i]!));
    }
    for (let c = 0; c < classes; c++) expect(Math.abs(gB[c]! - numeric(p.bias, c)), `bias[${c}]`).toBeLessThan(1e-7);
    expect(largest).toBeGreaterThan(0.05); // real gradients were compared, not zeros
  });

  it('a zero probe has the loss log C (uniform probabilities)', () => {
    const f = randomFeatures(3, 2, 1);
    expect(probeLoss(newProbe(2, 5), f, [0, 4, 2], [0, 1, 2], 1)).toBeCloseTo(Math.log(5), 12);
  });
});

describe('probe predictions and accuracy', () => {
  it('predicts the class with the largest logit and counts right answers over the given rows only', () => {
    // Two features, three classes: class 0 likes x0, class 1 likes x1, class 2 has only a bias.
    const p = newProbe(2, 3);
    p.weights.set([1, 0, 0, 1, 0, 0]);
    p.bias.set([0, 0, 0.5]);
    const f: ProbeFeatures = { x: Float32Array.from([2, 0, 0, 2, 0, 0, 1, 0.9]), dim: 2 };
    expect([0, 1, 2, 3].map((r) => predictRow(p, f, r))).toEqual([0, 1, 2, 0]);
    const labels = [0, 1, 1, 0];
    expect(probeAccuracy(p, f, labels, [0, 1, 2, 3])).toBe(3 / 4);
    expect(probeAccuracy(p, f, labels, [2])).toBe(0);
    expect(probeAccuracy(p, f, labels, [])).toBeNaN();
  });

  it('learns linearly separable classes to full held-out accuracy, and the same seed gives the same probe', () => {
    const dim = 3;
    const rng = new Rng(5);
    const n = 300;
    const x = new Float32Array(n * dim);
    const labels = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const c = i % 3;
      labels[i] = c;
      for (let j = 0; j < dim; j++) x[i * dim + j] = (j === c ? 3 : 0) + (rng.nextFloat() - 0.5);
    }
    const f = { x, dim };
    const train = Array.from({ length: 240 }, (_, i) => i);
    const test = Array.from({ length: 60 }, (_, i) => 240 + i);
    const a = trainProbe(f, labels, 3, train, { ...DEFAULT_PROBE_TRAINING, seed: 1 });
    expect(probeAccuracy(a, f, labels, test)).toBe(1);
    const b = trainProbe(f, labels, 3, train, { ...DEFAULT_PROBE_TRAINING, seed: 1 });
    expect(b.weights).toEqual(a.weights);
  });

  it('stops when its signal is aborted', () => {
    const ctl = new AbortController();
    ctl.abort(new Error('stop'));
    expect(() => trainProbe(randomFeatures(4, 2, 1), [0, 1, 0, 1], 2, [0, 1, 2, 3], { ...DEFAULT_PROBE_TRAINING, seed: 1, signal: ctl.signal })).toThrow('stop');
  });

  it('refuses a probe without classes or rows', () => {
    expect(() => newProbe(3, 1)).toThrow(/at least 2 classes/);
    expect(() => trainProbe(randomFeatures(2, 2, 1), [0, 1], 2, [], { ...DEFAULT_PROBE_TRAINING, seed: 1 })).toThrow(/at least one training row/);
  });
});
