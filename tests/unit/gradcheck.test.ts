// Analytic gradients of the four word2vec losses against central finite differences, in float64.
import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/core/train/rng';
import {
  cbowLoss,
  huffmanLabels,
  logSigmoid,
  negativeSamplingLabels,
  sigmoid,
  skipGramLoss,
} from '../../src/core/train/losses';

const DIM = 7;
/** Central-difference step: small enough for O(h^2) truncation ~1e-12, large enough to avoid cancellation. */
const EPS = 1e-6;
/** Relative tolerance on each gradient entry (finite differences here are good to ~1e-9). */
const TOL = 1e-6;

function randomVec(rng: Rng, n: number, scale: number): Float64Array {
  const v = new Float64Array(n);
  for (let i = 0; i < n; i++) v[i] = (rng.nextFloat() * 2 - 1) * scale;
  return v;
}

/** Compare analytic gradient `grad` of f with respect to `x` against central differences. */
function checkGradient(f: () => number, x: Float64Array, grad: Float64Array): void {
  for (let i = 0; i < x.length; i++) {
    const old = x[i];
    x[i] = old + EPS;
    const up = f();
    x[i] = old - EPS;
    const down = f();
    x[i] = old;
    const numeric = (up - down) / (2 * EPS);
    const scale = Math.max(1, Math.abs(numeric), Math.abs(grad[i]));
    expect(Math.abs(numeric - grad[i]) / scale).toBeLessThan(TOL);
  }
}

interface Case {
  name: string;
  labels: Float64Array;
}
const CASES: Case[] = [
  { name: 'negative sampling (1 positive, 5 negatives)', labels: negativeSamplingLabels(5) },
  { name: 'hierarchical softmax (code 0110 1)', labels: huffmanLabels([0, 1, 1, 0, 1]) },
];

describe('logSigmoid and sigmoid', () => {
  it('are stable at extreme arguments', () => {
    expect(logSigmoid(-1000)).toBe(-1000);
    expect(logSigmoid(1000)).toBeCloseTo(0, 12);
    expect(Number.isFinite(logSigmoid(-1e308))).toBe(true);
    expect(sigmoid(-1000)).toBe(0);
    expect(sigmoid(1000)).toBe(1);
  });
  it('match the naive formulas where those are accurate', () => {
    for (const x of [-5, -1, -0.1, 0, 0.3, 2, 8]) {
      expect(logSigmoid(x)).toBeCloseTo(Math.log(1 / (1 + Math.exp(-x))), 12);
      expect(sigmoid(x)).toBeCloseTo(1 / (1 + Math.exp(-x)), 14);
    }
  });
});

describe.each(CASES)('gradients, $name', ({ labels }) => {
  const n = labels.length;

  it('skip-gram: w.r.t. the input vector and every output vector', () => {
    const rng = new Rng(123);
    const input = randomVec(rng, DIM, 0.8);
    const outputs = randomVec(rng, n * DIM, 0.8);
    const gIn = new Float64Array(DIM);
    const gOut = new Float64Array(n * DIM);
    const loss = skipGramLoss(input, outputs, labels, DIM, gIn, gOut);
    expect(loss).toBeGreaterThan(0);
    const f = () => skipGramLoss(input, outputs, labels, DIM);
    checkGradient(f, input, gIn);
    checkGradient(f, outputs, gOut);
  });

  it('CBOW (mean of 4 contexts): w.r.t. each context vector and every output vector', () => {
    const rng = new Rng(456);
    const m = 4;
    const contexts = randomVec(rng, m * DIM, 0.8);
    const outputs = randomVec(rng, n * DIM, 0.8);
    const gCtx = new Float64Array(m * DIM);
    const gOut = new Float64Array(n * DIM);
    const scratch = new Float64Array(2 * DIM);
    cbowLoss(contexts, m, outputs, labels, DIM, gCtx, gOut, scratch);
    const f = () => cbowLoss(contexts, m, outputs, labels, DIM, undefined, undefined, scratch);
    checkGradient(f, contexts, gCtx);
    checkGradient(f, outputs, gOut);
  });
});

describe('loss values', () => {
  it('equal -log sigmoid(score) for a single positive and -log sigmoid(-score) for a negative', () => {
    const h = [1, 2];
    const u = [0.5, -0.25]; // score 0
    expect(skipGramLoss(h, u, [1], 2)).toBeCloseTo(Math.LN2, 12);
    const u2 = [1, 1]; // score 3
    expect(skipGramLoss(h, u2, [1], 2)).toBeCloseTo(Math.log1p(Math.exp(-3)), 12);
    expect(skipGramLoss(h, u2, [0], 2)).toBeCloseTo(Math.log1p(Math.exp(3)), 12);
  });
  it('CBOW with one context equals skip-gram on that context', () => {
    const rng = new Rng(9);
    const c = randomVec(rng, DIM, 1);
    const out = randomVec(rng, 3 * DIM, 1);
    const labels = negativeSamplingLabels(2);
    expect(cbowLoss(c, 1, out, labels, DIM)).toBeCloseTo(skipGramLoss(c, out, labels, DIM), 12);
  });
  it('stay finite for huge scores', () => {
    const h = [1e3, 1e3];
    const u = [-1e3, -1e3];
    const g = new Float64Array(2);
    const loss = skipGramLoss(h, u, [1], 2, g);
    expect(loss).toBeCloseTo(2e6, 3);
    expect(Array.from(g)).toEqual([1e3, 1e3]);
  });
});
