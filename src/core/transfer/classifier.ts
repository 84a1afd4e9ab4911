// A document classifier over word embeddings: an embedding layer, mean pooling over the document's tokens, and a
// softmax layer trained with cross-entropy. Written by hand over typed arrays (no tfjs): the model is small, the
// gradients are short, and a student can read every line of the backward pass.
//
//   h = sum_i w_i E[id_i]         (w_i = count / known tokens: the mean of the token rows)
//   z = W h + b,  p = softmax(z),  loss = -log p[y]
//   dz = p - onehot(y);  dW = dz h^T;  db = dz;  dh = W^T dz;  dE[id_i] = w_i dh
//
// The optimiser is Adam; the embedding table uses lazy Adam (only the rows a batch touched are updated), which is
// what keeps a 20,000-row table cheap when a batch touches a few thousand rows.
import type { Bag } from './bagOfWords';
import { Rng } from '../train/rng';

export interface Classifier {
  vocabSize: number;
  dim: number;
  classes: number;
  /** vocabSize x dim, row-major. */
  embedding: Float32Array;
  /** classes x dim, row-major. */
  weights: Float32Array;
  bias: Float32Array;
}

/** Adam's usual constants (Kingma and Ba, 2015). */
export const ADAM_BETA1 = 0.9;
export const ADAM_BETA2 = 0.999;
export const ADAM_EPSILON = 1e-8;

/** A classifier with the given embedding table (copied, so the caller's vectors are never changed) and a zero
 *  softmax layer: zero is a fine start there because the pooled vectors already differ between documents. */
export function newClassifier(embedding: Float32Array, vocabSize: number, dim: number, classes: number): Classifier {
  if (embedding.length !== vocabSize * dim) throw new RangeError(`embedding has ${embedding.length} numbers, expected ${vocabSize} x ${dim}`);
  if (classes < 2) throw new RangeError(`a classifier needs at least 2 classes, got ${classes}`);
  return { vocabSize, dim, classes, embedding: embedding.slice(), weights: new Float32Array(classes * dim), bias: new Float32Array(classes) };
}

/** A Gaussian table with standard deviation `scale` (Box-Muller over the seeded generator). */
export function randomEmbedding(vocabSize: number, dim: number, scale: number, seed: number): Float32Array {
  const rng = new Rng(seed);
  const out = new Float32Array(vocabSize * dim);
  for (let i = 0; i < out.length; i += 2) {
    const u = 1 - rng.nextFloat(); // in (0, 1], so the log is finite
    const r = Math.sqrt(-2 * Math.log(u)) * scale;
    const a = 2 * Math.PI * rng.nextFloat();
    out[i] = r * Math.cos(a);
    if (i + 1 < out.length) out[i + 1] = r * Math.sin(a);
  }
  return out;
}

/** Root mean square of the entries: used to give the random arm the same scale as the pre-trained vectors. */
export function rmsOf(values: Float32Array): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i]! * values[i]!;
  return values.length ? Math.sqrt(s / values.length) : 0;
}

/** h = the mean of the document's token rows, into `out` (length dim). */
export function poolInto(m: Classifier, bag: Bag, out: Float32Array): void {
  const { dim, embedding } = m;
  out.fill(0);
  for (let k = 0; k < bag.ids.length; k++) {
    const w = bag.weights[k]!;
    const base = bag.ids[k]! * dim;
    for (let j = 0; j < dim; j++) out[j]! += w * embedding[base + j]!;
  }
}

/** Class probabilities for a pooled vector, into `out` (length classes); returns nothing, softmax is stable. */
export function probabilitiesInto(m: Classifier, h: Float32Array, out: Float64Array): void {
  const { dim, classes, weights, bias } = m;
  let max = -Infinity;
  for (let c = 0; c < classes; c++) {
    let z = bias[c]!;
    const base = c * dim;
    for (let j = 0; j < dim; j++) z += weights[base + j]! * h[j]!;
    out[c] = z;
    if (z > max) max = z;
  }
  let sum = 0;
  for (let c = 0; c < classes; c++) {
    out[c] = Math.exp(out[c]! - max);
    sum += out[c]!;
  }
  for (let c = 0; c < classes; c++) out[c]! /= sum;
}

/** Mean cross-entropy of the documents `batch` (indices into bags/labels). */
export function batchLoss(m: Classifier, bags: readonly Bag[], labels: ArrayLike<number>, batch: ArrayLike<number>): number {
  const h = new Float32Array(m.dim);
  const p = new Float64Array(m.classes);
  let loss = 0;
  for (let b = 0; b < batch.length; b++) {
    const d = batch[b]!;
    poolInto(m, bags[d]!, h);
    probabilitiesInto(m, h, p);
    loss -= Math.log(Math.max(p[labels[d]!]!, Number.MIN_VALUE));
  }
  return loss / batch.length;
}

/** Gradient buffers. The embedding gradient is a dense table, but only `touched` rows are ever non-zero, and only
 *  those are cleared, so a step costs what the batch's words cost, not what the vocabulary costs. */
export interface Gradients {
  weights: Float32Array;
  bias: Float32Array;
  embedding: Float32Array;
  touched: Int32Array;
  touchedCount: number;
  isTouched: Uint8Array;
}

export function newGradients(m: Classifier): Gradients {
  return {
    weights: new Float32Array(m.weights.length),
    bias: new Float32Array(m.classes),
    embedding: new Float32Array(m.embedding.length),
    touched: new Int32Array(m.vocabSize),
    touchedCount: 0,
    isTouched: new Uint8Array(m.vocabSize),
  };
}

function clearGradients(g: Gradients, dim: number): void {
  g.weights.fill(0);
  g.bias.fill(0);
  for (let t = 0; t < g.touchedCount; t++) {
    const row = g.touched[t]!;
    g.embedding.fill(0, row * dim, (row + 1) * dim);
    g.isTouched[row] = 0;
  }
  g.touchedCount = 0;
}

/**
 * Mean cross-entropy over `batch` and its gradients into `g` (cleared first). With `embeddingGradient` false the
 * embedding part is skipped: a frozen table needs none, and skipping it is most of the saving of freezing.
 */
export function lossAndGradients(
  m: Classifier,
  bags: readonly Bag[],
  labels: ArrayLike<number>,
  batch: ArrayLike<number>,
  g: Gradients,
  embeddingGradient: boolean,
): number {
  const { dim, classes, weights } = m;
  clearGradients(g, dim);
  const h = new Float32Array(dim);
  const p = new Float64Array(classes);
  const dh = new Float64Array(dim);
  const scale = 1 / batch.length;
  let loss = 0;
  for (let b = 0; b < batch.length; b++) {
    const d = batch[b]!;
    const bag = bags[d]!;
    const y = labels[d]!;
    poolInto(m, bag, h);
    probabilitiesInto(m, h, p);
    loss -= Math.log(Math.max(p[y]!, Number.MIN_VALUE));
    dh.fill(0);
    for (let c = 0; c < classes; c++) {
      const dz = (p[c]! - (c === y ? 1 : 0)) * scale;
      g.bias[c]! += dz;
      const base = c * dim;
      for (let j = 0; j < dim; j++) {
        g.weights[base + j]! += dz * h[j]!;
        dh[j]! += dz * weights[base + j]!;
      }
    }
    if (!embeddingGradient) continue;
    for (let k = 0; k < bag.ids.length; k++) {
      const row = bag.ids[k]!;
      const w = bag.weights[k]!;
      if (!g.isTouched[row]) {
        g.isTouched[row] = 1;
        g.touched[g.touchedCount++] = row;
      }
      const base = row * dim;
      for (let j = 0; j < dim; j++) g.embedding[base + j]! += w * dh[j]!;
    }
  }
  return loss * scale;
}

/** Adam's moment estimates for one parameter array. */
interface Moments {
  m: Float32Array;
  v: Float32Array;
}

const moments = (n: number): Moments => ({ m: new Float32Array(n), v: new Float32Array(n) });

/** One Adam update of `param[from..to)` with bias correction for step `t` (1-based). */
function adamRange(param: Float32Array, grad: Float32Array, mo: Moments, from: number, to: number, lr: number, t: number): void {
  const c1 = 1 - ADAM_BETA1 ** t;
  const c2 = 1 - ADAM_BETA2 ** t;
  const { m, v } = mo;
  for (let i = from; i < to; i++) {
    const gi = grad[i]!;
    m[i] = ADAM_BETA1 * m[i]! + (1 - ADAM_BETA1) * gi;
    v[i] = ADAM_BETA2 * v[i]! + (1 - ADAM_BETA2) * gi * gi;
    param[i]! -= (lr * (m[i]! / c1)) / (Math.sqrt(v[i]! / c2) + ADAM_EPSILON);
  }
}

export interface TrainOptions {
  /** 'train': gradients flow into the embedding rows (from scratch or fine-tuning); 'frozen': only the softmax
   *  layer learns and the table is never written. */
  embedding: 'train' | 'frozen';
  learningRate: number;
  /** Adam step for the embedding rows (defaults to learningRate). */
  embeddingLearningRate?: number;
  batchSize: number;
  /** Passes over the training documents... */
  epochs: number;
  /** ...but at least this many updates, so that a 15-document set is not trained for a handful of steps. */
  minSteps: number;
  seed: number;
  signal?: AbortSignal;
  /** Called after each step with the batch's mean loss. */
  onStep?: (step: number, steps: number, loss: number) => void;
}

export const DEFAULT_TRAIN: Omit<TrainOptions, 'embedding' | 'seed'> = {
  learningRate: 0.01,
  batchSize: 16,
  epochs: 20,
  minSteps: 200,
};

/** Trains `m` in place on documents `train` (indices into bags/labels); returns the loss of every step. */
export function trainClassifier(
  m: Classifier,
  bags: readonly Bag[],
  labels: ArrayLike<number>,
  train: readonly number[],
  o: TrainOptions,
): Float32Array {
  if (train.length === 0) throw new RangeError('no training documents');
  const rng = new Rng(o.seed);
  const batchSize = Math.min(o.batchSize, train.length);
  const steps = Math.max(o.minSteps, Math.ceil((o.epochs * train.length) / batchSize));
  const withEmbedding = o.embedding === 'train';
  const embLr = o.embeddingLearningRate ?? o.learningRate;
  const g = newGradients(m);
  const mw = moments(m.weights.length);
  const mb = moments(m.bias.length);
  const me = withEmbedding ? moments(m.embedding.length) : null;
  const order = train.slice();
  let cursor = order.length;
  const batch = new Int32Array(batchSize);
  const losses = new Float32Array(steps);
  for (let step = 1; step <= steps; step++) {
    o.signal?.throwIfAborted();
    for (let b = 0; b < batchSize; b++) {
      if (cursor === order.length) {
        for (let i = order.length - 1; i > 0; i--) {
          const j = rng.nextInt(i + 1);
          const t = order[i]!;
          order[i] = order[j]!;
          order[j] = t;
        }
        cursor = 0;
      }
      batch[b] = order[cursor++]!;
    }
    const loss = lossAndGradients(m, bags, labels, batch, g, withEmbedding);
    losses[step - 1] = loss;
    adamRange(m.weights, g.weights, mw, 0, m.weights.length, o.learningRate, step);
    adamRange(m.bias, g.bias, mb, 0, m.bias.length, o.learningRate, step);
    if (me) {
      for (let t = 0; t < g.touchedCount; t++) {
        const row = g.touched[t]!;
        adamRange(m.embedding, g.embedding, me, row * m.dim, (row + 1) * m.dim, embLr, step);
      }
    }
    o.onStep?.(step, steps, loss);
  }
  return losses;
}

/** The most probable class of one document. */
export function predict(m: Classifier, bag: Bag): number {
  const h = new Float32Array(m.dim);
  const p = new Float64Array(m.classes);
  poolInto(m, bag, h);
  probabilitiesInto(m, h, p);
  let best = 0;
  for (let c = 1; c < m.classes; c++) if (p[c]! > p[best]!) best = c;
  return best;
}

/** Share of `docs` whose predicted class is their label. */
export function accuracy(m: Classifier, bags: readonly Bag[], labels: ArrayLike<number>, docs: readonly number[]): number {
  let right = 0;
  for (const d of docs) if (predict(m, bags[d]!) === labels[d]) right++;
  return docs.length ? right / docs.length : NaN;
}
