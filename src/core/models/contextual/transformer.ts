// A small transformer encoder (Vaswani et al., 2017; BERT's masked-language-model set-up, Devlin et al., 2019) on
// tfjs tensors: token + learned position embeddings, `layers` blocks of multi-head self-attention and a ReLU
// feed-forward net, each with a residual connection, and the output projection tied to the token embeddings.
// Layer norm comes before each sub-block ("pre-LN", Xiong et al., 2020): with it a model this small trains at a
// constant learning rate without the warm-up schedule a post-LN BERT needs, which matters when a student presses
// "train" and expects the loss to fall at once.
// Everything here is a pure function of the weights, so that tf.grads can differentiate it (the gradient check in
// tests/unit/transformer.test.ts) and the trainer, the encoder and the attention view share one forward pass.
import * as tf from '@tensorflow/tfjs';
import { Rng } from '../../train/rng';

export interface TransformerShape {
  /** Tokens in the vocabulary, specials included. */
  vocab: number;
  /** Width of every token vector (the model's `dim`). */
  dim: number;
  layers: number;
  heads: number;
  /** Hidden width of the feed-forward net (4 x dim in BERT). */
  ffn: number;
  /** Longest sentence the position table covers. */
  maxLen: number;
}

/** Weight names in a fixed order: the file format and the optimiser walk them in this order. */
export function weightNames(s: TransformerShape): string[] {
  const names = ['tok', 'pos'];
  for (let l = 0; l < s.layers; l++) {
    for (const n of ['ln1g', 'ln1b', 'wq', 'bq', 'wk', 'bk', 'wv', 'bv', 'wo', 'bo', 'ln2g', 'ln2b', 'w1', 'b1', 'w2', 'b2']) names.push(`l${l}.${n}`);
  }
  names.push('lnfg', 'lnfb', 'outb');
  return names;
}

export function weightShape(s: TransformerShape, name: string): number[] {
  const base = name.includes('.') ? name.slice(name.indexOf('.') + 1) : name;
  const d = s.dim;
  switch (base) {
    case 'tok':
      return [s.vocab, d];
    case 'pos':
      return [s.maxLen, d];
    case 'wq':
    case 'wk':
    case 'wv':
    case 'wo':
      return [d, d];
    case 'w1':
      return [d, s.ffn];
    case 'b1':
      return [s.ffn];
    case 'w2':
      return [s.ffn, d];
    case 'outb':
      return [s.vocab];
    default:
      return [d]; // biases and layer-norm gains of width d
  }
}

/** Standard deviation of the token and position embeddings at the start: small, so that the tied output logits
 *  start near zero (a uniform guess, loss ≈ ln V) instead of confidently wrong. */
const EMBEDDING_INIT_STD = 0.05;

/** Initial values, drawn from the seed with the project's own generator so that every backend starts from the same
 *  numbers: matrices ~ N(0, 1/fan-in) (variance-preserving), biases 0, layer-norm gains 1. */
export function initialWeights(s: TransformerShape, seed: number): Map<string, Float32Array> {
  const rng = new Rng(seed);
  const out = new Map<string, Float32Array>();
  for (const name of weightNames(s)) {
    const shape = weightShape(s, name);
    const n = shape.reduce((a, b) => a * b, 1);
    const a = new Float32Array(n);
    const base = name.includes('.') ? name.slice(name.indexOf('.') + 1) : name;
    if (base.endsWith('g')) a.fill(1);
    else if (shape.length === 2) {
      const std = base === 'tok' || base === 'pos' ? EMBEDDING_INIT_STD : 1 / Math.sqrt(shape[0]!);
      for (let i = 0; i < n; i++) a[i] = std * gaussian(rng);
    }
    out.set(name, a);
  }
  return out;
}

/** One standard normal draw (Box-Muller; 1 - u keeps the logarithm finite). */
function gaussian(rng: Rng): number {
  const u = 1 - rng.nextFloat();
  const v = rng.nextFloat();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

export type Weights = Record<string, tf.Tensor>;

/** Added to the attention score of a padding key: far below any real score, yet finite (no NaN in softmax). */
const MASKED_SCORE = -1e9;
/** Layer norm's variance floor. */
const LN_EPSILON = 1e-5;

/**
 * Rows `idx` of `table`, with a gradient that tfjs can run everywhere: tf.gather's own gradient is
 * UnsortedSegmentSum, which the wasm backend lacks; scatterND sums the incoming rows per index (duplicates added,
 * as they must be) and exists on every backend. The flat index tensor is int32 of any rank; rows come out as
 * [...idx.shape, d].
 */
const gatherWithScatterGrad = tf.customGrad((...inputs: (tf.Tensor | tf.GradSaveFunc)[]) => {
  const [table, idx, save] = inputs as [tf.Tensor, tf.Tensor, tf.GradSaveFunc];
  save([idx]);
  const d = table.shape[1]!;
  const rows = tf.gather(table, tf.reshape(idx, [-1]));
  return {
    value: tf.reshape(rows, [...idx.shape, d]),
    gradFunc: (dy: tf.Tensor | tf.Tensor[], saved: tf.Tensor[]) => {
      const ix = tf.reshape(saved[0]!, [-1, 1]);
      const g = tf.reshape(dy as tf.Tensor, [-1, d]);
      return [tf.scatterND(ix, g, table.shape), tf.zerosLike(saved[0]!)];
    },
  };
});

export function gatherRows(table: tf.Tensor, idx: tf.Tensor): tf.Tensor {
  return gatherWithScatterGrad(table, idx);
}

function layerNorm(x: tf.Tensor, g: tf.Tensor, b: tf.Tensor): tf.Tensor {
  const { mean, variance } = tf.moments(x, -1, true);
  return tf.add(tf.mul(tf.div(tf.sub(x, mean), tf.sqrt(tf.add(variance, LN_EPSILON))), g), b);
}

export interface ForwardResult {
  /** [B, T, dim]: the final-layer vector of every token. */
  hidden: tf.Tensor3D;
  /** One [B, heads, T, T] tensor per layer: row i = how much token i attends to each token. Only when asked. */
  attention: tf.Tensor4D[];
}

/**
 * The encoder. `ids` [B, T] int32; `keep` [B, T] float, 1 for real tokens and 0 for padding (padding keys get no
 * attention; padding queries compute something that nobody reads).
 */
export function forward(w: Weights, s: TransformerShape, ids: tf.Tensor2D, keep: tf.Tensor2D, withAttention = false): ForwardResult {
  const [B, T] = ids.shape;
  const d = s.dim;
  const H = s.heads;
  const dh = d / H;
  const attention: tf.Tensor4D[] = [];
  let x: tf.Tensor = tf.add(gatherRows(w.tok!, ids), tf.slice(w.pos!, [0, 0], [T, d]));
  // [B, 1, 1, T]: 0 where the key is a real token, a huge negative number where it is padding.
  const keyBias = tf.reshape(tf.mul(tf.sub(1, keep), MASKED_SCORE), [B, 1, 1, T]);
  const scale = 1 / Math.sqrt(dh);
  const heads = (t: tf.Tensor) => tf.transpose(tf.reshape(t, [B, T, H, dh]), [0, 2, 1, 3]);
  for (let l = 0; l < s.layers; l++) {
    const p = (n: string) => w[`l${l}.${n}`]!;
    const h = tf.reshape(layerNorm(x, p('ln1g'), p('ln1b')), [B * T, d]);
    const q = heads(tf.add(tf.matMul(h, p('wq') as tf.Tensor2D), p('bq')));
    const k = heads(tf.add(tf.matMul(h, p('wk') as tf.Tensor2D), p('bk')));
    const v = heads(tf.add(tf.matMul(h, p('wv') as tf.Tensor2D), p('bv')));
    const scores = tf.add(tf.mul(tf.matMul(q, k, false, true), scale), keyBias);
    const att = tf.softmax(scores) as tf.Tensor4D;
    if (withAttention) attention.push(att);
    const ctx = tf.reshape(tf.transpose(tf.matMul(att, v), [0, 2, 1, 3]), [B * T, d]);
    x = tf.add(x, tf.reshape(tf.add(tf.matMul(ctx, p('wo') as tf.Tensor2D), p('bo')), [B, T, d]));
    const h2 = tf.reshape(layerNorm(x, p('ln2g'), p('ln2b')), [B * T, d]);
    const ff = tf.add(tf.matMul(tf.relu(tf.add(tf.matMul(h2, p('w1') as tf.Tensor2D), p('b1'))), p('w2') as tf.Tensor2D), p('b2'));
    x = tf.add(x, tf.reshape(ff, [B, T, d]));
  }
  return { hidden: layerNorm(x, w.lnfg!, w.lnfb!) as tf.Tensor3D, attention };
}

/** Log-probabilities over the vocabulary at some positions: `at` indexes the flattened [B*T] token grid. */
export function maskedLogProbs(w: Weights, hidden: tf.Tensor3D, at: tf.Tensor1D): tf.Tensor2D {
  const [B, T, d] = hidden.shape;
  const h = gatherRows(tf.reshape(hidden, [B * T, d]), at);
  const logits = tf.add(tf.matMul(h, w.tok! as tf.Tensor2D, false, true), w.outb!);
  return tf.logSoftmax(logits) as tf.Tensor2D;
}

/** Masked-token cross-entropy: the mean over masked positions of -log p(true token). */
export function mlmLoss(w: Weights, s: TransformerShape, ids: tf.Tensor2D, keep: tf.Tensor2D, at: tf.Tensor1D, targets: tf.Tensor1D): tf.Scalar {
  const { hidden } = forward(w, s, ids, keep);
  const logp = maskedLogProbs(w, hidden, at);
  const picked = tf.sum(tf.mul(logp, tf.oneHot(targets, s.vocab)), 1);
  return tf.neg(tf.mean(picked)) as tf.Scalar;
}
