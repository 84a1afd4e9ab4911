// The strongest check of the tfjs engine: one batched update on the tfjs cpu backend equals, row by row, the sum of
// the per-example gradient steps computed by the reference maths (src/core/train/losses.ts) in float64, from the
// same weights and the same batch. Run for both ways of adding row updates (scatter / segment), skip-gram and CBOW,
// negative sampling, hierarchical softmax and both at once, on batches full of repeated rows.
import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { encodeCorpus } from '../../src/core/text/corpus';
import { TOY_CORPORA } from '../../src/core/text/toyCorpora';
import { cbowLoss, skipGramLoss } from '../../src/core/train/losses';
import { Rng } from '../../src/core/train/rng';
import { activateTfjsBackend } from '../../src/core/train/tfjsBackend';
import { allocateBatch, BatchBuilder, type Batch } from '../../src/core/train/tfjsBatch';
import { createRowOps, SegmentPlan, type ScatterStrategy } from '../../src/core/train/tfjsRows';
import { trainStep, type Tables } from '../../src/core/train/tfjsStep';
import { DEFAULT_TRAIN_CONFIG, type ModelKind, type TrainConfig } from '../../src/core/train/types';

const fruit = encodeCorpus(TOY_CORPORA.fruit.text, { minCount: 1, maxVocab: 0 });
const V = fruit.vocab.words.length;
const DIM = 8;
const LR = 0.1;
/** float32 tfjs against float64 reference: weights are O(0.5), one step moves them by up to ~0.5. */
const TOLERANCE = 2e-5;

interface Weights {
  syn0: Float64Array;
  syn1neg: Float64Array;
  syn1: Float64Array;
}

/** Random weights of a size where sigmoids are far from saturated and from 0.5 (a non-trivial step). */
function randomWeights(seed: number): Weights {
  const rng = new Rng(seed);
  const table = () => Float64Array.from({ length: V * DIM }, () => rng.nextFloat() - 0.5);
  return { syn0: table(), syn1neg: table(), syn1: table() };
}

function toTables(w: Weights, ns: boolean, hs: boolean): Tables {
  const v = (a: Float64Array) => tf.variable(tf.tensor2d(Float32Array.from(a), [V, DIM]));
  return { syn0: v(w.syn0), syn1neg: ns ? v(w.syn1neg) : null, syn1: hs ? v(w.syn1) : null };
}

function rows(table: Float64Array, ids: number[]): Float64Array {
  const out = new Float64Array(ids.length * DIM);
  ids.forEach((id, i) => out.set(table.subarray(id * DIM, id * DIM + DIM), i * DIM));
  return out;
}

/** The same batch, one example after the other with losses.ts, all gradients taken at the starting weights. */
function referenceStep(w: Weights, batch: Batch, model: ModelKind): { next: Weights; loss: number } {
  const { inputWidth: C, nsWidth, hsWidth } = batch.layout;
  const grad: Weights = { syn0: new Float64Array(V * DIM), syn1neg: new Float64Array(V * DIM), syn1: new Float64Array(V * DIM) };
  let loss = 0;
  for (let b = 0; b < batch.examples; b++) {
    const inputs: number[] = [];
    for (let c = 0; c < C; c++) if (batch.inputMask[b * C + c] === 1) inputs.push(batch.inputIdx[b * C + c]);
    const gradH = new Float64Array(DIM);
    const blocks: { key: 'syn1neg' | 'syn1'; width: number; idx: Int32Array; label: Float32Array; mask: Float32Array }[] = [];
    if (nsWidth > 0) blocks.push({ key: 'syn1neg', width: nsWidth, idx: batch.nsIdx, label: batch.nsLabel, mask: batch.nsMask });
    if (hsWidth > 0) blocks.push({ key: 'syn1', width: hsWidth, idx: batch.hsIdx, label: batch.hsLabel, mask: batch.hsMask });
    for (const blk of blocks) {
      const outIds: number[] = [];
      const labels: number[] = [];
      for (let j = 0; j < blk.width; j++) {
        const o = b * blk.width + j;
        if (blk.mask[o] === 1) {
          outIds.push(blk.idx[o]);
          labels.push(blk.label[o]);
        }
      }
      const gOut = new Float64Array(outIds.length * DIM);
      if (model === 'skipgram') {
        const gIn = new Float64Array(DIM);
        loss += skipGramLoss(rows(w.syn0, inputs), rows(w[blk.key], outIds), labels, DIM, gIn, gOut);
        for (let d = 0; d < DIM; d++) gradH[d] += gIn[d];
      } else {
        const m = inputs.length;
        const gCtx = new Float64Array(m * DIM);
        loss += cbowLoss(rows(w.syn0, inputs), m, rows(w[blk.key], outIds), labels, DIM, gCtx, gOut);
        // losses.ts gives the exact gradient of the mean (dL/dh / m); word2vec.c, gensim and both engines give
        // every context the whole dL/dh.
        for (let d = 0; d < DIM; d++) gradH[d] += gCtx[d] * m;
      }
      outIds.forEach((id, j) => {
        for (let d = 0; d < DIM; d++) grad[blk.key][id * DIM + d] += gOut[j * DIM + d];
      });
    }
    for (const id of inputs) for (let d = 0; d < DIM; d++) grad.syn0[id * DIM + d] += gradH[d];
  }
  const step = (t: Float64Array, g: Float64Array) => t.map((x, i) => x - LR * g[i]);
  return { next: { syn0: step(w.syn0, grad.syn0), syn1neg: step(w.syn1neg, grad.syn1neg), syn1: step(w.syn1, grad.syn1) }, loss };
}

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}

/** Most occurrences of one row among the real slots of a block: the test needs repeats to check they are summed. */
function maxRepeat(idx: Int32Array, mask: Float32Array): number {
  const seen = new Map<number, number>();
  idx.forEach((r, i) => {
    if (mask[i] > 0) seen.set(r, (seen.get(r) ?? 0) + 1);
  });
  return Math.max(0, ...seen.values());
}

beforeAll(async () => {
  await activateTfjsBackend('cpu');
});

const CASES: { model: ModelKind; negative: number; hs: boolean }[] = [
  { model: 'skipgram', negative: 3, hs: false },
  { model: 'skipgram', negative: 0, hs: true },
  { model: 'cbow', negative: 3, hs: false },
  { model: 'cbow', negative: 0, hs: true },
  { model: 'skipgram', negative: 2, hs: true },
  { model: 'cbow', negative: 2, hs: true },
];

describe('one tfjs batch update equals the summed reference gradient steps (tfjs cpu backend)', () => {
  for (const strategy of ['scatter', 'segment'] as ScatterStrategy[]) {
    for (const c of CASES) {
      const name = `${strategy}: ${c.model}, negative ${c.negative}, hs ${c.hs ? 1 : 0}`;
      it(name, () => {
        const config: TrainConfig = {
          ...DEFAULT_TRAIN_CONFIG, ...c, dim: DIM, window: 2, sample: 0, minCount: 1, epochs: 1, batchSize: 48, seed: 3,
        };
        const builder = new BatchBuilder(fruit, config, new Rng(config.seed));
        const batch = allocateBatch(builder.layout);
        // Two batches: the first full, the second cut short by a word limit, so padding is exercised too.
        let w = randomWeights(11);
        for (const round of [0, 1]) {
          const n = builder.fill(batch, round === 0 ? Infinity : builder.wordsDone + 1);
          expect(n).toBeGreaterThan(0);
          const tables = toTables(w, c.negative > 0, c.hs);
          const before = tf.memory().numTensors;
          const loss = trainStep(tables, batch, LR, createRowOps('cpu', strategy));
          const lossSum = loss.dataSync()[0];
          loss.dispose();
          expect(tf.memory().numTensors).toBe(before); // nothing leaked but the tables (reassigned in place)
          const ref = referenceStep(w, batch, c.model);
          expect(Math.abs(lossSum - ref.loss) / ref.loss).toBeLessThan(1e-5);
          expect(maxAbsDiff(tables.syn0.dataSync(), ref.next.syn0)).toBeLessThan(TOLERANCE);
          expect(maxAbsDiff(ref.next.syn0, w.syn0)).toBeGreaterThan(1e-2); // the step really moved the inputs
          if (tables.syn1neg) {
            expect(maxRepeat(batch.nsIdx, batch.nsMask)).toBeGreaterThan(1);
            expect(maxAbsDiff(tables.syn1neg.dataSync(), ref.next.syn1neg)).toBeLessThan(TOLERANCE);
            expect(maxAbsDiff(ref.next.syn1neg, w.syn1neg)).toBeGreaterThan(1e-2);
          }
          if (tables.syn1) {
            expect(maxRepeat(batch.hsIdx, batch.hsMask)).toBeGreaterThan(1);
            expect(maxAbsDiff(tables.syn1.dataSync(), ref.next.syn1)).toBeLessThan(TOLERANCE);
            expect(maxAbsDiff(ref.next.syn1, w.syn1)).toBeGreaterThan(1e-2);
          }
          expect(maxRepeat(batch.inputIdx, batch.inputMask)).toBeGreaterThan(1);
          w = ref.next;
          for (const t of [tables.syn0, tables.syn1neg, tables.syn1]) t?.dispose();
        }
        expect(batch.examples).toBeLessThan(batch.layout.size); // the second batch was padded
      });
    }
  }
});

describe('SegmentPlan (the index bookkeeping of the segment strategy)', () => {
  it('sorts positions by row and gives every table row the span of its updates', () => {
    const plan = new SegmentPlan(6, 10);
    plan.build(Int32Array.from([7, 2, 7, 0, 2, 7]));
    expect(plan.distinct).toBe(3);
    expect(Array.from(plan.order)).toEqual([3, 1, 4, 0, 2, 5]);
    expect(Array.from(plan.startOf)).toEqual([0, 0, 1, 0, 0, 0, 0, 3, 0, 0]);
    expect(Array.from(plan.endOf)).toEqual([1, 0, 3, 0, 0, 0, 0, 6, 0, 0]);
    // Reuse clears the previous batch's rows.
    plan.build(Int32Array.from([4, 4, 4, 4, 4, 4]));
    expect(Array.from(plan.startOf)).toEqual(new Array(10).fill(0));
    expect(Array.from(plan.endOf)).toEqual([0, 0, 0, 0, 6, 0, 0, 0, 0, 0]);
    expect(plan.distinct).toBe(1);
    expect(() => plan.build(Int32Array.from([0, 1, 2, 3, 4, 10]))).toThrow(/row 10 out of range 0..9/);
  });
});
