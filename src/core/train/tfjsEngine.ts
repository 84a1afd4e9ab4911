// The TensorFlow.js engine: word2vec (skip-gram / CBOW x negative sampling / hierarchical softmax) in batches on a
// tfjs backend (webgpu, webgl, wasm or cpu). Same semantics as the typed-array cpu engine: the corpus walk,
// down-sampling, reduced windows and noise distribution come from the same code (tfjsBatch.ts -> sampling.ts), the
// learning rate decays linearly with the words done, and the loss is the mean negative log-likelihood per example.
// With the same seed it even draws the same initial vectors, windows and noise words as the cpu engine. The
// differences: a batch's gradients are all taken at the same weights and summed (minibatch SGD, see tfjsStep.ts and
// tfjsRows.ts; the batch shrinks for tiny vocabularies, tfjsBatchSize.ts), where word2vec.c applies them one example
// after the other; and sigmoid is exact, where the cpu engine uses word2vec.c's table (and, like it, skips
// saturated hierarchical-softmax nodes).
//
// Weights live on the backend as tf.Variables; JavaScript only builds index arrays. After each chunk the loss of
// every batch is read back at once (one GPU sync per chunk, not per batch), checked for divergence, and the input
// vectors are copied into a JavaScript mirror so that vectors() and vectorsFor() stay synchronous and cheap.
import * as tf from '@tensorflow/tfjs';
import type { EncodedCorpus } from '../text/corpus';
import { Rng } from './rng';
import { allocateBatch, BatchBuilder, type Batch } from './tfjsBatch';
import { activateTfjsBackend, type TfjsBackendName } from './tfjsBackend';
import { createRowOps, type RowOps, type ScatterStrategy } from './tfjsRows';
import { trainStep, type Tables } from './tfjsStep';
import { validateTrainConfig } from './validateConfig';
import { DivergenceError, suggestAlpha, type EmbeddingTrainer, type EngineName, type TrainConfig, type TrainProgress } from './types';

export { BackendUnavailableError, type TfjsBackendName } from './tfjsBackend';

/** The running loss averages the most recent batches that hold at least this many examples (a few batches). */
const LOSS_WINDOW_EXAMPLES = 20_000;
/** Words/s is measured over the most recent chunks that last at least this long, so one slow chunk does not jump. */
const RATE_WINDOW_SECONDS = 2;
/**
 * A chunk whose mean loss per example exceeds this has diverged: training starts near (1 + negative) ln 2 (about 4
 * with 5 negatives) and only falls, while one exploding score s costs about |s|. NaN fails the test too. (The cpu
 * engine checks each score against 1e6; per-score checks would cost extra passes here.)
 */
const DIVERGED_MEAN_LOSS = 1000;
/** Larger batches only add memory (B x (K+1) x d floats per block) once the backend is busy; this bounds it. */
const MAX_BATCH = 65_536;

export interface TfjsTrainerOptions {
  /** Force a scatter strategy (tests compare both); the default suits the backend (tfjsRows.ts). */
  scatter?: ScatterStrategy;
  /** Told when a setting is adjusted (the batch size for a small vocabulary, see tfjsBatchSize.ts). */
  onLog?: (msg: string) => void;
}

/**
 * Start `backend` and make a trainer on it. Throws BackendUnavailableError when the backend cannot run here, and a
 * plain Error naming the bad setting when the config cannot be trained.
 */
export async function createTfjsTrainer(
  corpus: EncodedCorpus,
  config: TrainConfig,
  backend: TfjsBackendName,
  options: TfjsTrainerOptions = {},
): Promise<EmbeddingTrainer> {
  validateTfjsConfig(config);
  await activateTfjsBackend(backend);
  const trainer = new TfjsTrainer(corpus, { ...config }, backend, createRowOps(backend, options.scatter));
  if (trainer.batchNote) options.onLog?.(trainer.batchNote);
  return trainer;
}

/** The shared checks (validateConfig.ts) plus the one setting only batched engines have. */
export function validateTfjsConfig(c: TrainConfig): void {
  validateTrainConfig(c);
  if (!Number.isInteger(c.batchSize) || c.batchSize < 1 || c.batchSize > MAX_BATCH) {
    throw new Error(`Invalid training settings: batchSize must be a whole number from 1 to ${MAX_BATCH}, got ${c.batchSize}.`);
  }
}

/** word2vec.c's initialisation, drawn exactly as the cpu engine draws it (same seed, same vectors): input vectors
 *  uniform in [-0.5/d, 0.5/d), output vectors zero. */
export function initialInputVectors(vocabSize: number, dim: number, rng: Rng): Float32Array {
  const v = new Float32Array(vocabSize * dim);
  for (let i = 0; i < v.length; i++) v[i] = (rng.nextFloat() - 0.5) / dim;
  return v;
}

class TfjsTrainer implements EmbeddingTrainer {
  readonly engine: EngineName;
  readonly config: Readonly<TrainConfig>;
  readonly dim: number;
  /** Why the batch size was lowered, or null. */
  readonly batchNote: string | null;
  private readonly tables: Tables;
  private readonly builder: BatchBuilder;
  private readonly batch: Batch;
  private readonly wordsTotal: number;
  private mirror: Float32Array;
  private recentLosses: { sum: number; examples: number }[] = [];
  private recentRates: { words: number; seconds: number }[] = [];
  private seconds = 0;
  private lr: number;
  private disposed = false;

  constructor(
    private readonly corpus: EncodedCorpus,
    config: TrainConfig,
    private readonly backend: TfjsBackendName,
    private readonly ops: RowOps,
  ) {
    this.engine = `tfjs-${backend}`;
    this.dim = config.dim;
    const V = corpus.vocab.words.length;
    const rng = new Rng(config.seed);
    this.mirror = initialInputVectors(V, config.dim, rng);
    this.builder = new BatchBuilder(corpus, config, rng);
    // The config reports the batch size really used, so that the UI and the CLI show it.
    this.config = { ...config, batchSize: this.builder.layout.size };
    this.batchNote = this.builder.batchChoice.note;
    this.batch = allocateBatch(this.builder.layout);
    this.wordsTotal = corpus.rawTokens * config.epochs;
    this.lr = config.alpha;
    const makeVar = (init: tf.Tensor2D): tf.Variable<tf.Rank.R2> => {
      const v = tf.variable(init, true);
      init.dispose(); // the variable holds its own copy
      return v;
    };
    this.tables = {
      syn0: makeVar(tf.tensor2d(this.mirror, [V, config.dim])),
      syn1neg: config.negative > 0 ? makeVar(tf.zeros([V, config.dim])) : null,
      syn1: config.hs ? makeVar(tf.zeros([V, config.dim])) : null,
    };
  }

  get vocab() {
    return this.corpus.vocab;
  }
  get done(): boolean {
    return this.builder.done;
  }

  async run(maxWords: number): Promise<TrainProgress> {
    if (this.disposed) throw new Error('This tfjs trainer was disposed.');
    if (this.builder.done) return this.progress();
    await activateTfjsBackend(this.backend); // another trainer may have switched the global tfjs backend meanwhile
    const t0 = performanceNow();
    const wordsBefore = this.builder.wordsDone;
    const limit = wordsBefore + Math.max(1, maxWords);
    const backup = this.snapshotTables();
    const losses: tf.Scalar[] = [];
    const examples: number[] = [];
    try {
      for (;;) {
        this.lr = this.learningRate(this.builder.wordsDone);
        const n = this.builder.fill(this.batch, limit);
        if (n === 0) break;
        losses.push(trainStep(this.tables, this.batch, this.lr, this.ops));
        examples.push(n);
      }
      const sums = await readScalars(losses);
      const chunkLoss = sums.reduce((a, b) => a + b, 0);
      const chunkExamples = examples.reduce((a, b) => a + b, 0);
      if (!(chunkLoss <= DIVERGED_MEAN_LOSS * chunkExamples) || !(await this.weightsFinite())) {
        this.restore(backup);
        throw this.divergence(wordsBefore);
      }
      sums.forEach((sum, i) => this.recentLosses.push({ sum, examples: examples[i] }));
      trimWindow(this.recentLosses, (e) => e.examples, LOSS_WINDOW_EXAMPLES);
      this.mirror = (await this.tables.syn0.data()) as Float32Array;
    } finally {
      for (const t of losses) t.dispose();
      for (const t of backup) t.dispose();
    }
    const secs = (performanceNow() - t0) / 1000;
    this.seconds += secs;
    this.recentRates.push({ words: this.builder.wordsDone - wordsBefore, seconds: secs });
    trimWindow(this.recentRates, (e) => e.seconds, RATE_WINDOW_SECONDS);
    return this.progress();
  }

  progress(): TrainProgress {
    let lossSum = 0;
    let lossN = 0;
    for (const e of this.recentLosses) {
      lossSum += e.sum;
      lossN += e.examples;
    }
    let words = 0;
    let secs = 0;
    for (const e of this.recentRates) {
      words += e.words;
      secs += e.seconds;
    }
    const done = this.builder.done;
    return {
      epoch: done ? this.config.epochs : this.builder.epoch,
      wordsDone: done ? this.wordsTotal : this.builder.wordsDone,
      wordsTotal: this.wordsTotal,
      loss: lossN > 0 ? lossSum / lossN : NaN,
      lr: this.lr,
      wordsPerSec: secs > 0 ? words / secs : 0,
      seconds: this.seconds,
      done,
    };
  }

  vectors(): Float32Array {
    return this.mirror.slice();
  }

  vectorsFor(ids: ArrayLike<number>): Float32Array {
    const d = this.dim;
    const V = this.corpus.vocab.words.length;
    const out = new Float32Array(ids.length * d);
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i];
      if (!(id >= 0 && id < V)) throw new RangeError(`vectorsFor: word id ${id} is outside the vocabulary 0..${V - 1}.`);
      out.set(this.mirror.subarray(id * d, id * d + d), i * d);
    }
    return out;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const t of this.tableList()) t.dispose();
  }

  /** gensim's schedule: linear from alpha to minAlpha over all words of all epochs. */
  private learningRate(wordsDone: number): number {
    const { alpha, minAlpha } = this.config;
    const progress = Math.min(1, wordsDone / Math.max(1, this.wordsTotal));
    return Math.max(minAlpha, alpha - (alpha - minAlpha) * progress);
  }

  private tableList(): tf.Variable<tf.Rank.R2>[] {
    const { syn0, syn1neg, syn1 } = this.tables;
    return [syn0, ...(syn1neg ? [syn1neg] : []), ...(syn1 ? [syn1] : [])];
  }

  private snapshotTables(): tf.Tensor[] {
    return this.tableList().map((t) => tf.clone(t));
  }

  private restore(backup: tf.Tensor[]): void {
    this.tableList().forEach((t, i) => t.assign(backup[i] as tf.Tensor2D));
  }

  /** One reduction per table: the sum of squares is non-finite exactly when some weight is (or is huge). */
  private async weightsFinite(): Promise<boolean> {
    const s = tf.tidy(() => tf.stack(this.tableList().map((t) => tf.sum(tf.square(t)))));
    const v = await s.data();
    s.dispose();
    return v.every((x) => Number.isFinite(x));
  }

  private divergence(wordsBefore: number): DivergenceError {
    const suggested = suggestAlpha(this.config.alpha, this.config.model);
    const fmt = (x: number): string => x.toLocaleString('en-US');
    return new DivergenceError(
      `Training diverged on ${this.engine} between words ${fmt(wordsBefore)} and ${fmt(this.builder.wordsDone)} of ` +
        `${fmt(this.wordsTotal)} (epoch ${this.builder.epoch + 1}): with learning rate ${formatRate(this.lr)} the ` +
        `loss per example grew past ${DIVERGED_MEAN_LOSS} or became NaN (the scores h.u are exploding). The weights were put back as they ` +
        `were at word ${fmt(wordsBefore)}. Try alpha = ${formatRate(suggested)}, or a smaller batch size (a batch ` +
        `sums the updates of every word it repeats).`,
      suggested,
    );
  }
}

function formatRate(x: number): string {
  return Number(x.toPrecision(3)).toString();
}

/** Read many scalars with one backend sync. */
async function readScalars(scalars: tf.Scalar[]): Promise<number[]> {
  if (scalars.length === 0) return [];
  const stacked = tf.stack(scalars);
  const values = await stacked.data();
  stacked.dispose();
  return Array.from(values);
}

/** Drop the oldest entries while the newer ones still reach `target`. */
function trimWindow<T>(list: T[], size: (e: T) => number, target: number): void {
  let total = 0;
  for (const e of list) total += size(e);
  while (list.length > 1 && total - size(list[0]) >= target) total -= size(list.shift()!);
}

function performanceNow(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}
