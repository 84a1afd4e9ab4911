// A tiny two-layer network with a 2-D bottleneck, trained full-batch in plain TypeScript for the opening lesson.
// Encoder: h = W1ᵀ x (no bias, linear), so for a one-hot x the code h is simply row x of W1: an embedding lookup.
// Decoder: p = softmax(W2 h + b2), trained with cross-entropy against a target distribution t per word:
//   'onehot-self'  x = one-hot(word),            t = one-hot(word)      (an autoencoder on identities)
//   'cooc-self'    x = co-occurrence row (norm.), t = the same row        (an autoencoder on contexts)
//   'onehot-ctx'   x = one-hot(word),            t = its context distribution (skip-gram, full softmax, batched)
import { Rng } from '../train/rng';
import { tokenize } from '../text/tokenize';

export const AE_MODES = ['onehot-self', 'cooc-self', 'onehot-ctx'] as const;
export type AeMode = (typeof AE_MODES)[number];

export interface AeData {
  words: string[];
  /** Row-normalised co-occurrence counts within the window (words x words). */
  cooc: Float64Array;
}

/** Adam's usual constants; a fixed step is enough for a problem this small. */
const ADAM_BETA1 = 0.9;
const ADAM_BETA2 = 0.999;
const ADAM_EPS = 1e-8;
/** Initial weights are small so every word starts near the origin and the scatter visibly unfolds. */
const INIT_SCALE = 0.1;

/** Vocabulary (words seen at least minCount times, most frequent first) and the co-occurrence matrix. */
export function buildAeData(text: string, window: number, maxWords: number, minCount = 1): AeData {
  const sentences = text.split('\n').map((l) => tokenize(l)).filter((s) => s.length > 0);
  const counts = new Map<string, number>();
  for (const s of sentences) for (const w of s) counts.set(w, (counts.get(w) ?? 0) + 1);
  const words = [...counts.entries()]
    .filter(([, c]) => c >= minCount)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, maxWords)
    .map(([w]) => w);
  const index = new Map(words.map((w, i) => [w, i]));
  const V = words.length;
  const cooc = new Float64Array(V * V);
  for (const s of sentences) {
    for (let i = 0; i < s.length; i++) {
      const a = index.get(s[i]);
      if (a === undefined) continue;
      for (let j = Math.max(0, i - window); j <= Math.min(s.length - 1, i + window); j++) {
        const b = j === i ? undefined : index.get(s[j]);
        if (b !== undefined) cooc[a * V + b] += 1;
      }
    }
  }
  for (let a = 0; a < V; a++) {
    let sum = 0;
    for (let b = 0; b < V; b++) sum += cooc[a * V + b];
    if (sum > 0) for (let b = 0; b < V; b++) cooc[a * V + b] /= sum;
  }
  return { words, cooc };
}

export class TinyAutoencoder {
  readonly V: number;
  readonly k = 2;
  readonly w1: Float64Array; // V x k
  readonly w2: Float64Array; // V x k (decoder rows)
  readonly b2: Float64Array; // V
  private readonly m: Float64Array;
  private readonly v: Float64Array;
  private t = 0;
  lastLoss = NaN;

  constructor(private readonly data: AeData, readonly mode: AeMode, seed: number, private readonly lr = 0.05) {
    this.V = data.words.length;
    const rng = new Rng(seed);
    const n = this.V * this.k;
    this.w1 = Float64Array.from({ length: n }, () => (rng.nextFloat() * 2 - 1) * INIT_SCALE);
    this.w2 = Float64Array.from({ length: n }, () => (rng.nextFloat() * 2 - 1) * INIT_SCALE);
    this.b2 = new Float64Array(this.V);
    const params = 2 * n + this.V;
    this.m = new Float64Array(params);
    this.v = new Float64Array(params);
  }

  private input(i: number, j: number): number {
    return this.mode === 'cooc-self' ? this.data.cooc[i * this.V + j] : i === j ? 1 : 0;
  }

  private target(i: number, j: number): number {
    if (this.mode === 'onehot-self') return i === j ? 1 : 0;
    return this.data.cooc[i * this.V + j];
  }

  /** The bottleneck code of word i. */
  code(i: number): [number, number] {
    const { V, k } = this;
    let h0 = 0;
    let h1 = 0;
    for (let j = 0; j < V; j++) {
      const x = this.input(i, j);
      if (x === 0) continue;
      h0 += x * this.w1[j * k];
      h1 += x * this.w1[j * k + 1];
    }
    return [h0, h1];
  }

  /** The decoder's probability distribution for word i. */
  predict(i: number): Float64Array {
    const [h0, h1] = this.code(i);
    const out = new Float64Array(this.V);
    let max = -Infinity;
    for (let j = 0; j < this.V; j++) {
      out[j] = this.w2[j * 2] * h0 + this.w2[j * 2 + 1] * h1 + this.b2[j];
      max = Math.max(max, out[j]);
    }
    let sum = 0;
    for (let j = 0; j < this.V; j++) sum += out[j] = Math.exp(out[j] - max);
    for (let j = 0; j < this.V; j++) out[j] /= sum;
    return out;
  }

  /** Mean cross-entropy over every word and its gradients (summed over words; divide by V for the mean's). */
  lossAndGradients(): { loss: number; g1: Float64Array; g2: Float64Array; gb: Float64Array } {
    const { V, k } = this;
    const g1 = new Float64Array(V * k);
    const g2 = new Float64Array(V * k);
    const gb = new Float64Array(V);
    let loss = 0;
    for (let i = 0; i < V; i++) {
      const [h0, h1] = this.code(i);
      const p = this.predict(i);
      let gh0 = 0;
      let gh1 = 0;
      for (let j = 0; j < V; j++) {
        const t = this.target(i, j);
        if (t > 0) loss -= t * Math.log(Math.max(p[j], 1e-12));
        const d = p[j] - t; // d loss / d logit_j for softmax + cross-entropy
        g2[j * 2] += d * h0;
        g2[j * 2 + 1] += d * h1;
        gb[j] += d;
        gh0 += d * this.w2[j * 2];
        gh1 += d * this.w2[j * 2 + 1];
      }
      for (let j = 0; j < V; j++) {
        const x = this.input(i, j);
        if (x === 0) continue;
        g1[j * k] += x * gh0;
        g1[j * k + 1] += x * gh1;
      }
    }
    return { loss: loss / V, g1, g2, gb };
  }

  /** One full-batch Adam step over every word; returns the mean cross-entropy before the step. */
  step(): number {
    const { V } = this;
    const { loss, g1, g2, gb } = this.lossAndGradients();
    this.t++;
    const all = [this.w1, this.w2, this.b2];
    const grads = [g1, g2, gb];
    let off = 0;
    const c1 = 1 - ADAM_BETA1 ** this.t;
    const c2 = 1 - ADAM_BETA2 ** this.t;
    for (let a = 0; a < 3; a++) {
      const w = all[a];
      const g = grads[a];
      for (let q = 0; q < w.length; q++) {
        const gi = g[q] / V;
        const mi = (this.m[off + q] = ADAM_BETA1 * this.m[off + q] + (1 - ADAM_BETA1) * gi);
        const vi = (this.v[off + q] = ADAM_BETA2 * this.v[off + q] + (1 - ADAM_BETA2) * gi * gi);
        w[q] -= (this.lr * (mi / c1)) / (Math.sqrt(vi / c2) + ADAM_EPS);
      }
      off += w.length;
    }
    this.lastLoss = loss;
    return this.lastLoss;
  }

  codes(): [number, number][] {
    return Array.from({ length: this.V }, (_, i) => this.code(i));
  }
}

/** Word groups of the generated corpus below (for colours and for the tests). */
export const AE_GROUPS = {
  fruit: ['apple', 'banana', 'orange', 'pear'],
  drinks: ['milk', 'tea', 'juice', 'water'],
};

/**
 * A tiny corpus written so that structure is learnable in a 2-D bottleneck: fruit is eaten and ripe or sweet,
 * drinks are drunk and hot or cold, anyone can do either. Every combination once: 3 x 2 x 4 x 2 = 48 sentences.
 */
export function generatedCorpus(): string {
  const subjects = ['i', 'we', 'they'];
  const frames: [string, string[], string[]][] = [
    ['eat', ['ripe', 'sweet'], AE_GROUPS.fruit],
    ['drink', ['hot', 'cold'], AE_GROUPS.drinks],
  ];
  const lines: string[] = [];
  for (const s of subjects) for (const [verb, adjs, nouns] of frames) for (const a of adjs) for (const n of nouns) lines.push(`${s} ${verb} ${a} ${n}`);
  return lines.join('\n');
}
