// The plain-JavaScript hot loop of the cpu engine: one down-sampled sentence at a time, word2vec.c's update order.
// Written for V8: everything in one function over flat typed arrays, no allocation, integer index arithmetic, four
// independent accumulators in dot products, a sigmoid table instead of exp, and a one-load loss per term.
// The WebAssembly kernel (wasm/kernel.wat) follows the same steps with the same random draws.
// Loss: every term is read from a table at the score's bin (exact to ~0.006); saturated scores (|f| >= MAX_EXP)
// count 0 when on the right side and |f| when on the wrong side (off by at most log(1 + e^-6) = 0.0025).
import type { Rng } from './rng';
import { DIVERGED_SCORE, EXP_SCALE, EXP_TABLE_SIZE, MAX_EXP, type NoiseTables, type SigmoidTables } from './cpuTables';

export interface KernelModel {
  readonly dim: number;
  readonly window: number;
  readonly negative: number;
  readonly hs: boolean;
  readonly cbow: boolean;
  readonly vocabSize: number;
  readonly syn0: Float32Array;
  /** Output vectors for negative sampling (vocabSize x dim); empty when negative = 0. */
  readonly syn1neg: Float32Array;
  /** Output vectors of the Huffman tree's inner nodes ((vocabSize - 1) x dim); empty without hs. */
  readonly syn1: Float32Array;
  readonly tables: SigmoidTables;
  readonly noise: NoiseTables | null;
  readonly codes: Uint8Array;
  readonly points: Int32Array;
  readonly codeOffsets: Int32Array;
}

/** What one call reports back: summed loss and the number of positive examples it covers. */
export interface KernelResult {
  lossSum: number;
  examples: number;
  /** True when a score became non-finite or absurdly large; the sentence was abandoned part-way. */
  diverged: boolean;
}

/** Scratch owned by one thread of work. */
export interface KernelScratch {
  /** CBOW's context mean, float32 like the weights so the hot loops only ever read one array type. */
  readonly neu1: Float32Array;
  readonly neu1e: Float64Array;
}

export function makeScratch(dim: number): KernelScratch {
  return { neu1: new Float32Array(dim), neu1e: new Float64Array(dim) };
}

const INV_2_32 = 1 / 4294967296;
/** Rounding can push a score just below MAX_EXP into bin EXP_TABLE_SIZE; it belongs in the last one. */
const LAST_BIN = EXP_TABLE_SIZE - 1;

/**
 * Train on sen[0..len) with learning rate alpha. Skip-gram: each context word's input vector against the centre's
 * outputs. CBOW: the mean of the context vectors against the centre's outputs, then the whole error added to every
 * context vector (word2vec.c and gensim with cbow_mean = 1 do this; the exact gradient of the mean would divide it
 * by the number of contexts, see losses.ts).
 */
export function trainSentenceJs(
  m: KernelModel,
  sen: Int32Array,
  len: number,
  alpha: number,
  rng: Rng,
  scratch: KernelScratch,
  out: KernelResult,
): void {
  const dim = m.dim;
  const window = m.window;
  const negative = m.negative;
  const hs = m.hs;
  const cbow = m.cbow;
  const V = m.vocabSize;
  const syn0 = m.syn0;
  const syn1neg = m.syn1neg;
  const syn1 = m.syn1;
  const sigmoid = m.tables.sigmoid;
  const lossPos = m.tables.lossPositive;
  const lossNeg = m.tables.lossNegative;
  const threshold = m.noise ? m.noise.threshold : null;
  const alias = m.noise ? m.noise.alias : null;
  const codes = m.codes;
  const points = m.points;
  const codeOffsets = m.codeOffsets;
  const neu1 = scratch.neu1;
  const neu1e = scratch.neu1e;
  const dim4 = dim & ~3;
  let lossSum = 0;
  let examples = 0;

  for (let i = 0; i < len; i++) {
    const word = sen[i];
    const b = Math.floor(rng.nextU32() * window * INV_2_32);
    const reach = window - b;
    const lo = i - reach > 0 ? i - reach : 0;
    const hi = i + reach < len - 1 ? i + reach : len - 1;
    if (lo === hi) continue; // a one-word sentence: no context

    // The "pairs" of this centre: one per context word for skip-gram, a single (context mean -> centre) for CBOW.
    const nPairs = cbow ? 1 : hi - lo;
    let cw = 0;
    if (cbow) {
      for (let d = 0; d < dim; d++) neu1[d] = 0;
      for (let c = lo; c <= hi; c++) {
        if (c === i) continue;
        const l = sen[c] * dim;
        for (let d = 0; d < dim; d++) neu1[d] += syn0[l + d];
        cw++;
      }
      const inv = 1 / cw;
      for (let d = 0; d < dim; d++) neu1[d] *= inv;
    }
    let c = lo;
    for (let p = 0; p < nPairs; p++) {
      // Skip-gram: the input is context word c; CBOW: the mean in neu1 (copied into the same role below).
      let h = neu1;
      let l1 = 0;
      if (!cbow) {
        if (c === i) c++;
        l1 = sen[c] * dim;
        h = syn0;
        c++;
      }
      for (let d = 0; d < dim; d++) neu1e[d] = 0;
      let pairLoss = 0;

      if (hs) {
        const end = codeOffsets[word + 1];
        for (let k = codeOffsets[word]; k < end; k++) {
          const l2 = points[k] * dim;
          let f0 = 0;
          let f1 = 0;
          let f2 = 0;
          let f3 = 0;
          let d = 0;
          for (; d < dim4; d += 4) {
            f0 += h[l1 + d] * syn1[l2 + d];
            f1 += h[l1 + d + 1] * syn1[l2 + d + 1];
            f2 += h[l1 + d + 2] * syn1[l2 + d + 2];
            f3 += h[l1 + d + 3] * syn1[l2 + d + 3];
          }
          for (; d < dim; d++) f0 += h[l1 + d] * syn1[l2 + d];
          const f = f0 + f1 + (f2 + f3);
          if (!(f < DIVERGED_SCORE && f > -DIVERGED_SCORE)) {
            out.diverged = true;
            out.lossSum += lossSum;
            out.examples += examples;
            return;
          }
          const label = 1 - codes[k];
          // word2vec.c skips saturated nodes for hierarchical softmax (no update); the loss still counts them.
          if (f >= MAX_EXP) {
            if (!label) pairLoss += f;
            continue;
          }
          if (f <= -MAX_EXP) {
            if (label) pairLoss -= f;
            continue;
          }
          let idx = ((f + MAX_EXP) * EXP_SCALE) | 0;
          if (idx > LAST_BIN) idx = LAST_BIN;
          pairLoss += label ? lossPos[idx] : lossNeg[idx];
          const g = (label - sigmoid[idx]) * alpha;
          for (let e = 0; e < dim; e++) {
            const u = syn1[l2 + e];
            neu1e[e] += g * u;
            syn1[l2 + e] = u + g * h[l1 + e];
          }
        }
      }

      if (negative > 0) {
        for (let k = 0; k <= negative; k++) {
          let target = word;
          let label = 1;
          if (k > 0) {
            const bucket = Math.floor(rng.nextU32() * V * INV_2_32);
            target = rng.nextU32() < threshold![bucket] ? bucket : alias![bucket];
            if (target === word) continue;
            label = 0;
          }
          const l2 = target * dim;
          let f0 = 0;
          let f1 = 0;
          let f2 = 0;
          let f3 = 0;
          let d = 0;
          for (; d < dim4; d += 4) {
            f0 += h[l1 + d] * syn1neg[l2 + d];
            f1 += h[l1 + d + 1] * syn1neg[l2 + d + 1];
            f2 += h[l1 + d + 2] * syn1neg[l2 + d + 2];
            f3 += h[l1 + d + 3] * syn1neg[l2 + d + 3];
          }
          for (; d < dim; d++) f0 += h[l1 + d] * syn1neg[l2 + d];
          const f = f0 + f1 + (f2 + f3);
          if (!(f < DIVERGED_SCORE && f > -DIVERGED_SCORE)) {
            out.diverged = true;
            out.lossSum += lossSum;
            out.examples += examples;
            return;
          }
          let g: number;
          if (f >= MAX_EXP) {
            g = (label - 1) * alpha;
            if (!label) pairLoss += f;
          } else if (f <= -MAX_EXP) {
            g = label * alpha;
            if (label) pairLoss -= f;
          } else {
            let idx = ((f + MAX_EXP) * EXP_SCALE) | 0;
            if (idx > LAST_BIN) idx = LAST_BIN;
            g = (label - sigmoid[idx]) * alpha;
            pairLoss += label ? lossPos[idx] : lossNeg[idx];
          }
          for (let e = 0; e < dim; e++) {
            const u = syn1neg[l2 + e];
            neu1e[e] += g * u;
            syn1neg[l2 + e] = u + g * h[l1 + e];
          }
        }
      }

      lossSum += pairLoss;
      examples++;
      if (!cbow) {
        for (let d = 0; d < dim; d++) syn0[l1 + d] += neu1e[d];
      }
    }
    if (cbow) {
      for (let cc = lo; cc <= hi; cc++) {
        if (cc === i) continue;
        const l = sen[cc] * dim;
        for (let d = 0; d < dim; d++) syn0[l + d] += neu1e[d];
      }
    }
  }
  out.lossSum += lossSum;
  out.examples += examples;
}
