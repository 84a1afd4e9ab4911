// A trained (or training) masked-language model as the registry's ContextualModel: encode sentences into one vector
// per token, guess masked words, show attention. It reads weight tensors it does not own (a trainer's variables or a
// loaded file's tensors) on whatever tfjs backend is active.
import * as tf from '@tensorflow/tfjs';
import type { AttentionMaps, ContextualModel, MaskedGuesses } from '../types';
import { plainBatch } from './mlmBatches';
import { readMlmFile, writeMlmFile } from './mlmFile';
import { MASK_ID, MlmTokenizer, SPECIAL_TOKENS } from './mlmTokenizer';
import { forward, maskedLogProbs, weightNames, weightShape, type TransformerShape, type Weights } from './transformer';

/** Sentences encoded per forward pass: bounds the [B, heads, T, T] attention tensors' memory. */
const ENCODE_BATCH = 64;

export class MlmModel implements ContextualModel {
  readonly kind = 'contextual';
  readonly tokenizer: MlmTokenizer;

  constructor(
    readonly shape: TransformerShape,
    tokens: readonly string[],
    private readonly weights: Weights,
    readonly meta: Record<string, unknown> = {},
    /** True when the tensors belong to this model (a loaded file), so dispose() frees them. */
    private readonly ownsWeights = false,
  ) {
    if (tokens.length !== shape.vocab) throw new Error(`${tokens.length} tokens for a vocabulary of ${shape.vocab}.`);
    if (tokens.slice(0, SPECIAL_TOKENS.length).join() !== SPECIAL_TOKENS.join()) throw new Error(`The token list must start with ${SPECIAL_TOKENS.join(', ')}.`);
    this.tokenizer = new MlmTokenizer(tokens.slice(SPECIAL_TOKENS.length));
  }

  get dim(): number {
    return this.shape.dim;
  }

  get tokens(): readonly string[] {
    return this.tokenizer.tokens;
  }

  /** The longest sentence, in tokens, the model reads (its position table). */
  get maxLen(): number {
    return this.shape.maxLen;
  }

  private ids(sentence: readonly string[], which: number): Int32Array {
    if (sentence.length === 0) throw new Error(`Sentence ${which + 1} has no words.`);
    if (sentence.length > this.shape.maxLen) {
      throw new Error(`Sentence ${which + 1} has ${sentence.length} words; this model reads at most ${this.shape.maxLen}.`);
    }
    return this.tokenizer.encode(sentence);
  }

  async encode(sentences: readonly (readonly string[])[]): Promise<Float32Array[]> {
    const out: Float32Array[] = [];
    for (let from = 0; from < sentences.length; from += ENCODE_BATCH) {
      const part = sentences.slice(from, from + ENCODE_BATCH).map((s, i) => this.ids(s, from + i));
      const b = plainBatch(part, this.shape.maxLen);
      const hidden = tf.tidy(() => forward(this.weights, this.shape, tf.tensor2d(b.ids, [b.size, b.length], 'int32'), tf.tensor2d(b.keep, [b.size, b.length])).hidden);
      const all = (await hidden.data()) as Float32Array;
      hidden.dispose();
      const d = this.shape.dim;
      part.forEach((s, r) => out.push(all.slice(r * b.length * d, (r * b.length + s.length) * d)));
    }
    return out;
  }

  async predictMasked(sentence: readonly string[], k: number): Promise<MaskedGuesses[]> {
    const ids = this.ids(sentence, 0);
    const positions = [...ids.keys()].filter((i) => ids[i] === MASK_ID);
    if (positions.length === 0) return [];
    const b = plainBatch([ids], this.shape.maxLen);
    const top = Math.min(k, this.shape.vocab - SPECIAL_TOKENS.length);
    const [values, indices] = tf.tidy(() => {
      const { hidden } = forward(this.weights, this.shape, tf.tensor2d(b.ids, [1, b.length], 'int32'), tf.tensor2d(b.keep, [1, b.length]));
      const logp = maskedLogProbs(this.weights, hidden, tf.tensor1d(Int32Array.from(positions), 'int32'));
      // Special tokens are never a guess: drop their columns before ranking.
      const words = tf.slice(logp, [0, SPECIAL_TOKENS.length], [positions.length, this.shape.vocab - SPECIAL_TOKENS.length]);
      const t = tf.topk(words, top);
      return [tf.exp(t.values), t.indices];
    });
    const p = (await values.data()) as Float32Array;
    const idx = (await indices.data()) as Int32Array;
    values.dispose();
    indices.dispose();
    return positions.map((position, r) => ({
      position,
      guesses: Array.from({ length: top }, (_, j) => ({ token: this.tokenizer.tokenOf(idx[r * top + j]! + SPECIAL_TOKENS.length), p: p[r * top + j]! })),
    }));
  }

  async attention(sentence: readonly string[]): Promise<AttentionMaps> {
    const ids = this.ids(sentence, 0);
    const n = ids.length;
    const b = plainBatch([ids], this.shape.maxLen);
    const stacked = tf.tidy(() => {
      const { attention } = forward(this.weights, this.shape, tf.tensor2d(b.ids, [1, b.length], 'int32'), tf.tensor2d(b.keep, [1, b.length]), true);
      // [layers, heads, T, T] without the padding rows and columns.
      return tf.slice(tf.concat(attention, 0), [0, 0, 0, 0], [this.shape.layers, this.shape.heads, n, n]);
    });
    const weights = (await stacked.data()) as Float32Array;
    stacked.dispose();
    return { tokens: this.tokenizer.decode(ids), layers: this.shape.layers, heads: this.shape.heads, weights };
  }

  private tokenTable: Float32Array | null = null;
  private tokenNorms: Float32Array | null = null;

  /** The model's own context-free vector of a token: its row of the token embedding (input and output, tied). */
  tokenVector(token: string): Float32Array {
    const d = this.shape.dim;
    const id = this.tokenizer.idOf(token);
    return this.table().slice(id * d, (id + 1) * d);
  }

  /** The k words whose token embeddings are nearest (cosine) to a vector: what the output layer leans towards. */
  nearestTokens(v: Float32Array, k: number, exclude: ReadonlySet<string> = new Set()): { token: string; cosine: number }[] {
    const d = this.shape.dim;
    const t = this.table();
    const norms = this.tokenNorms!;
    let nv = 0;
    for (let j = 0; j < d; j++) nv += v[j]! * v[j]!;
    nv = Math.sqrt(nv) || 1;
    const scored: { token: string; cosine: number }[] = [];
    for (let id = SPECIAL_TOKENS.length; id < this.shape.vocab; id++) {
      const tok = this.tokenizer.tokenOf(id);
      if (exclude.has(tok)) continue;
      let dot = 0;
      for (let j = 0; j < d; j++) dot += v[j]! * t[id * d + j]!;
      scored.push({ token: tok, cosine: dot / (nv * (norms[id]! || 1)) });
    }
    scored.sort((a, b) => b.cosine - a.cosine);
    return scored.slice(0, k);
  }

  /** The token embedding, read once (a trainer's live model re-reads it by asking its trainer for a new model). */
  private table(): Float32Array {
    if (!this.tokenTable) {
      const t = readNow(this.weights.tok!);
      const d = this.shape.dim;
      const norms = new Float32Array(this.shape.vocab);
      for (let id = 0; id < this.shape.vocab; id++) {
        let s = 0;
        for (let j = 0; j < d; j++) s += t[id * d + j]! * t[id * d + j]!;
        norms[id] = Math.sqrt(s);
      }
      this.tokenTable = t;
      this.tokenNorms = norms;
    }
    return this.tokenTable;
  }

  /** Free the weights when this model owns them (a trainer's model leaves its variables to the trainer). */
  dispose(): void {
    if (this.ownsWeights) for (const t of Object.values(this.weights)) t.dispose();
  }

  /** Copies of every weight, in file order. */
  weightArrays(): Map<string, Float32Array> {
    return new Map(weightNames(this.shape).map((n) => [n, readNow(this.weights[n]!)]));
  }

  save(meta: Record<string, unknown> = this.meta): Uint8Array {
    return writeMlmFile({ shape: this.shape, tokens: [...this.tokens], weights: this.weightArrays(), meta });
  }
}

/**
 * A synchronous read, for the backends that have one. tfjs's WebGPU backend only emulates it (through a canvas; it
 * returned zeros on Chromium's software WebGPU), so there it is refused: the lab's WebGPU training reads only
 * through the asynchronous paths (encode, predictMasked, attention), and the playground's model lives on the cpu
 * backend.
 */
function readNow(t: tf.Tensor): Float32Array {
  if (tf.getBackend() === 'webgpu') throw new Error('Weights cannot be read synchronously on the WebGPU backend: load the model on the cpu or wasm backend to read its token table or save it.');
  return t.dataSync() as Float32Array;
}

/** Load a .elcm file as a model whose tensors live on the active backend (free them with dispose()). */
export function loadMlmModel(bytes: Uint8Array, name?: string): MlmModel {
  const f = readMlmFile(bytes, name);
  const weights: Weights = {};
  for (const [n, a] of f.weights) weights[n] = tf.tensor(a, weightShape(f.shape, n));
  return new MlmModel(f.shape, f.tokens, weights, f.meta, true);
}
