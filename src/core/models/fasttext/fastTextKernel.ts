// The hot loop of fastText training, in plain JavaScript over flat typed arrays (one thread). It follows Facebook's
// fastText (model.cc `update`, fasttext.cc `skipgram` / `cbow`, loss.cc negative sampling):
// - a word's input vector h is the mean of its rows: its own and one per character n-gram bucket;
// - skip-gram: for every centre word and every context word in a window of random reach 1..window, the centre's h
//   predicts the context word (fastText's direction; word2vec.c predicts the centre from the context);
// - CBOW: the rows of every context word (their own and their n-grams) are pooled into one mean that predicts the
//   centre;
// - negative sampling: the target's output row with label 1, `negative` noise words with label 0 (a noise word equal
//   to the target is drawn again, as fastText does); each output row is updated as it is used;
// - then the summed error is added to *every* row that made h, undivided. This is fastText's rule for skipgram and
//   cbow (it divides only for supervised models); it is n times the exact gradient of the mean, the same choice
//   word2vec.c makes for CBOW. gradcheck in tests/unit/fastTextKernel.test.ts checks both facts.
// Skip-gram without recomputing h for every pair: fastText recomputes the centre's mean after each context word,
// because that pair just added `grad` to each of its rows. Adding grad to every row moves their mean by exactly
// c * grad, with c = (sum over distinct rows of multiplicity^2) / rows (1 unless an n-gram bucket repeats within the
// word), so the kernel keeps h up to date by h += c * grad and adds the summed grads to the rows once per centre.
// Same numbers as fastText's order up to float rounding (tests/unit/fastTextKernel.test.ts compares the two), at
// about a fifth of the row traffic.
import { EXP_SCALE, EXP_TABLE_SIZE, MAX_EXP, DIVERGED_SCORE, type NoiseTables, type SigmoidTables } from '../../train/cpuTables';
import type { Rng } from '../../train/rng';

export interface FastTextKernelModel {
  readonly dim: number;
  readonly window: number;
  readonly negative: number;
  readonly cbow: boolean;
  readonly vocabSize: number;
  /** (vocabSize + bucket) x dim: word rows then n-gram rows. */
  readonly input: Float32Array;
  /** vocabSize x dim output rows of negative sampling. */
  readonly output: Float32Array;
  /** Word w's rows are subRows[subOffsets[w] .. subOffsets[w + 1]). */
  readonly subOffsets: Int32Array;
  readonly subRows: Int32Array;
  /** Per word: how far its mean moves when grad is added to each of its rows, in units of grad (subwordMeanShift). */
  readonly selfOverlap: Float32Array;
  readonly tables: SigmoidTables;
  readonly noise: NoiseTables;
}

export interface FastTextScratch {
  readonly hidden: Float32Array;
  readonly grad: Float32Array;
  /** Skip-gram: the grads of one centre word's pairs, summed. */
  readonly total: Float32Array;
  /** CBOW's pooled rows of all context words. */
  readonly bow: Int32Array;
}

export function makeFastTextScratch(dim: number, window: number, maxRows: number): FastTextScratch {
  return { hidden: new Float32Array(dim), grad: new Float32Array(dim), total: new Float32Array(dim), bow: new Int32Array(2 * window * maxRows) };
}

export interface FastTextKernelResult {
  lossSum: number;
  examples: number;
  diverged: boolean;
}

const INV_2_32 = 1 / 4294967296;
const LAST_BIN = EXP_TABLE_SIZE - 1;
/** A noise word equal to the target is drawn again, at most this many times (a two-word vocabulary ends it). */
const MAX_REDRAWS = 16;

/** hidden = mean of input rows rows[from..to). */
function meanOfRows(input: Float32Array, dim: number, rows: Int32Array, from: number, to: number, hidden: Float32Array): void {
  let l = rows[from] * dim;
  for (let d = 0; d < dim; d++) hidden[d] = input[l + d];
  for (let k = from + 1; k < to; k++) {
    l = rows[k] * dim;
    for (let d = 0; d < dim; d++) hidden[d] += input[l + d];
  }
  const inv = 1 / (to - from);
  for (let d = 0; d < dim; d++) hidden[d] *= inv;
}

/** input[row] += v for every row in rows[from..to). */
function addToRows(input: Float32Array, dim: number, rows: Int32Array, from: number, to: number, v: Float32Array): void {
  for (let k = from; k < to; k++) {
    const l = rows[k] * dim;
    for (let d = 0; d < dim; d++) input[l + d] += v[d];
  }
}

/**
 * Negative sampling for input vector `hidden` against `target`: updates the output rows it uses and sets grad to the
 * error to add to the input rows (alpha included). Returns the example's loss, or NaN when a score ran away.
 */
function negativeSampling(m: FastTextKernelModel, hidden: Float32Array, target: number, alpha: number, rng: Rng, grad: Float32Array): number {
  const dim = m.dim;
  const output = m.output;
  const sigmoid = m.tables.sigmoid;
  const lossPos = m.tables.lossPositive;
  const lossNeg = m.tables.lossNegative;
  const threshold = m.noise.threshold;
  const alias = m.noise.alias;
  const V = m.vocabSize;
  const dim4 = dim & ~3;
  for (let d = 0; d < dim; d++) grad[d] = 0;
  let loss = 0;
  for (let k = 0; k <= m.negative; k++) {
    let t = target;
    let label = 1;
    if (k > 0) {
      label = 0;
      for (let tries = 0; tries < MAX_REDRAWS && t === target; tries++) {
        const bucket = Math.floor(rng.nextU32() * V * INV_2_32);
        t = rng.nextU32() < threshold[bucket] ? bucket : alias[bucket];
      }
      if (t === target) continue;
    }
    const l2 = t * dim;
    let f0 = 0;
    let f1 = 0;
    let f2 = 0;
    let f3 = 0;
    let d = 0;
    for (; d < dim4; d += 4) {
      f0 += hidden[d] * output[l2 + d];
      f1 += hidden[d + 1] * output[l2 + d + 1];
      f2 += hidden[d + 2] * output[l2 + d + 2];
      f3 += hidden[d + 3] * output[l2 + d + 3];
    }
    for (; d < dim; d++) f0 += hidden[d] * output[l2 + d];
    const f = f0 + f1 + (f2 + f3);
    if (!(f < DIVERGED_SCORE && f > -DIVERGED_SCORE)) return NaN;
    let g: number;
    if (f >= MAX_EXP) {
      g = (label - 1) * alpha;
      if (!label) loss += f;
    } else if (f <= -MAX_EXP) {
      g = label * alpha;
      if (label) loss -= f;
    } else {
      let idx = ((f + MAX_EXP) * EXP_SCALE) | 0;
      if (idx > LAST_BIN) idx = LAST_BIN;
      g = (label - sigmoid[idx]) * alpha;
      loss += label ? lossPos[idx] : lossNeg[idx];
    }
    for (let e = 0; e < dim; e++) {
      const u = output[l2 + e];
      grad[e] += g * u;
      output[l2 + e] = u + g * hidden[e];
    }
  }
  return loss;
}

/**
 * One example exactly as fastText's Model::update: h = mean of input rows rows[from..to), negative sampling against
 * `target`, the error added to every one of those rows. Returns the loss, or NaN when a score ran away.
 */
export function trainExample(
  m: FastTextKernelModel,
  rows: Int32Array,
  from: number,
  to: number,
  target: number,
  alpha: number,
  rng: Rng,
  s: FastTextScratch,
): number {
  meanOfRows(m.input, m.dim, rows, from, to, s.hidden);
  const loss = negativeSampling(m, s.hidden, target, alpha, rng, s.grad);
  if (loss === loss) addToRows(m.input, m.dim, rows, from, to, s.grad);
  return loss;
}

/** Train on the (down-sampled) sentence sen[0..len) with learning rate alpha. */
export function trainSentenceFastText(
  m: FastTextKernelModel,
  sen: Int32Array,
  len: number,
  alpha: number,
  rng: Rng,
  s: FastTextScratch,
  out: FastTextKernelResult,
): void {
  const window = m.window;
  const subOffsets = m.subOffsets;
  const subRows = m.subRows;
  const bow = s.bow;
  const dim = m.dim;
  const hidden = s.hidden;
  const grad = s.grad;
  const total = s.total;
  let lossSum = 0;
  let examples = 0;
  for (let i = 0; i < len; i++) {
    // Reach 1..window, uniformly (fastText draws its boundary the same way).
    const reach = window - Math.floor(rng.nextU32() * window * INV_2_32);
    const lo = i - reach > 0 ? i - reach : 0;
    const hi = i + reach < len - 1 ? i + reach : len - 1;
    if (lo === hi) continue;
    const word = sen[i];
    if (m.cbow) {
      let n = 0;
      for (let c = lo; c <= hi; c++) {
        if (c === i) continue;
        const w = sen[c];
        for (let k = subOffsets[w]; k < subOffsets[w + 1]; k++) bow[n++] = subRows[k];
      }
      const loss = trainExample(m, bow, 0, n, word, alpha, rng, s);
      if (loss !== loss) {
        out.diverged = true;
        break;
      }
      lossSum += loss;
      examples++;
    } else {
      const from = subOffsets[word];
      const to = subOffsets[word + 1];
      const c = m.selfOverlap[word];
      meanOfRows(m.input, dim, subRows, from, to, hidden);
      for (let d = 0; d < dim; d++) total[d] = 0;
      for (let j = lo; j <= hi; j++) {
        if (j === i) continue;
        const loss = negativeSampling(m, hidden, sen[j], alpha, rng, grad);
        if (loss !== loss) {
          out.diverged = true;
          break;
        }
        for (let d = 0; d < dim; d++) {
          hidden[d] += c * grad[d];
          total[d] += grad[d];
        }
        lossSum += loss;
        examples++;
      }
      addToRows(m.input, dim, subRows, from, to, total);
      if (out.diverged) break;
    }
  }
  out.lossSum += lossSum;
  out.examples += examples;
}
