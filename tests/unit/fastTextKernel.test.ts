// fastText's training step: the loss of a word built from its rows against finite differences, the kernel's update
// against that exact gradient (fastText adds the mean's error to each row undivided: n times the exact gradient),
// and the skip-gram fast path (h kept up to date by h += c * grad) against fastText's order (h recomputed per pair).
import { describe, expect, it } from 'vitest';
import { cbowLoss, negativeSamplingLabels } from '../../src/core/train/losses';
import { noiseTables, sigmoidTables } from '../../src/core/train/cpuTables';
import { Rng } from '../../src/core/train/rng';
import {
  makeFastTextScratch,
  trainExample,
  trainSentenceFastText,
  type FastTextKernelModel,
} from '../../src/core/models/fasttext/fastTextKernel';
import { subwordMeanShift } from '../../src/core/models/fasttext/ngrams';

const DIM = 6;
const EPS = 1e-6;
const TOL = 1e-6;

function randomArray(rng: Rng, n: number, scale: number): Float32Array {
  const v = new Float32Array(n);
  for (let i = 0; i < n; i++) v[i] = (rng.nextFloat() * 2 - 1) * scale;
  return v;
}

/** A model whose words each own a few rows; word w's rows are given by `rowsOf`. */
function makeModel(rowsOf: number[][], bucket: number, counts: number[], cbow = false, negative = 1, window = 2): FastTextKernelModel {
  const V = rowsOf.length;
  const rng = new Rng(7);
  const offsets = new Int32Array(V + 1);
  const flat: number[] = [];
  rowsOf.forEach((r, w) => {
    offsets[w] = flat.length;
    flat.push(...r);
  });
  offsets[V] = flat.length;
  return {
    dim: DIM, window, negative, cbow, vocabSize: V,
    input: randomArray(rng, (V + bucket) * DIM, 0.5),
    output: randomArray(rng, V * DIM, 0.5),
    subOffsets: offsets,
    subRows: Int32Array.from(flat),
    selfOverlap: Float32Array.from(rowsOf, (r) => subwordMeanShift(r)),
    tables: sigmoidTables(),
    noise: noiseTables(counts, 0.5),
  };
}

describe('fastText loss of a word made of rows', () => {
  it('has the gradient finite differences give, for each row and each output vector', () => {
    const rng = new Rng(3);
    const n = 4;
    const rows = Float64Array.from(randomArray(rng, n * DIM, 0.8));
    const outputs = Float64Array.from(randomArray(rng, 3 * DIM, 0.8));
    const labels = negativeSamplingLabels(2);
    const gRows = new Float64Array(n * DIM);
    const gOut = new Float64Array(3 * DIM);
    cbowLoss(rows, n, outputs, labels, DIM, gRows, gOut);
    const f = (): number => cbowLoss(rows, n, outputs, labels, DIM);
    for (const [x, g] of [[rows, gRows], [outputs, gOut]] as const) {
      for (let i = 0; i < x.length; i++) {
        const old = x[i];
        x[i] = old + EPS;
        const up = f();
        x[i] = old - EPS;
        const down = f();
        x[i] = old;
        const numeric = (up - down) / (2 * EPS);
        expect(Math.abs(numeric - g[i]) / Math.max(1, Math.abs(numeric))).toBeLessThan(TOL);
      }
    }
  });

  it('trainExample moves each row by -alpha * n * exact gradient and each output by -alpha * its gradient', () => {
    // Two words: word 0 (target) and word 1, which is then the only possible noise word: negatives are known.
    const bucket = 5;
    const m = makeModel([[0, 2, 3, 5], [1, 4]], bucket, [10, 10]);
    const rows = m.subRows.subarray(0, 4);
    const n = rows.length;
    const before = m.input.slice();
    const outBefore = m.output.slice();
    const alpha = 0.01;
    const s = makeFastTextScratch(DIM, 2, 4);
    const loss = trainExample(m, rows, 0, n, 0, alpha, new Rng(1), s);
    const ctx = new Float64Array(n * DIM);
    rows.forEach((r, k) => { for (let d = 0; d < DIM; d++) ctx[k * DIM + d] = before[r * DIM + d]; });
    const outs = new Float64Array(2 * DIM);
    for (let d = 0; d < DIM; d++) { outs[d] = outBefore[d]; outs[DIM + d] = outBefore[DIM + d]; }
    const gRows = new Float64Array(n * DIM);
    const gOut = new Float64Array(2 * DIM);
    const exact = cbowLoss(ctx, n, outs, negativeSamplingLabels(1), DIM, gRows, gOut);
    // The kernel reads sigmoid and loss from tables with bins 0.012 wide: a few thousandths.
    expect(loss).toBeCloseTo(exact, 2);
    rows.forEach((r, k) => {
      for (let d = 0; d < DIM; d++) {
        expect(m.input[r * DIM + d] - before[r * DIM + d]).toBeCloseTo(-alpha * n * gRows[k * DIM + d], 4);
      }
    });
    for (let d = 0; d < 2 * DIM; d++) expect(m.output[d] - outBefore[d]).toBeCloseTo(-alpha * gOut[d], 4);
  });
});

describe('skip-gram fast path', () => {
  it('gives fastText\'s numbers (h recomputed per pair), also when a bucket repeats within a word', () => {
    // Word 2 lists row 7 twice (two n-grams in one bucket): its mean moves by c = (1+1+4)/4 grads per update.
    const rowsOf = [[0, 5, 6], [1, 6, 8], [2, 7, 7, 9], [3, 5], [4, 9, 10]];
    expect(subwordMeanShift(rowsOf[2]!)).toBeCloseTo(1.5, 12);
    const counts = [5, 4, 3, 2, 2];
    const fast = makeModel(rowsOf, 6, counts, false, 3, 3);
    const slow = makeModel(rowsOf, 6, counts, false, 3, 3);
    const sen = Int32Array.from([0, 2, 1, 3, 2, 4, 0, 1]);
    const out = { lossSum: 0, examples: 0, diverged: false };
    const alpha = 0.05;
    trainSentenceFastText(fast, sen, sen.length, alpha, new Rng(9), makeFastTextScratch(DIM, 3, 4), out);
    // Reference: fastText's loop, one trainExample (fresh mean) per (centre, context) pair, same random stream.
    const rng = new Rng(9);
    const s = makeFastTextScratch(DIM, 3, 4);
    let lossSum = 0;
    let examples = 0;
    for (let i = 0; i < sen.length; i++) {
      const reach = 3 - Math.floor(rng.nextU32() * 3 / 4294967296);
      const lo = Math.max(0, i - reach);
      const hi = Math.min(sen.length - 1, i + reach);
      for (let j = lo; j <= hi; j++) {
        if (j === i) continue;
        lossSum += trainExample(slow, slow.subRows, slow.subOffsets[sen[i]!]!, slow.subOffsets[sen[i]! + 1]!, sen[j]!, alpha, rng, s);
        examples++;
      }
    }
    expect(out.examples).toBe(examples);
    expect(out.lossSum).toBeCloseTo(lossSum, 4);
    for (let i = 0; i < fast.input.length; i++) expect(fast.input[i]).toBeCloseTo(slow.input[i]!, 5);
    for (let i = 0; i < fast.output.length; i++) expect(fast.output[i]).toBeCloseTo(slow.output[i]!, 5);
  });
});
