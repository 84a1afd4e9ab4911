// fastText with subwords, trained on one thread: with the WebAssembly SIMD kernel (fastTextWasmKernel.ts) where the
// runtime has it and the model fits in wasm32 memory, else with the JavaScript kernel (fastTextKernel.ts); both make
// the same updates with the same random draws (tests/unit/fastTextWasmKernel.test.ts). This class owns
// the schedule (a learning rate falling linearly over all words of all epochs, as fastText's), down-sampling,
// progress, the running loss and the divergence guard; it answers as an EmbeddingTrainer (composed vectors of the
// vocabulary) and hands out the full model (FastTextVectors: any word, seen or not).
// Differences from Facebook's fastText, on purpose: the vocabulary is the lab's (no "</s>" line-end token), the
// random stream is the lab's seeded one, and the noise table is the lab's alias table (counts^0.5 as fastText).
import type { EncodedCorpus } from '../../text/corpus';
import { keepProbabilities, longestSentence, subsampleSentence } from '../../text/sampling';
import type { Vocab } from '../../text/vocab';
import { noiseTables, sigmoidTables } from '../../train/cpuTables';
import { RecentMean } from '../../train/recentMean';
import { Rng } from '../../train/rng';
import { DEFAULT_TRAIN_CONFIG, DivergenceError, type EmbeddingTrainer, type TrainConfig, type TrainProgress } from '../../train/types';
import { validateTrainConfig } from '../../train/validateConfig';
import { defaultArgs, FT_MODEL, type FastTextModelFile } from './fastTextBin';
import { makeFastTextScratch, trainSentenceFastText, type FastTextKernelModel, type FastTextKernelResult, type FastTextScratch } from './fastTextKernel';
import { FastTextVectors } from './fastTextVectors';
import { createFastTextWasm, type FastTextWasmKernel } from './fastTextWasmKernel';
import { buildSubwordTable, DEFAULT_MAXN, DEFAULT_MINN, subwordRows } from './ngrams';

export interface FastTextConfig extends TrainConfig {
  /** Shortest and longest character n-grams (fastText -minn / -maxn); maxn 0 = no subwords. */
  minn: number;
  maxn: number;
  /** Hash buckets for n-grams (fastText -bucket). */
  bucket: number;
}

/**
 * The lab's bucket default. fastText's own is 2,000,000, which at dim 100 is 800 MB of float32 rows: too much for a
 * browser tab. 200,000 buckets hold the ~150,000 distinct 3-6-grams of Brown with some collisions, in 80 MB.
 */
export const LAB_DEFAULT_BUCKET = 200_000;
/** Largest n-gram length accepted: fastText's default is 6; beyond ~10 n-grams are nearly whole words. */
export const MAX_NGRAM = 20;
/** More buckets than this would not fit a browser's 2 GiB ArrayBuffer limit at dim 100 with room to spare. */
export const MAX_BUCKET = 4_000_000;

/** fastText's own defaults (lr 0.05, t 1e-4, noise counts^0.5, n-grams 3-6), with the lab's bucket count. */
export const DEFAULT_FASTTEXT_CONFIG: FastTextConfig = {
  ...DEFAULT_TRAIN_CONFIG,
  alpha: 0.05,
  sample: 1e-4,
  nsExponent: 0.5,
  minn: DEFAULT_MINN,
  maxn: DEFAULT_MAXN,
  bucket: LAB_DEFAULT_BUCKET,
};

const LOSS_WINDOW_EXAMPLES = 20_000;
const SPEED_WINDOW_WORDS = 50_000;
/** fastText initialises input rows uniformly in +-1/dim (output rows at 0). */
const INIT_RANGE = 1;
const DIVERGENCE_ALPHA_FACTOR = 1 / 4;

export function validateFastTextConfig(c: Readonly<FastTextConfig>): void {
  validateTrainConfig(c);
  const problems: string[] = [];
  if (c.hs) problems.push('the lab trains fastText with negative sampling only: turn hierarchical softmax off (hs 0)');
  if (c.negative < 1) problems.push('fastText needs negative above 0');
  if (!Number.isInteger(c.minn) || c.minn < 1 || c.minn > MAX_NGRAM) problems.push(`minn must be a whole number from 1 to ${MAX_NGRAM}, got ${c.minn}`);
  if (!Number.isInteger(c.maxn) || c.maxn < 0 || c.maxn > MAX_NGRAM) problems.push(`maxn must be a whole number from 0 (no subwords) to ${MAX_NGRAM}, got ${c.maxn}`);
  if (c.maxn > 0 && c.maxn < c.minn) problems.push(`maxn (${c.maxn}) must be at least minn (${c.minn}), or 0 for no subwords`);
  if (!Number.isInteger(c.bucket) || c.bucket < 0 || c.bucket > MAX_BUCKET) problems.push(`bucket must be a whole number from 0 to ${MAX_BUCKET}, got ${c.bucket}`);
  if (c.maxn > 0 && c.bucket === 0) problems.push('bucket is 0, so n-grams have nowhere to go: set bucket above 0 or maxn to 0');
  if (problems.length > 0) throw new Error(`Invalid fastText settings: ${problems.join('; ')}.`);
}

const now = (): number => performance.now();

/** auto: the WebAssembly SIMD kernel when this runtime has it, else JavaScript; js / wasm: that one (wasm throws
 *  when it is unavailable). */
export type FastTextKernelChoice = 'auto' | 'js' | 'wasm';

export interface FastTextTrainerOptions {
  kernel?: FastTextKernelChoice;
}

export class FastTextTrainer implements EmbeddingTrainer {
  readonly engine = 'cpu';
  readonly kernel: 'wasm-simd' | 'js';
  readonly config: Readonly<FastTextConfig>;
  readonly vocab: Vocab;
  readonly dim: number;
  /** Buckets actually used: 0 when maxn = 0 (no n-gram rows are allocated then). */
  readonly bucket: number;
  private readonly corpus: EncodedCorpus;
  private readonly model: FastTextKernelModel;
  private readonly keep: Float32Array | null;
  private readonly wasm: FastTextWasmKernel | null;
  private readonly rng: Rng;
  private readonly sen: Int32Array;
  private readonly scratch: FastTextScratch;
  private readonly result: FastTextKernelResult = { lossSum: 0, examples: 0, diverged: false };
  private readonly wordsTotal: number;
  private readonly sentences: number;
  private epoch = 0;
  private sentence = 0;
  private wordsDone = 0;
  private trainSeconds = 0;
  private readonly loss = new RecentMean(LOSS_WINDOW_EXAMPLES);
  private readonly speed = new RecentMean(SPEED_WINDOW_WORDS);
  private disposed = false;

  constructor(corpus: EncodedCorpus, config: Readonly<FastTextConfig>, opts: FastTextTrainerOptions = {}) {
    validateFastTextConfig(config);
    this.config = { ...config };
    this.corpus = corpus;
    this.vocab = corpus.vocab;
    const dim = config.dim;
    this.dim = dim;
    const V = corpus.vocab.words.length;
    this.bucket = config.maxn > 0 ? config.bucket : 0;
    this.rng = new Rng(config.seed);
    const table = buildSubwordTable(corpus.vocab.words, config.minn, config.maxn, this.bucket);
    const tables = sigmoidTables();
    const noise = noiseTables(corpus.vocab.counts, config.nsExponent);
    const cbow = config.model === 'cbow';
    const maxSentence = Math.max(1, longestSentence(corpus));
    const bowLength = 2 * config.window * table.maxRows;
    const choice = opts.kernel ?? 'auto';
    this.wasm = choice === 'js' ? null : createFastTextWasm({
      dim, window: config.window, negative: config.negative, cbow, vocabSize: V, bucket: this.bucket,
      subOffsets: table.offsets, subRows: table.rows, selfOverlap: table.selfOverlap, tables, noise, bowLength, maxSentence,
    });
    if (!this.wasm && choice === 'wasm') throw new Error('WebAssembly SIMD is not available in this runtime (or the model does not fit in 2 GiB).');
    this.kernel = this.wasm ? 'wasm-simd' : 'js';
    // The WebAssembly kernel's rows live in its memory (zeroed); the same draws initialise either kernel's rows.
    const input = this.wasm ? this.wasm.input : new Float32Array((V + this.bucket) * dim);
    const range = INIT_RANGE / dim;
    for (let i = 0; i < input.length; i++) input[i] = (this.rng.nextFloat() * 2 - 1) * range;
    this.model = {
      dim,
      window: config.window,
      negative: config.negative,
      cbow,
      vocabSize: V,
      input,
      output: this.wasm ? this.wasm.output : new Float32Array(V * dim),
      subOffsets: table.offsets,
      subRows: table.rows,
      selfOverlap: table.selfOverlap,
      tables,
      noise,
    };
    this.keep = config.sample > 0 ? keepProbabilities(corpus.vocab, config.sample) : null;
    this.sen = this.wasm ? this.wasm.sen : new Int32Array(maxSentence);
    this.scratch = makeFastTextScratch(dim, config.window, table.maxRows);
    this.sentences = corpus.offsets.length - 1;
    this.wordsTotal = corpus.rawTokens * config.epochs;
  }

  get done(): boolean {
    return this.epoch >= this.config.epochs;
  }

  private currentAlpha(): number {
    const { alpha, minAlpha } = this.config;
    const a = alpha - (alpha - minAlpha) * (this.wordsDone / this.wordsTotal);
    return a > minAlpha ? a : minAlpha;
  }

  async run(maxWords: number): Promise<TrainProgress> {
    if (this.disposed) throw new Error('This trainer was disposed.');
    if (this.done) return this.progress();
    const t0 = now();
    const res = this.result;
    res.lossSum = 0;
    res.examples = 0;
    res.diverged = false;
    const rawLengths = this.corpus.rawLengths;
    let words = 0;
    while (words < maxWords && !this.done) {
      const s = this.sentence;
      const len = subsampleSentence(this.corpus, s, this.keep, this.rng, this.sen);
      if (this.wasm) this.wasm.train(len, this.currentAlpha(), this.rng, res);
      else trainSentenceFastText(this.model, this.sen, len, this.currentAlpha(), this.rng, this.scratch, res);
      if (res.diverged || !Number.isFinite(res.lossSum)) this.diverge();
      words += rawLengths[s];
      this.wordsDone += rawLengths[s];
      if (++this.sentence >= this.sentences) {
        this.sentence = 0;
        this.epoch++;
      }
    }
    const seconds = (now() - t0) / 1000;
    this.trainSeconds += seconds;
    this.speed.add(seconds, words);
    this.loss.add(res.lossSum, res.examples);
    return this.progress();
  }

  progress(): TrainProgress {
    const speedSeconds = this.speed.sum();
    return {
      epoch: Math.min(this.epoch, this.config.epochs),
      wordsDone: this.wordsDone,
      wordsTotal: this.wordsTotal,
      loss: this.loss.mean(),
      lr: this.currentAlpha(),
      wordsPerSec: speedSeconds > 0 ? this.speed.count() / speedSeconds : 0,
      seconds: this.trainSeconds,
      done: this.done,
    };
  }

  /** Every vocabulary word's vector, composed from its rows (what fastText writes to .vec). */
  vectors(): Float32Array {
    const V = this.model.vocabSize;
    const ids = new Int32Array(V);
    for (let i = 0; i < V; i++) ids[i] = i;
    return this.vectorsFor(ids);
  }

  vectorsFor(ids: ArrayLike<number>): Float32Array {
    const { dim, model } = this;
    const out = new Float32Array(ids.length * dim);
    for (let i = 0; i < ids.length; i++) {
      const w = ids[i];
      if (!(w >= 0 && w < model.vocabSize)) throw new RangeError(`vectorsFor: word id ${w} is outside 0..${model.vocabSize - 1}.`);
      const from = model.subOffsets[w];
      const to = model.subOffsets[w + 1];
      for (let k = from; k < to; k++) {
        const base = model.subRows[k] * dim;
        for (let d = 0; d < dim; d++) out[i * dim + d] += model.input[base + d];
      }
      const inv = 1 / (to - from);
      for (let d = 0; d < dim; d++) out[i * dim + d] *= inv;
    }
    return out;
  }

  /** Any word's vector from the current rows (fastText's getWordVector), without copying the model. */
  vectorOf(word: string): Float32Array {
    const id = this.vocab.index.get(word);
    const { minn, maxn } = this.config;
    const { rows } = subwordRows(word, id, this.model.vocabSize, minn, maxn, this.bucket);
    const dim = this.dim;
    const v = new Float32Array(dim);
    for (let k = 0; k < rows.length; k++) {
      const base = rows[k]! * dim;
      for (let d = 0; d < dim; d++) v[d] += this.model.input[base + d]!;
    }
    if (rows.length > 0) for (let d = 0; d < dim; d++) v[d] /= rows.length;
    return v;
  }

  /** The trained model (a copy of its rows): vectors for any word, n-gram shares, neighbours. */
  subwordVectors(): FastTextVectors {
    const { minn, maxn } = this.config;
    return new FastTextVectors(this.vocab.words, this.model.input.slice(), this.dim, { minn, maxn, bucket: this.bucket });
  }

  /** The model in fastText's .bin layout (fastTextBin.ts), settings included. */
  toFastTextFile(): FastTextModelFile {
    const c = this.config;
    return {
      args: defaultArgs({
        dim: c.dim, ws: c.window, epoch: c.epochs, minCount: c.minCount, neg: c.negative, bucket: this.bucket,
        minn: c.minn, maxn: c.maxn, t: c.sample, model: c.model === 'cbow' ? FT_MODEL.cbow : FT_MODEL.sg,
      }),
      words: [...this.vocab.words],
      counts: Float64Array.from(this.vocab.counts),
      ntokens: this.corpus.rawTokens,
      input: this.model.input.slice(),
      output: this.model.output.slice(),
    };
  }

  /** The output rows (vocabulary x dim), for inspection. */
  outputVectors(): Float32Array {
    return this.model.output.slice();
  }

  dispose(): void {
    this.disposed = true;
  }

  private diverge(): never {
    const alpha = this.currentAlpha();
    const suggested = this.config.alpha * DIVERGENCE_ALPHA_FACTOR;
    throw new DivergenceError(
      `Training diverged at word ${this.wordsDone.toLocaleString('en-US')} of ${this.wordsTotal.toLocaleString('en-US')} ` +
        `(epoch ${this.epoch + 1}): with learning rate ${Number(alpha.toPrecision(3))} the scores grew past ±1e6 or became NaN. ` +
        `Try alpha = ${Number(suggested.toPrecision(3))}.`,
      suggested,
    );
  }
}

export function createFastTextTrainer(corpus: EncodedCorpus, config: Readonly<FastTextConfig>, opts: FastTextTrainerOptions = {}): FastTextTrainer {
  return new FastTextTrainer(corpus, config, opts);
}
