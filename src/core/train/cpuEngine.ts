// The typed-array word2vec engine with word2vec.c semantics: syn0 uniform in +-0.5/dim, output weights zero,
// down-sampling per token per epoch, reduced windows, a learning rate falling linearly from alpha to minAlpha over
// all epochs by words processed, skip-gram / CBOW x negative sampling / hierarchical softmax.
// The hot loop lives in a kernel (the WebAssembly SIMD one when the runtime has it, else plain JS); this class
// owns the schedule, the progress, the running loss and the divergence guard.
// Loss: the mean negative log-likelihood per example (skip-gram: one context word -> centre; CBOW: one window ->
// centre), each including its negatives' or Huffman nodes' terms. It is computed for every example at the cost of
// one table load per term (cpuTables.ts), not on a sample. Threads > 1 (Node only) run Hogwild: hogwildNode.ts.
import type { EncodedCorpus } from '../text/corpus';
import { isCorpusStream, type CorpusStream } from '../text/corpusStream';
import { keepProbabilities, longestSentence, subsampleSentence } from '../text/sampling';
import type { Vocab } from '../text/vocab';
import { noiseTables, sigmoidTables } from './cpuTables';
import { makeScratch, trainSentenceJs, type KernelModel, type KernelResult, type KernelScratch } from './cpuKernel';
import { buildHuffman } from './huffman';
import { RecentMean } from './recentMean';
import { Rng } from './rng';
import { createWasmKernel, type WasmKernel, type WasmKernelParams } from './wasmKernel';
import { DivergenceError, suggestAlpha, type EmbeddingTrainer, type TrainConfig, type TrainProgress } from './types';
import { validateTrainConfig } from './validateConfig';
import { copyWarmRows, warmRows, type WarmStart } from './warmStart';

/** The running loss averages at least this many recent examples (two buckets of this size, the older dropped). */
const LOSS_WINDOW_EXAMPLES = 20_000;
/** Words/s averages at least this many recent corpus tokens. */
const SPEED_WINDOW_WORDS = 50_000;
/** Weights are copied aside (to restore after a divergence) at most once per this many corpus tokens. */
const SNAPSHOT_EVERY_WORDS = 200_000;

/** Which hot loop: 'auto' takes WebAssembly SIMD when the runtime has it, else plain JavaScript. */
export type CpuKernelChoice = 'auto' | 'wasm' | 'js';

export interface CpuEngineOptions {
  onLog?: (msg: string) => void;
  kernel?: CpuKernelChoice;
  /** Lay the weights out in shared memory with scratch for this many threads (set by the Hogwild runner). */
  sharedThreads?: number;
  /** Continue an old model: shared words start from its input (and, if given, output) rows. */
  warmStart?: WarmStart;
}

/** How helper threads schedule their learning rate: the same linear decay, from an estimate of global progress. */
export interface SliceSchedule {
  wordsBefore: number;
  wordsTotal: number;
  alpha: number;
  minAlpha: number;
  /** Threads working at once: a thread that did w words estimates the global progress as wordsBefore + w * threads. */
  threads: number;
}

export interface SliceResult {
  lossSum: number;
  examples: number;
  diverged: boolean;
  words: number;
}

/** Helper threads that train sentence ranges on the same (shared) weights, Hogwild style. */
export interface ParallelRunner {
  /** Helper threads (the calling thread works too, so threads = helpers + 1). */
  readonly helpers: number;
  /** Train one slice [from, to) per helper; resolves when all are done. */
  run(slices: readonly { from: number; to: number }[], schedule: SliceSchedule): Promise<SliceResult[]>;
  /** A streamed corpus moved on to its next piece: slices index into this one from now on. */
  usePiece(piece: EncodedCorpus): void;
  dispose(): void;
}

interface Snapshot {
  syn0: Float32Array;
  syn1neg: Float32Array;
  syn1: Float32Array;
  rng: [number, number, number, number];
  epoch: number;
  sentence: number;
  wordsDone: number;
}

const now = (): number => performance.now();

/** The piece of a streamed corpus before the first read and after the last pass. */
const EMPTY_PIECE: EncodedCorpus = {
  vocab: { words: [], counts: new Float64Array(0), index: new Map(), keptTokens: 0, rawTokens: 0 },
  ids: new Int32Array(0),
  offsets: new Int32Array(1),
  rawLengths: new Int32Array(0),
  rawTokens: 0,
};

export class CpuTrainer implements EmbeddingTrainer {
  readonly engine: string = 'cpu';
  readonly config: Readonly<TrainConfig>;
  readonly vocab: Vocab;
  readonly dim: number;
  /** The hot loop in use: 'wasm-simd' (WebAssembly, 4 float lanes) or 'js'. */
  readonly kernel: 'wasm-simd' | 'js';

  /** The corpus, or with a streamed corpus the piece being trained; sentence indices point into it. */
  private piece: EncodedCorpus;
  /** A streamed corpus (the CLI's big files), read piece by piece, pass after pass; null = all in memory. */
  private readonly stream: CorpusStream | null;
  private pieces: AsyncIterator<EncodedCorpus> | null = null;
  /** The WebAssembly kernel when in use; its memory holds the weights (shared when sharedThreads > 1). */
  readonly wasm: WasmKernel | null;
  /** What a helper thread needs to rebuild this trainer's kernel (see hogwildNode.ts). */
  readonly kernelParams: WasmKernelParams;
  /** Per-word keep probabilities of down-sampling (null when sample = 0). */
  readonly keep: Float32Array | null;
  private parallel: ParallelRunner | null = null;
  private parallelBusy = false;
  /** Floats between consecutive rows of the weight matrices (dim, or dim padded to 4 for SIMD). */
  private readonly stride: number;
  private readonly model: KernelModel;
  private readonly rng: Rng;
  private readonly sen: Int32Array;
  private readonly scratch: KernelScratch;
  private readonly result: KernelResult = { lossSum: 0, examples: 0, diverged: false };
  private readonly wordsTotal: number;
  /** Sentences in `piece`. */
  private sentences: number;
  private epoch = 0;
  private sentence = 0;
  private wordsDone = 0;
  private trainSeconds = 0;
  private readonly loss = new RecentMean(LOSS_WINDOW_EXAMPLES);
  private readonly speed = new RecentMean(SPEED_WINDOW_WORDS);
  private snapshot: Snapshot | null = null;
  private snapshotWords = -Infinity;
  private disposed = false;
  /** Words that started from a warm start's rows (0 without one). */
  warmShared = 0;

  constructor(corpus: EncodedCorpus | CorpusStream, config: Readonly<TrainConfig>, opts: CpuEngineOptions = {}) {
    validateTrainConfig(config);
    this.config = { ...config };
    this.stream = isCorpusStream(corpus) ? corpus : null;
    // A stream's first piece is read by the first run(); until then there is nothing to train.
    this.piece = this.stream ? EMPTY_PIECE : (corpus as EncodedCorpus);
    this.vocab = corpus.vocab;
    this.dim = config.dim;
    const V = corpus.vocab.words.length;
    const dim = config.dim;
    if (config.threads > 1 && !opts.sharedThreads) {
      opts.onLog?.(`Hogwild threads run only under Node; training on 1 thread (asked for ${config.threads}), deterministically.`);
    }
    this.rng = new Rng(config.seed);
    const tree = config.hs ? buildHuffman(corpus.vocab.counts) : null;
    const tables = sigmoidTables();
    const noise = config.negative > 0 ? noiseTables(corpus.vocab.counts, config.nsExponent) : null;
    const codes = tree ? tree.codes : new Uint8Array(0);
    const points = tree ? tree.points : new Int32Array(0);
    const codeOffsets = tree ? tree.offsets : new Int32Array(0);
    const cbow = config.model === 'cbow';
    const maxSentence = Math.max(1, this.stream ? this.stream.longestSentence : longestSentence(this.piece));
    const choice = opts.kernel ?? 'auto';
    this.kernelParams = { dim, window: config.window, negative: config.negative, hs: config.hs, cbow, vocabSize: V,
      tables, noise, codes, points, codeOffsets, maxSentence };
    this.wasm = choice === 'js' ? null : createWasmKernel(this.kernelParams, Math.max(1, opts.sharedThreads ?? 1));
    if (!this.wasm && choice === 'wasm') throw new Error('WebAssembly SIMD is not available in this runtime.');
    this.kernel = this.wasm ? 'wasm-simd' : 'js';
    opts.onLog?.(
      this.wasm ? 'cpu engine: WebAssembly SIMD kernel.' : 'cpu engine: JavaScript kernel (WebAssembly SIMD not in use).',
    );
    const stride = this.wasm ? this.wasm.stride : dim;
    this.stride = stride;
    const syn0 = this.wasm ? this.wasm.syn0 : new Float32Array(V * dim);
    // word2vec.c's initialisation: uniform in [-0.5/dim, 0.5/dim), row by row (padding lanes stay 0).
    for (let w = 0; w < V; w++) {
      for (let d = 0; d < dim; d++) syn0[w * stride + d] = (this.rng.nextFloat() - 0.5) / dim;
    }
    this.model = {
      dim,
      window: config.window,
      negative: config.negative,
      hs: config.hs,
      cbow,
      vocabSize: V,
      syn0,
      syn1neg: this.wasm ? this.wasm.syn1neg : new Float32Array(config.negative > 0 ? V * dim : 0),
      syn1: this.wasm ? this.wasm.syn1 : new Float32Array(tree ? (V - 1) * dim : 0),
      tables,
      noise,
      codes,
      points,
      codeOffsets,
    };
    if (opts.warmStart) {
      if (opts.warmStart.output && config.negative === 0) {
        throw new RangeError('output vectors can be kept only with negative sampling (hierarchical softmax has tree nodes, not word rows)');
      }
      const rows = warmRows(corpus.vocab.words, opts.warmStart, dim);
      copyWarmRows(rows, opts.warmStart.input, syn0, dim, stride);
      if (opts.warmStart.output) copyWarmRows(rows, opts.warmStart.output, this.model.syn1neg, dim, stride);
      this.warmShared = rows.shared;
      opts.onLog?.(`warm start: ${rows.shared} of ${V} words start from the old model${opts.warmStart.output ? ' (input and output vectors)' : ' (input vectors; output vectors at zero)'}.`);
    }
    this.keep = config.sample > 0 ? keepProbabilities(corpus.vocab, config.sample) : null;
    this.sen = this.wasm ? this.wasm.sen : new Int32Array(maxSentence);
    this.scratch = makeScratch(dim);
    this.sentences = this.piece.offsets.length - 1;
    this.wordsTotal = corpus.rawTokens * config.epochs;
  }

  get done(): boolean {
    return this.epoch >= this.config.epochs;
  }

  /** The learning rate for the next sentence: linear from alpha to minAlpha over all words of all epochs. */
  private currentAlpha(): number {
    const { alpha, minAlpha } = this.config;
    const a = alpha - (alpha - minAlpha) * (this.wordsDone / this.wordsTotal);
    return a > minAlpha ? a : minAlpha;
  }

  /** Let helper threads share the work from now on (Node's Hogwild runner; needs the shared-memory kernel). */
  attachParallel(runner: ParallelRunner): void {
    if (!this.wasm || this.wasm.threads < runner.helpers + 1) throw new Error('attachParallel needs a shared-memory kernel with room for every thread.');
    this.parallel = runner;
  }

  /** Threads that train at once. */
  get threads(): number {
    return this.parallel ? this.parallel.helpers + 1 : 1;
  }

  async run(maxWords: number): Promise<TrainProgress> {
    if (this.disposed) throw new Error('This trainer was disposed.');
    if (this.done) return this.progress();
    this.maybeSnapshot();
    if (this.parallel) {
      // Helper threads make this call asynchronous: a second call before the first resolves would train the same
      // sentences twice.
      if (this.parallelBusy) throw new Error('run() was called again before the previous run() finished.');
      this.parallelBusy = true;
      try {
        return await this.runParallel(maxWords, this.parallel);
      } finally {
        this.parallelBusy = false;
      }
    }
    if (this.stream && !this.pieces) await this.nextPiece();
    const t0 = now();
    const res = this.result;
    res.lossSum = 0;
    res.examples = 0;
    res.diverged = false;
    let words = 0;
    while (words < maxWords && !this.done) {
      const s = this.sentence;
      const rawLength = this.piece.rawLengths[s];
      const len = subsampleSentence(this.piece, s, this.keep, this.rng, this.sen);
      if (this.wasm) this.wasm.train(len, this.currentAlpha(), this.rng, res);
      else trainSentenceJs(this.model, this.sen, len, this.currentAlpha(), this.rng, this.scratch, res);
      if (res.diverged || !Number.isFinite(res.lossSum)) this.diverge();
      words += rawLength;
      this.wordsDone += rawLength;
      if (++this.sentence >= this.sentences) {
        if (this.stream) await this.nextPiece();
        else {
          this.sentence = 0;
          this.epoch++;
        }
      }
    }
    const seconds = (now() - t0) / 1000;
    this.trainSeconds += seconds;
    this.speed.add(seconds, words);
    this.loss.add(res.lossSum, res.examples);
    return this.progress();
  }

  /**
   * Hogwild: the next sentences (up to maxWords, within the current epoch) cut into one contiguous slice per thread
   * of about equal words; this thread trains slice 0 while the helpers train the others on the same weights.
   */
  private async runParallel(maxWords: number, runner: ParallelRunner): Promise<TrainProgress> {
    if (this.stream && !this.pieces) await this.nextPiece();
    const t0 = now();
    const rawLengths = this.piece.rawLengths;
    const start = this.sentence;
    let end = start;
    let words = 0;
    while (end < this.sentences && words < maxWords) words += rawLengths[end++];
    const n = runner.helpers + 1;
    const slices: { from: number; to: number }[] = [];
    let from = start;
    let acc = 0;
    for (let k = 1; k <= n; k++) {
      const goal = (words * k) / n;
      let to = from;
      while (to < end && (k === n || acc + rawLengths[to] / 2 < goal)) acc += rawLengths[to++];
      slices.push({ from, to });
      from = to;
    }
    const schedule: SliceSchedule = {
      wordsBefore: this.wordsDone, wordsTotal: this.wordsTotal, alpha: this.config.alpha, minAlpha: this.config.minAlpha, threads: n,
    };
    const helpers = runner.run(slices.slice(1), schedule);
    const res = this.result;
    res.lossSum = 0;
    res.examples = 0;
    res.diverged = false;
    const own = slices[0];
    let ownWords = 0;
    for (let s = own.from; s < own.to && !res.diverged; s++) {
      const progress = schedule.wordsBefore + ownWords * n;
      const a = this.config.alpha - (this.config.alpha - this.config.minAlpha) * (progress / this.wordsTotal);
      const len = subsampleSentence(this.piece, s, this.keep, this.rng, this.sen);
      this.wasm!.train(len, a > this.config.minAlpha ? a : this.config.minAlpha, this.rng, res);
      ownWords += rawLengths[s];
    }
    const others = await helpers;
    let lossSum = res.lossSum;
    let examples = res.examples;
    let diverged = res.diverged || !Number.isFinite(lossSum);
    for (const r of others) {
      lossSum += r.lossSum;
      examples += r.examples;
      diverged ||= r.diverged || !Number.isFinite(r.lossSum);
    }
    if (diverged) this.diverge();
    this.wordsDone += words;
    this.sentence = end;
    if (this.sentence >= this.sentences) {
      if (this.stream) await this.nextPiece();
      else {
        this.sentence = 0;
        this.epoch++;
      }
    }
    const seconds = (now() - t0) / 1000;
    this.trainSeconds += seconds;
    this.speed.add(seconds, words);
    this.loss.add(lossSum, examples);
    return this.progress();
  }

  /**
   * Streamed corpus: moves to the next piece, or at the end of a pass to the first piece of the next pass (the
   * epoch ends there). Helper threads are handed each new piece.
   */
  private async nextPiece(): Promise<void> {
    const stream = this.stream!;
    this.sentence = 0;
    let next = this.pieces ? await this.pieces.next() : null;
    if (!next || next.done) {
      if (this.pieces) this.epoch++;
      if (this.done) {
        this.piece = EMPTY_PIECE;
        this.sentences = 0;
        return;
      }
      this.pieces = stream.pass()[Symbol.asyncIterator]();
      next = await this.pieces.next();
      if (next.done) throw new Error('The corpus gave no sentences on this pass: was the file changed or emptied while training?');
    }
    this.piece = next.value;
    this.sentences = this.piece.offsets.length - 1;
    this.parallel?.usePiece(this.piece);
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

  vectors(): Float32Array {
    return this.rows(this.model.syn0, this.model.vocabSize);
  }

  vectorsFor(ids: ArrayLike<number>): Float32Array {
    const { dim, stride } = this;
    const out = new Float32Array(ids.length * dim);
    for (let i = 0; i < ids.length; i++) {
      const w = ids[i];
      if (!(w >= 0 && w < this.model.vocabSize)) throw new RangeError(`vectorsFor: word id ${w} is outside 0..${this.model.vocabSize - 1}.`);
      out.set(this.model.syn0.subarray(w * stride, w * stride + dim), i * dim);
    }
    return out;
  }

  /** The output weights (syn1neg for negative sampling, else syn1), for inspection and the step-by-step view. */
  outputVectors(): Float32Array {
    const m = this.model;
    return m.negative > 0 ? this.rows(m.syn1neg, m.vocabSize) : this.rows(m.syn1, m.vocabSize - 1);
  }

  /** A dense n x dim copy of a weight matrix (dropping the SIMD row padding, if any). */
  private rows(a: Float32Array, n: number): Float32Array {
    const { dim, stride } = this;
    if (stride === dim) return a.slice(0, n * dim);
    const out = new Float32Array(n * dim);
    for (let w = 0; w < n; w++) out.set(a.subarray(w * stride, w * stride + dim), w * dim);
    return out;
  }

  dispose(): void {
    this.disposed = true;
    this.snapshot = null;
    this.parallel?.dispose();
    this.parallel = null;
  }

  /** Copy the weights aside now and then (only when they are all finite), to restore them after a divergence. */
  private maybeSnapshot(): void {
    if (this.wordsDone - this.snapshotWords < SNAPSHOT_EVERY_WORDS) return;
    const m = this.model;
    if (!allFinite(m.syn0) || !allFinite(m.syn1neg) || !allFinite(m.syn1)) return;
    const snap: Snapshot = this.snapshot ?? {
      syn0: new Float32Array(m.syn0.length),
      syn1neg: new Float32Array(m.syn1neg.length),
      syn1: new Float32Array(m.syn1.length),
      rng: [0, 0, 0, 0],
      epoch: 0,
      sentence: 0,
      wordsDone: 0,
    };
    snap.syn0.set(m.syn0);
    snap.syn1neg.set(m.syn1neg);
    snap.syn1.set(m.syn1);
    snap.rng = [this.rng.s0, this.rng.s1, this.rng.s2, this.rng.s3];
    snap.epoch = this.epoch;
    snap.sentence = this.sentence;
    snap.wordsDone = this.wordsDone;
    this.snapshot = snap;
    this.snapshotWords = this.wordsDone;
  }

  private diverge(): never {
    const alpha = this.currentAlpha();
    const at = this.wordsDone;
    const epoch = this.epoch + 1;
    const snap = this.snapshot;
    let restored = 'The weights could not be restored.';
    if (snap) {
      const m = this.model;
      m.syn0.set(snap.syn0);
      m.syn1neg.set(snap.syn1neg);
      m.syn1.set(snap.syn1);
      [this.rng.s0, this.rng.s1, this.rng.s2, this.rng.s3] = snap.rng;
      // A streamed corpus cannot step back to an earlier piece: only the weights go back; the position stays.
      if (!this.stream) {
        this.epoch = snap.epoch;
        this.sentence = snap.sentence;
        this.wordsDone = snap.wordsDone;
      }
      restored = `The weights were put back as they were at word ${snap.wordsDone.toLocaleString('en-US')}.`;
    }
    const suggested = suggestAlpha(this.config.alpha, this.config.model);
    throw new DivergenceError(
      `Training diverged at word ${at.toLocaleString('en-US')} of ${this.wordsTotal.toLocaleString('en-US')} ` +
        `(epoch ${epoch}): with learning rate ${formatRate(alpha)} the scores h.u grew past ±1e6 or ` +
        `became NaN, so every further update would be noise. ${restored} Try alpha = ${formatRate(suggested)}.`,
      suggested,
    );
  }
}

function allFinite(a: Float32Array): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] - a[i] !== 0) return false;
  return true;
}

function formatRate(x: number): string {
  return Number(x.toPrecision(3)).toString();
}

export function createCpuTrainer(corpus: EncodedCorpus | CorpusStream, config: Readonly<TrainConfig>, opts: CpuEngineOptions = {}): CpuTrainer {
  return new CpuTrainer(corpus, config, opts);
}
