// Our own t-SNE with a step API, made for a map that follows vectors while they train:
// - P from squared distances, perplexity by binary search, sparse over 3 * perplexity neighbours (affinities.ts);
// - the exact gradient for small N and Barnes-Hut (theta 0.5) above EXACT_MAX_N (gradient.ts);
// - the gain rule as scikit-learn fixed it (#8766): gain + 0.2 when gradient and update disagree in sign, * 0.8 else;
// - warm start: new vectors get a new P (built in time slices while the old P keeps stepping), Y is kept, velocity
//   and gains are reset so the points glide to their new places instead of being thrown;
// - seeded initialisation, so one seed gives one picture.
import { AffinityBuilder, effectivePerplexity, type Metric, type SparseP } from './affinities';
import { barnesHutGradient, exactGradient } from './gradient';
import { QuadTree } from './quadTree';
import { Rng } from '../train/rng';

/** Up to this many points the exact O(N^2) repulsion is cheaper than building a quadtree (measured, bench/quick-tsne.ts). */
export const EXACT_MAX_N = 700;
/** Barnes-Hut opening angle: 0.5 is bhtsne's and scikit-learn's default (gradient error ~1%). */
export const DEFAULT_THETA = 0.5;
/** Early exaggeration factor and length (scikit-learn's defaults since 0.22). */
export const EARLY_EXAGGERATION = 12;
export const EXAGGERATION_ITERS = 250;
/** Momentum during / after early exaggeration (van der Maaten's schedule). */
const MOMENTUM_EARLY = 0.5;
const MOMENTUM_LATE = 0.8;
/** Gains never fall below this (keeps every coordinate moving a little). */
const MIN_GAIN = 0.01;
/** Standard deviation of the random initial layout (van der Maaten's 1e-4). */
const INIT_STD = 1e-4;
/** A cold start optimises this long, then the layout is left alone (saves the CPU the trainer needs). */
export const COLD_ITERS = 1000;
/** After each warm start (new vectors or perplexity), optimise this many more iterations. */
export const WARM_ITERS = 300;
/** After a warm start the momentum ramps up from MOMENTUM_EARLY over this many iterations (a gentle glide). */
const WARM_RAMP_ITERS = 50;

export interface TsneOptions {
  perplexity: number;
  /** 0 or less = automatic, max(N / exaggeration / 4, 50) (Belkina et al. 2019, scikit-learn's 'auto'). */
  learningRate: number;
  seed: number;
  theta?: number;
  /** 'cosine' (default) compares unit-normalised vectors, the usual choice for word vectors. */
  metric?: Metric;
  /** Points above which Barnes-Hut is used. */
  exactMaxN?: number;
}

interface Pending {
  words: readonly string[];
  builder: AffinityBuilder;
  note?: string;
}

export class Tsne {
  private opts: Required<TsneOptions>;
  private wordList: readonly string[] = [];
  private p: SparseP | null = null;
  private pending: Pending | null = null;
  private y: Float64Array = new Float64Array(0);
  private update: Float64Array = new Float64Array(0);
  private gains: Float64Array = new Float64Array(0);
  private grad: Float64Array = new Float64Array(0);
  private readonly tree = new QuadTree();
  private iter = 0;
  /** Iteration at which the current P (and Y) started being optimised; exaggeration and momentum ramps count from it. */
  private phaseStart = 0;
  /** The next adopted P starts the full cold schedule (exaggeration) instead of a warm continuation. */
  private coldNext = true;
  /** The current optimisation phase is a cold one (early exaggeration, slow-then-fast momentum). */
  private cold = true;
  private budgetEnd = COLD_ITERS;
  private lastNote: string | undefined;
  private lastData: { words: readonly string[]; vectors: Float32Array; dim: number } | null = null;
  private queued: { words: readonly string[]; vectors: Float32Array; dim: number } | null = null;
  private seedLayout: { words: readonly string[]; positions: Float64Array; asInitialisation: boolean } | null = null;

  constructor(opts: TsneOptions) {
    this.opts = {
      theta: DEFAULT_THETA,
      metric: 'cosine',
      exactMaxN: EXACT_MAX_N,
      ...opts,
    };
  }

  get words(): readonly string[] {
    return this.wordList;
  }
  get n(): number {
    return this.wordList.length;
  }
  get iteration(): number {
    return this.iter;
  }
  get note(): string | undefined {
    return this.lastNote;
  }
  get usesBarnesHut(): boolean {
    return this.n > this.opts.exactMaxN;
  }
  /** True when the iteration budget is spent and no new P is pending: nothing more to do until new data. */
  get settled(): boolean {
    return this.pending === null && this.p !== null && this.iter >= this.budgetEnd;
  }
  /** Progress of the affinity computation in [0, 1], or null when none is pending. */
  get affinityProgress(): number | null {
    return this.pending ? this.pending.builder.progress : null;
  }
  get ready(): boolean {
    return this.p !== null;
  }
  get learningRate(): number {
    if (this.opts.learningRate > 0) return this.opts.learningRate;
    return Math.max(this.n / EARLY_EXAGGERATION / 4, 50);
  }

  /**
   * New vectors (row-major n x dim). P is rebuilt in slices by `work`; meanwhile the old layout keeps optimising.
   * Words already on the map keep their place (warm start); `init` seeds places from another layout (e.g. PCA).
   */
  setData(words: readonly string[], vectors: Float32Array, dim: number): void {
    this.lastData = { words: words.slice(), vectors, dim };
    // A P half-built stays the one being built: restarting it on every snapshot could starve it when snapshots
    // come faster than P is computed. The newest vectors wait their turn (older queued ones are dropped).
    if (this.pending && this.pending.builder.progress > 0) {
      this.queued = { words: words.slice(), vectors, dim };
      return;
    }
    this.queued = null;
    this.startAffinities(words, vectors, dim);
  }

  private startAffinities(words: readonly string[], vectors: Float32Array, dim: number): void {
    const { perplexity, note } = effectivePerplexity(this.opts.perplexity, words.length);
    this.pending = {
      words: words.slice(),
      builder: new AffinityBuilder(vectors, words.length, dim, perplexity, this.opts.metric),
      note,
    };
  }

  /**
   * Seed places by word from another layout. `asInitialisation` (switching from PCA): rescale to t-SNE's tiny initial
   * spread and still run the full cold schedule, as scikit-learn's init='pca' does; otherwise continue warm from them.
   * Applied now if a P is in use and none is pending, else when the pending P is adopted.
   */
  setPositions(words: readonly string[], positions: Float32Array | Float64Array, asInitialisation: boolean): void {
    this.seedLayout = { words: words.slice(), positions: Float64Array.from(positions), asInitialisation };
    if (!this.pending && this.p) {
      this.applySeedLayout(this.wordList);
      const n = this.n;
      this.update = new Float64Array(2 * n);
      this.gains = new Float64Array(2 * n).fill(1);
      this.cold = asInitialisation;
      this.phaseStart = this.iter;
      this.budgetEnd = this.iter + (asInitialisation ? COLD_ITERS : WARM_ITERS);
    }
  }

  private applySeedLayout(target: readonly string[]): void {
    const seed = this.seedLayout;
    if (!seed) return;
    this.seedLayout = null;
    const pos = new Map<string, number>();
    seed.words.forEach((w, i) => pos.set(w, i));
    let y = this.remap(target, (w) => {
      const i = pos.get(w);
      return i === undefined ? null : [seed.positions[2 * i], seed.positions[2 * i + 1]];
    });
    if (seed.asInitialisation) {
      const n = target.length;
      let sx = 0;
      let sxx = 0;
      for (let i = 0; i < n; i++) {
        sx += y[2 * i];
        sxx += y[2 * i] * y[2 * i];
      }
      const std = Math.sqrt(Math.max(sxx / Math.max(n, 1) - (sx / Math.max(n, 1)) ** 2, 0));
      if (std > 0) y = y.map((v) => (v / std) * INIT_STD);
    }
    this.coldNext = seed.asInitialisation;
    this.y = y;
  }

  /** Change parameters. A new seed restarts cold; a new perplexity rebuilds P (warm); a learning rate applies at once. */
  setParams(p: Partial<Pick<TsneOptions, 'perplexity' | 'learningRate' | 'seed'>>): void {
    const perplexityChanged = p.perplexity !== undefined && p.perplexity !== this.opts.perplexity;
    const seedChanged = p.seed !== undefined && p.seed !== this.opts.seed;
    this.opts = { ...this.opts, ...p };
    if (seedChanged) {
      this.coldNext = true;
      if (this.pending || !this.p) this.y = new Float64Array(0); // the pending P's adoption lays out afresh
      else this.restartCold();
    }
    if (perplexityChanged && this.lastData) {
      this.queued = null;
      this.startAffinities(this.lastData.words, this.lastData.vectors, this.lastData.dim);
    }
  }

  /** Finish any pending P now (tests, scripts). */
  finishAffinities(): void {
    while (this.pending) this.adopt(this.pending, this.pending.builder.work(Infinity)!);
  }

  /**
   * Spend about `budgetMs` on affinities (if pending) and gradient steps. Returns the number of steps taken.
   * `maxSteps` caps the steps (the worker uses it to post frames often).
   */
  work(budgetMs: number, now: () => number = () => performance.now(), maxSteps = Infinity): number {
    const start = now();
    if (this.pending) {
      // Give the neighbour search at most half the slice while an old layout can keep moving, all of it otherwise.
      const share = this.p && this.iter < this.budgetEnd ? budgetMs / 2 : budgetMs;
      const done = this.pending.builder.work(share, now);
      if (done) this.adopt(this.pending, done);
    }
    let steps = 0;
    while (steps < maxSteps && this.p && this.iter < this.budgetEnd && now() - start < budgetMs) {
      this.step();
      steps++;
    }
    return steps;
  }

  /** One gradient-descent iteration on the current P. Returns false when there is no P yet. */
  step(): boolean {
    const p = this.p;
    if (!p) return false;
    const n = p.n;
    if (n < 2) {
      this.iter++;
      return true;
    }
    const since = this.iter - this.phaseStart;
    const exaggeration = this.cold && since < EXAGGERATION_ITERS ? EARLY_EXAGGERATION : 1;
    let momentum: number;
    if (this.cold) momentum = since < EXAGGERATION_ITERS ? MOMENTUM_EARLY : MOMENTUM_LATE;
    else momentum = MOMENTUM_EARLY + (MOMENTUM_LATE - MOMENTUM_EARLY) * Math.min(1, since / WARM_RAMP_ITERS);
    if (n > this.opts.exactMaxN) barnesHutGradient(this.y, p, exaggeration, this.opts.theta, this.grad, this.tree);
    else exactGradient(this.y, p, exaggeration, this.grad);
    const lr = this.learningRate;
    const { y, update, gains, grad } = this;
    let mx = 0;
    let my = 0;
    for (let e = 0; e < 2 * n; e++) {
      const g = grad[e];
      // scikit-learn's fixed rule: grow the gain where the step keeps fighting the gradient's sign.
      let gain = update[e] * g < 0 ? gains[e] + 0.2 : gains[e] * 0.8;
      if (gain < MIN_GAIN) gain = MIN_GAIN;
      gains[e] = gain;
      const u = momentum * update[e] - lr * gain * g;
      update[e] = u;
      y[e] += u;
      if (e & 1) my += y[e];
      else mx += y[e];
    }
    mx /= n;
    my /= n;
    for (let i = 0; i < n; i++) {
      y[2 * i] -= mx;
      y[2 * i + 1] -= my;
    }
    this.iter++;
    return true;
  }

  /** Current layout as float32 pairs (x0, y0, x1, y1, ...), a fresh copy safe to transfer. */
  positions(): Float32Array {
    return Float32Array.from(this.y);
  }

  private adopt(pending: Pending, p: SparseP): void {
    if (this.seedLayout) {
      this.applySeedLayout(pending.words);
      this.wordList = pending.words;
    }
    const sameWords = sameList(pending.words, this.wordList) && this.y.length === 2 * pending.words.length;
    const hadLayout = this.y.length > 0;
    if (!sameWords) {
      const old = new Map<string, number>();
      this.wordList.forEach((w, i) => old.set(w, i));
      const oldY = this.y;
      this.y = this.remap(pending.words, (w) => {
        const i = old.get(w);
        return i === undefined || oldY.length === 0 ? null : [oldY[2 * i], oldY[2 * i + 1]];
      });
    }
    this.wordList = pending.words;
    this.p = p;
    this.pending = null;
    if (this.queued) {
      const q = this.queued;
      this.queued = null;
      this.startAffinities(q.words, q.vectors, q.dim);
    }
    this.lastNote = pending.note;
    const n = pending.words.length;
    this.update = new Float64Array(2 * n);
    this.gains = new Float64Array(2 * n).fill(1);
    this.grad = new Float64Array(2 * n);
    // New vectors arriving during a cold start's schedule continue that schedule (its exaggeration phase included).
    const midColdStart = hadLayout && !this.coldNext && this.cold && this.iter < this.budgetEnd;
    this.cold = !hadLayout || this.coldNext || midColdStart;
    this.coldNext = false;
    if (midColdStart) {
      this.budgetEnd = Math.max(this.budgetEnd, this.iter + WARM_ITERS);
    } else if (this.cold) {
      if (!hadLayout) this.y = this.randomLayout(n);
      this.phaseStart = this.iter;
      this.budgetEnd = this.iter + COLD_ITERS;
    } else {
      this.phaseStart = this.iter;
      this.budgetEnd = this.iter + WARM_ITERS;
    }
  }

  private restartCold(): void {
    const n = this.n;
    this.cold = true;
    this.coldNext = false;
    this.y = this.randomLayout(n);
    this.update = new Float64Array(2 * n);
    this.gains = new Float64Array(2 * n).fill(1);
    this.iter = 0;
    this.phaseStart = 0;
    this.budgetEnd = COLD_ITERS;
  }

  /** New layout for `words`: known words from `lookup`, new words near the centre with seeded jitter. */
  private remap(words: readonly string[], lookup: (w: string) => [number, number] | null): Float64Array {
    const rng = new Rng(this.opts.seed);
    const out = new Float64Array(2 * words.length);
    let spread = 0;
    let known = 0;
    const missing: number[] = [];
    words.forEach((w, i) => {
      const at = lookup(w);
      if (at) {
        out[2 * i] = at[0];
        out[2 * i + 1] = at[1];
        spread += Math.abs(at[0]) + Math.abs(at[1]);
        known++;
      } else missing.push(i);
    });
    if (known === 0) {
      this.coldNext = true;
      return this.randomLayout(words.length);
    }
    // New words start near the middle; the attraction to their neighbours pulls them into place.
    const jitter = (spread / known) * 0.1 + INIT_STD;
    for (const i of missing) {
      out[2 * i] = gaussian(rng) * jitter;
      out[2 * i + 1] = gaussian(rng) * jitter;
    }
    return out;
  }

  private randomLayout(n: number): Float64Array {
    const rng = new Rng(this.opts.seed);
    const y = new Float64Array(2 * n);
    for (let e = 0; e < 2 * n; e++) y[e] = gaussian(rng) * INIT_STD;
    return y;
  }
}

/** Standard normal by Box-Muller (one of the pair; simplicity over speed, it runs once per layout). */
export function gaussian(rng: Rng): number {
  const u = 1 - rng.nextFloat(); // (0, 1]: log stays finite
  const v = rng.nextFloat();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
