// tsne-js 1.0.3 behind the LayoutEngine interface, for comparison with our own t-SNE. It has no step API and always
// starts from random points, so it is driven from outside (docs/measurements.md, "t-SNE and plotting"): init(), overwrite the layout with a
// seeded or previous one, compute P through its own deep modules, set alpha = 1 (Student-t with one degree of
// freedom, as run() does for 2-D), and call the private _gradDesc a few iterations at a time. Its faults stay its
// own and are shown to the user: exact O(N^2) per step, plain (not squared) distances in P, the inverted gain rule.
import TSNE from 'tsne-js';
import pairwiseDistances from 'tsne-js/dist/pairwise-distances';
import jointProbabilities from 'tsne-js/dist/joint-probabilities';
import { effectivePerplexity, unitRows } from './affinities';
import type { LayoutEngine, LayoutParams } from './layoutEngine';
import { gaussian } from './tsne';
import { Rng } from '../train/rng';

/** tsne-js's own exaggeration factor and length in run() (4 for 100 iterations). */
const TSNEJS_EXAGGERATION = 4;
const TSNEJS_EXAGGERATION_ITERS = 100;
/** Momentum tsne-js uses after its first 50 iterations. */
const TSNEJS_MOMENTUM = 0.8;
/** Same budgets as our engine, so the two can be compared like for like. */
const COLD_ITERS = 1000;
const WARM_ITERS = 300;
/** Initial spread, as tsne-js's randn (1e-4). */
const INIT_STD = 1e-4;
/** Above this many points tsne-js cannot keep up 10 frames/s here (measured: docs/measurements.md, "t-SNE and plotting"). */
const TSNEJS_COMFORTABLE_N = 300;

export class TsneJsEngine implements LayoutEngine {
  readonly method = 'tsne-js' as const;
  readonly engine = 'tsne-js 1.0.3 (exact)';
  private params: Omit<LayoutParams, 'method'>;
  private model: TSNE | null = null;
  private wordList: readonly string[] = [];
  private pending: { words: readonly string[]; vectors: Float32Array; dim: number } | null = null;
  private y: Float64Array = new Float64Array(0);
  private iter = 0;
  private budgetEnd = 0;
  private exaggerated = false;
  private lastNote: string | undefined;
  private msPerIter = 50;
  private seeded: { words: readonly string[]; positions: Float32Array } | null = null;

  constructor(p: Omit<LayoutParams, 'method'>) {
    this.params = p;
  }
  get words(): readonly string[] {
    return this.wordList;
  }
  get iteration(): number {
    return this.iter;
  }
  get note(): string | undefined {
    const slow = this.wordList.length > TSNEJS_COMFORTABLE_N ? `tsne-js is exact and slow above ${TSNEJS_COMFORTABLE_N} points` : undefined;
    return [this.lastNote, slow].filter(Boolean).join(' · ') || undefined;
  }
  get settled(): boolean {
    return this.pending === null && this.model !== null && this.iter >= this.budgetEnd;
  }
  setData(words: readonly string[], vectors: Float32Array, dim: number): void {
    this.pending = { words: words.slice(), vectors, dim };
  }
  setParams(p: Omit<LayoutParams, 'method'>): void {
    const reseed = p.seed !== this.params.seed;
    const rebuild = p.perplexity !== this.params.perplexity;
    this.params = p;
    if (this.model) this.model.learningRate = this.learningRate(this.wordList.length);
    if (reseed) this.y = new Float64Array(0);
    if ((reseed || rebuild) && this.lastData) this.pending = this.lastData;
  }
  seedFrom(words: readonly string[], positions: Float32Array): void {
    this.seeded = { words, positions };
  }
  private lastData: { words: readonly string[]; vectors: Float32Array; dim: number } | null = null;

  work(budgetMs: number, maxSteps = Infinity): boolean {
    if (this.pending) {
      this.rebuild(this.pending); // one blocking pass: tsne-js cannot be sliced
      this.pending = null;
      return true;
    }
    const model = this.model;
    if (!model || this.iter >= this.budgetEnd) return false;
    const k = Math.max(1, Math.min(maxSteps, this.budgetEnd - this.iter, Math.floor(budgetMs / this.msPerIter)));
    if (this.exaggerated && this.iter + k > TSNEJS_EXAGGERATION_ITERS) {
      for (let e = 0; e < model.P.data.length; e++) model.P.data[e] /= TSNEJS_EXAGGERATION;
      this.exaggerated = false;
    }
    const t0 = performance.now();
    // minGradNorm = minErrorDiff = 0: never stop early inside these few iterations.
    model._gradDesc(0, k, TSNEJS_MOMENTUM, 0, 0);
    this.msPerIter = Math.max(1, (performance.now() - t0) / k);
    this.iter += k;
    this.y = Float64Array.from(model.outputEmbedding.data);
    return true;
  }

  positions(): Float32Array {
    return Float32Array.from(this.y);
  }

  private learningRate(n: number): number {
    return this.params.learningRate > 0 ? this.params.learningRate : Math.max(n / TSNEJS_EXAGGERATION / 4, 50);
  }

  private rebuild(data: { words: readonly string[]; vectors: Float32Array; dim: number }): void {
    this.lastData = data;
    const { words, vectors, dim } = data;
    const n = words.length;
    const { perplexity, note } = effectivePerplexity(this.params.perplexity, n);
    this.lastNote = note;
    const unit = unitRows(vectors, n, dim);
    const rows: number[][] = [];
    for (let i = 0; i < n; i++) rows.push(Array.from(unit.subarray(i * dim, (i + 1) * dim)));
    const model = new TSNE({ dim: 2, perplexity, learningRate: this.learningRate(n), earlyExaggeration: TSNEJS_EXAGGERATION });
    model.init({ data: rows, type: 'dense' });
    // Warm start: previous places by word; otherwise a seeded layout (init() drew an unseeded one).
    const prev = new Map<string, number>();
    const source = this.seeded ?? (this.y.length === 2 * this.wordList.length ? { words: this.wordList, positions: this.y } : null);
    source?.words.forEach((w, i) => prev.set(w, i));
    const rng = new Rng(this.params.seed);
    const out = model.outputEmbedding.data;
    let reused = 0;
    for (let i = 0; i < n; i++) {
      const j = prev.get(words[i]);
      if (source && j !== undefined) {
        out[2 * i] = source.positions[2 * j];
        out[2 * i + 1] = source.positions[2 * j + 1];
        reused++;
      } else {
        out[2 * i] = gaussian(rng) * INIT_STD;
        out[2 * i + 1] = gaussian(rng) * INIT_STD;
      }
    }
    const cold = reused === 0 || this.seeded !== null;
    if (this.seeded) rescale(out, INIT_STD);
    this.seeded = null;
    model.P = jointProbabilities(pairwiseDistances(model.inputData, 'euclidean'), perplexity);
    model.alpha = 1;
    this.exaggerated = cold;
    if (cold) {
      for (let e = 0; e < model.P.data.length; e++) model.P.data[e] *= TSNEJS_EXAGGERATION;
      this.iter = 0;
      this.budgetEnd = COLD_ITERS;
    } else {
      this.budgetEnd = this.iter + WARM_ITERS;
    }
    this.model = model;
    this.wordList = words;
    this.y = Float64Array.from(out);
  }
}

function rescale(y: Float64Array, std: number): void {
  let s = 0;
  for (let i = 0; i < y.length; i += 2) s += y[i] * y[i];
  const cur = Math.sqrt(s / Math.max(1, y.length / 2));
  if (cur > 0) for (let i = 0; i < y.length; i++) y[i] = (y[i] / cur) * std;
}
