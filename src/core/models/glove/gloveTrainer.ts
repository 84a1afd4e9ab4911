// GloVe as a chunked Trainer: count co-occurrences (in chunks of sentences), read the cells out and shuffle them once
// (with the seed), then pass over them `epochs` times with AdaGrad: the WebAssembly SIMD kernel where the runtime has
// it (gloveWasmKernel.ts), else the JavaScript one (gloveKernel.ts), same update. Progress is in cells, the counting
// stage reports its share of the corpus in `stage` / `stageFraction`. The result is word + context vectors.
import type { EncodedCorpus } from '../../text/corpus';
import type { Vocab } from '../../text/vocab';
import { RecentMean } from '../../train/recentMean';
import { Rng } from '../../train/rng';
import { DivergenceError } from '../../train/types';
import type { MatrixView, Progress, StaticModel, Trainer } from '../types';
import { CooccurrenceCounter, expandCells, type CooccurrenceStats } from './cooccurrence';
import { gloveWeight } from './gloveLoss';
import { createGloveWasm, type GloveWasmKernel } from './gloveWasmKernel';
import {
  fittedLogCount,
  gloveSweep,
  initGloveWeights,
  shuffleCells,
  summedVectors,
  type GloveWeights,
  type SweepResult,
  type TrainingCells,
} from './gloveKernel';

export interface GloveSettings {
  dim: number;
  epochs: number;
  seed: number;
  window: number;
  xMax: number;
  /** The exponent of f(x) = (x / x_max)^power (glove.c's -alpha). */
  power: number;
  /** AdaGrad's learning rate (glove.c's -eta). */
  eta: number;
  maxPairs: number;
}

/** Which hot loop: 'auto' takes WebAssembly SIMD when the runtime has it, else plain JavaScript. */
export type GloveKernelChoice = 'auto' | 'wasm' | 'js';

/** The running loss averages at least this many recent cells. */
const LOSS_WINDOW_CELLS = 200_000;
/** The co-occurrence view keeps the block of the most frequent words up to this size. */
export const MATRIX_VIEW_MAX = 60;
/** When more than this share of a chunk's cells have a non-finite error, training has diverged. */
const DIVERGED_SHARE = 0.5;
/** After a divergence we suggest this fraction of the learning rate that failed. */
const DIVERGENCE_ETA_FACTOR = 1 / 4;

const now = (): number => performance.now();

export class GloveTrainer implements Trainer {
  readonly modelId = 'glove';
  readonly engine = 'cpu';
  readonly vocab: Vocab;
  readonly dim: number;
  readonly epochs: number;
  private counter: CooccurrenceCounter | null;
  private countStats: CooccurrenceStats | null = null;
  private cells: TrainingCells | null = null;
  /** X restricted to the MATRIX_VIEW_MAX most frequent words (row-major), kept for the lab's view. */
  private topBlock: Float32Array | null = null;
  private weights: GloveWeights;
  private wasm: GloveWasmKernel | null = null;
  /** The hot loop in use, known once counting is over. */
  kernel: 'wasm-simd' | 'js' | 'pending' = 'pending';
  private readonly rng: Rng;
  private epoch = 0;
  private position = 0;
  private seconds = 0;
  private readonly loss = new RecentMean(LOSS_WINDOW_CELLS);
  private readonly speed = new RecentMean(LOSS_WINDOW_CELLS);
  private readonly sweep: SweepResult = { cost: 0, updated: 0, skipped: 0 };
  private disposed = false;

  constructor(
    corpus: EncodedCorpus,
    readonly settings: Readonly<GloveSettings>,
    private readonly onLog?: (msg: string) => void,
    private readonly kernelChoice: GloveKernelChoice = 'auto',
  ) {
    this.vocab = corpus.vocab;
    this.dim = settings.dim;
    this.epochs = settings.epochs;
    this.rng = new Rng(settings.seed);
    this.weights = initGloveWeights(corpus.vocab.words.length, settings.dim, this.rng);
    this.counter = new CooccurrenceCounter(corpus, settings.window, settings.maxPairs);
  }

  get done(): boolean {
    return this.cells !== null && this.epoch >= this.epochs;
  }

  /** Counting statistics (live while counting, final afterwards). */
  cooccurrence(): CooccurrenceStats | null {
    return this.counter ? this.counter.table.stats() : this.countStats;
  }

  async run(budget: number): Promise<Progress> {
    if (this.disposed) throw new Error('This trainer was disposed.');
    const t0 = now();
    if (this.counter) {
      // While counting, the budget is read as corpus tokens: each costs about 2 x window table updates, close
      // to the cost of a cell update at dim 100, so chunks take about as long in both stages.
      if (this.counter.count(budget)) this.finishCounting();
      this.seconds += (now() - t0) / 1000;
      return this.progress();
    }
    const cells = this.cells!;
    const n = cells.rows.length;
    let left = Math.max(1, Math.floor(budget));
    const s = this.sweep;
    s.cost = 0;
    s.updated = 0;
    s.skipped = 0;
    while (left > 0 && !this.done) {
      const to = Math.min(n, this.position + left);
      if (this.wasm) this.wasm.sweep(this.position, to, this.settings.eta, s);
      else gloveSweep(this.weights, cells, this.position, to, this.settings.eta, s);
      left -= to - this.position;
      this.position = to;
      if (this.position >= n) {
        this.position = 0;
        this.epoch++;
      }
    }
    const seconds = (now() - t0) / 1000;
    this.seconds += seconds;
    const done = s.updated + s.skipped;
    this.speed.add(seconds, done);
    if (done > 0 && s.skipped / done > DIVERGED_SHARE) {
      const eta = this.settings.eta * DIVERGENCE_ETA_FACTOR;
      throw new DivergenceError(
        `GloVe diverged: ${s.skipped.toLocaleString('en')} of ${done.toLocaleString('en')} cells gave a non-finite error at learning rate ${this.settings.eta}. Try ${eta}.`,
        eta,
      );
    }
    this.loss.add(s.cost, s.updated);
    return this.progress();
  }

  private finishCounting(): void {
    const counter = this.counter!;
    const stats = counter.table.stats();
    const k = Math.min(MATRIX_VIEW_MAX, this.vocab.words.length);
    const block = new Float32Array(k * k);
    for (let i = 0; i < k; i++) {
      for (let j = 0; j < k; j++) block[i * k + j] = (i === j ? 2 : 1) * counter.table.get(i, j);
    }
    this.topBlock = block;
    const raw = expandCells(counter.table);
    if (raw.rows.length === 0) throw new Error('No two vocabulary words occur within the window of each other: use a longer text or a wider window.');
    shuffleCells(raw, this.rng);
    const logX = new Float32Array(raw.values.length);
    const weight = new Float32Array(raw.values.length);
    const { xMax, power } = this.settings;
    for (let c = 0; c < raw.values.length; c++) {
      const x = raw.values[c]!;
      logX[c] = Math.log(x);
      weight[c] = gloveWeight(x, xMax, power);
    }
    this.cells = { rows: raw.rows, cols: raw.cols, logX, weight };
    if (this.kernelChoice !== 'js') {
      this.wasm = createGloveWasm(this.weights, this.cells);
      if (!this.wasm && this.kernelChoice === 'wasm') throw new Error('WebAssembly SIMD is not available in this runtime.');
      if (this.wasm) {
        // From now on the weights and cells live in the kernel's memory; the JavaScript copies can go.
        this.weights = this.wasm.weights;
        this.cells = this.wasm.cells;
      }
    }
    this.kernel = this.wasm ? 'wasm-simd' : 'js';
    this.countStats = stats;
    this.counter = null; // the hash table can go: training reads the cells
    const pruned = stats.prunes > 0
      ? ` The cap of ${stats.maxPairs.toLocaleString('en')} pairs was hit ${stats.prunes} time(s): pairs lighter than ${stats.pruneThreshold} were dropped (${stats.droppedPairs.toLocaleString('en')} pairs, weight ${stats.droppedWeight.toFixed(0)}).`
      : '';
    this.onLog?.(`GloVe: ${stats.cells.toLocaleString('en')} co-occurrence cells (${stats.pairs.toLocaleString('en')} pairs, table ${(stats.tableBytes / 1e6).toFixed(0)} MB).${pruned} Kernel: ${this.wasm ? 'WebAssembly SIMD' : 'JavaScript'}.`);
  }

  progress(): Progress {
    const counting = this.counter !== null;
    const cellsN = this.cells?.rows.length ?? 0;
    const base: Progress = {
      epoch: this.epoch,
      epochs: this.epochs,
      unitsDone: counting ? 0 : this.epoch * cellsN + this.position,
      unitsTotal: cellsN * this.epochs,
      unitsPerSec: this.speed.count() > 0 ? this.speed.count() / Math.max(1e-9, this.speed.sum()) : 0,
      loss: this.loss.mean(),
      lr: this.settings.eta,
      seconds: this.seconds,
      done: this.done,
    };
    if (counting) {
      const c = this.counter!;
      const st = c.table.stats();
      base.stage = `Counting co-occurrences: ${Math.round(c.fraction * 100)}% of the corpus, ${st.cells.toLocaleString('en')} cells`;
      base.stageFraction = c.fraction;
    }
    return base;
  }

  model(): StaticModel {
    const w = this.weights;
    const words = this.vocab.words;
    return {
      kind: 'static',
      words,
      dim: this.dim,
      vectors: () => summedVectors(w, Int32Array.from({ length: words.length }, (_, i) => i)),
      vectorsFor: (ids) => summedVectors(w, ids),
    };
  }

  /** What is being approximated (log X_ij over the top words) next to the fit (w_i . w~_j + b_i + b~_j). */
  matrixView(k: number): MatrixView | null {
    if (!this.topBlock) return null;
    const K = Math.round(Math.sqrt(this.topBlock.length));
    const n = Math.max(1, Math.min(k, K));
    const target = new Float32Array(n * n);
    const fitted = new Float32Array(n * n);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        const x = this.topBlock[i * K + j]!;
        target[i * n + j] = x > 0 ? Math.log(x) : NaN;
        fitted[i * n + j] = fittedLogCount(this.weights, i, j);
      }
    }
    return {
      words: this.vocab.words.slice(0, n),
      target,
      fitted,
      targetName: 'log X_ij (co-occurrence count, 1/distance weighted)',
      fittedName: 'w_i · w̃_j + b_i + b̃_j',
    };
  }

  /** The raw parameters (tests and the save format read them). */
  parameters(): Readonly<GloveWeights> {
    return this.weights;
  }

  dispose(): void {
    this.disposed = true;
    this.counter = null;
    this.cells = null;
    this.wasm = null;
  }
}
