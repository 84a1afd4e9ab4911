// The contract every embedding trainer honours: the typed-array CPU engine, the TensorFlow.js engine, and later
// GloVe or fastText-style trainers. The worker, the CLI, the bench and the tests only ever talk to this interface.
import type { Vocab } from '../text/vocab';

export type ModelKind = 'skipgram' | 'cbow';

/** Engines the core knows. `tfjs-*` names pick a TensorFlow.js backend; `cpu` is the typed-array engine. */
export type EngineName = 'cpu' | 'tfjs-webgpu' | 'tfjs-webgl' | 'tfjs-wasm' | 'tfjs-cpu';

/** Hyper-parameters, named as in gensim / word2vec.c. Defaults are gensim's (see DEFAULT_TRAIN_CONFIG). */
export interface TrainConfig {
  model: ModelKind;
  dim: number;
  window: number;
  /** Negative samples per positive pair; 0 with hs = true means pure hierarchical softmax. */
  negative: number;
  /** Hierarchical softmax over a Huffman tree. */
  hs: boolean;
  minCount: number;
  /** Keep at most this many most frequent words (0 = no limit). */
  maxVocab: number;
  /** Frequent-word down-sampling threshold (word2vec's `sample`; 0 disables). */
  sample: number;
  alpha: number;
  minAlpha: number;
  epochs: number;
  seed: number;
  /** Worker threads for engines that support them (1 = deterministic). */
  threads: number;
  /** Exponent of the unigram noise distribution (0.75 in word2vec). */
  nsExponent: number;
  /** Pairs per batch for batched engines (tfjs); ignored by the cpu engine. */
  batchSize: number;
}

export const DEFAULT_TRAIN_CONFIG: TrainConfig = {
  model: 'skipgram',
  dim: 100,
  window: 5,
  negative: 5,
  hs: false,
  minCount: 5,
  maxVocab: 0,
  sample: 1e-3,
  alpha: 0.025,
  minAlpha: 0.0001,
  epochs: 5,
  seed: 1,
  threads: 1,
  nsExponent: 0.75,
  batchSize: 1024,
};

export interface TrainProgress {
  epoch: number; // 0-based epoch in progress (== epochs when done)
  /** Corpus tokens processed so far, counted over all epochs (raw tokens, as gensim/word2vec.c count them). */
  wordsDone: number;
  /** rawTokens * epochs */
  wordsTotal: number;
  /** Mean negative log-likelihood per training pair over the recent window of pairs (NaN before the first pair). */
  loss: number;
  /** Current learning rate. */
  lr: number;
  /** Training-only throughput over the recent window. */
  wordsPerSec: number;
  /** Training seconds so far (excludes vocabulary building). */
  seconds: number;
  done: boolean;
}

/**
 * Learning rates known to train stably: word2vec.c's and gensim's defaults for each model, used on corpora of every
 * size. A suggestion after a divergence never goes above these.
 */
export const STABLE_ALPHA: Record<ModelKind, number> = { skipgram: 0.025, cbow: 0.05 };
/** A tenth of the rate that failed: one step down an order of magnitude, rather than quarters that need several tries. */
export const DIVERGENCE_ALPHA_FRACTION = 0.1;
/** Below this a run of a few epochs barely moves the vectors: suggesting less would trade a divergence for no learning. */
export const MIN_SUGGESTED_ALPHA = 1e-4;

/**
 * The learning rate to suggest after `failed` diverged, chosen to work in one try: a tenth of it, but never above
 * the model's stable default (alpha 50 -> 0.025 at once, not 12.5, 3.1, 0.78, 0.2 in four failed runs) and never
 * below MIN_SUGGESTED_ALPHA.
 */
export function suggestAlpha(failed: number, model: ModelKind): number {
  return Math.max(MIN_SUGGESTED_ALPHA, Math.min(failed * DIVERGENCE_ALPHA_FRACTION, STABLE_ALPHA[model]));
}

/** Thrown (or reported) when the loss or weights turn non-finite. Carries a human explanation and a suggestion. */
export class DivergenceError extends Error {
  readonly suggestedAlpha: number;
  constructor(message: string, suggestedAlpha: number) {
    super(message);
    this.name = 'DivergenceError';
    this.suggestedAlpha = suggestedAlpha;
  }
}

/**
 * One trainer instance owns its weights. Work is done in chunks so that a worker can pause, stream progress and
 * answer messages between chunks.
 */
export interface EmbeddingTrainer {
  readonly engine: EngineName | string;
  readonly config: Readonly<TrainConfig>;
  readonly vocab: Vocab;
  readonly dim: number;
  /** Train on at most `maxWords` more corpus tokens (rounded up to whole sentences); resolves with progress. */
  run(maxWords: number): Promise<TrainProgress>;
  progress(): TrainProgress;
  readonly done: boolean;
  /** The input embeddings (syn0) as a row-major vocab.size x dim copy. */
  vectors(): Float32Array;
  /** Input vectors for a subset of word ids (row-major ids.length x dim), for map snapshots. */
  vectorsFor(ids: ArrayLike<number>): Float32Array;
  dispose(): void;
}
