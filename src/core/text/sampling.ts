// The three random choices word2vec makes about its data, shared by every engine (cpu, tfjs) and the step view:
//  1. frequent-word down-sampling: token w is kept with probability keep[w] (word2vec.c's `sample` formula);
//  2. the noise distribution for negative sampling: P(w) proportional to count(w)^0.75 (an alias table: O(1) draws,
//     two arrays of vocabulary size instead of word2vec.c's 1e8-entry table);
//  3. reduced ("dynamic") windows: for each centre word the effective window is drawn uniformly from 1..window, so
//     near words are seen more often than far ones.
// Pure: no Node or DOM APIs, so it runs in browsers and workers too.
import type { Rng } from '../train/rng';
import type { EncodedCorpus } from './corpus';
import type { Vocab } from './vocab';

/**
 * Probability of keeping each word when down-sampling, word2vec.c's formula:
 * keep(w) = (sqrt(f / (sample * T)) + 1) * (sample * T) / f, capped at 1, where f = count(w) and T = the number of
 * in-vocabulary tokens. `sample <= 0` keeps everything.
 */
export function keepProbabilities(vocab: Pick<Vocab, 'counts' | 'keptTokens'>, sample: number): Float32Array {
  const n = vocab.counts.length;
  const keep = new Float32Array(n).fill(1);
  if (!(sample > 0)) return keep;
  const threshold = sample * vocab.keptTokens;
  for (let i = 0; i < n; i++) {
    const f = vocab.counts[i];
    if (f > 0) keep[i] = Math.min(1, (Math.sqrt(f / threshold) + 1) * (threshold / f));
  }
  return keep;
}

/**
 * Draws word ids with P(w) proportional to counts[w]^exponent, by Walker's alias method (Vose's construction):
 * pick a bucket uniformly, then keep it with probability `accept[bucket]` or take `alias[bucket]`.
 */
export class NoiseSampler {
  /** Normalised target probabilities, for display and tests. */
  readonly probabilities: Float64Array;
  /** Chance of keeping the bucket's own word. */
  readonly accept: Float64Array;
  /** The word a bucket falls back to. */
  readonly alias: Int32Array;
  readonly size: number;
  private readonly rng: Rng | undefined;

  constructor(counts: ArrayLike<number>, exponent = 0.75, rng?: Rng) {
    const n = counts.length;
    if (n === 0) throw new Error('NoiseSampler needs a non-empty vocabulary.');
    this.size = n;
    this.rng = rng;
    const p = new Float64Array(n);
    let total = 0;
    for (let i = 0; i < n; i++) {
      const c = counts[i];
      if (!(c >= 0) || !Number.isFinite(c)) throw new Error(`NoiseSampler: count of word ${i} is ${c}, expected a finite number >= 0.`);
      p[i] = c > 0 ? Math.pow(c, exponent) : 0;
      total += p[i];
    }
    if (!(total > 0)) throw new Error('NoiseSampler: every count is zero, there is nothing to sample.');
    for (let i = 0; i < n; i++) p[i] /= total;
    this.probabilities = p;
    this.accept = new Float64Array(n);
    this.alias = new Int32Array(n);
    buildAlias(p, this.accept, this.alias);
  }

  /** One draw. Uses two random numbers (bucket, coin) so every bucket threshold keeps full precision. */
  sample(rng: Rng | undefined = this.rng): number {
    if (!rng) throw new Error('NoiseSampler.sample needs an Rng (pass one here or to the constructor).');
    const bucket = rng.nextInt(this.size);
    return rng.nextFloat() < this.accept[bucket] ? bucket : this.alias[bucket];
  }
}

function buildAlias(p: Float64Array, accept: Float64Array, alias: Int32Array): void {
  const n = p.length;
  const scaled = new Float64Array(n);
  const small = new Int32Array(n);
  const large = new Int32Array(n);
  let ns = 0;
  let nl = 0;
  for (let i = 0; i < n; i++) {
    scaled[i] = p[i] * n;
    if (scaled[i] < 1) small[ns++] = i;
    else large[nl++] = i;
  }
  while (ns > 0 && nl > 0) {
    const s = small[--ns];
    const l = large[--nl];
    accept[s] = scaled[s];
    alias[s] = l;
    scaled[l] = scaled[l] + scaled[s] - 1;
    if (scaled[l] < 1) small[ns++] = l;
    else large[nl++] = l;
  }
  // What is left is 1 up to rounding: those buckets always keep their own word.
  while (nl > 0) {
    const l = large[--nl];
    accept[l] = 1;
    alias[l] = l;
  }
  while (ns > 0) {
    const s = small[--ns];
    accept[s] = 1;
    alias[s] = s;
  }
}

/**
 * Copy the ids of sentence `s` into `out`, dropping each token with probability 1 - keep[id] (no draw is spent on
 * words that are always kept). Returns how many were kept. `keep = null` keeps everything.
 */
export function subsampleSentence(
  corpus: Pick<EncodedCorpus, 'ids' | 'offsets'>,
  s: number,
  keep: Float32Array | null,
  rng: Rng,
  out: Int32Array,
): number {
  const ids = corpus.ids;
  const end = corpus.offsets[s + 1];
  let n = 0;
  for (let i = corpus.offsets[s]; i < end; i++) {
    const w = ids[i];
    if (keep === null) {
      out[n++] = w;
      continue;
    }
    const k = keep[w];
    if (k >= 1 || rng.nextFloat() < k) out[n++] = w;
  }
  return n;
}

export interface WindowOptions {
  window: number;
  /** Draw each centre's window from 1..window (word2vec's default). false = always the full window. */
  reducedWindows?: boolean;
  /** Passes over the corpus (default 1). */
  epochs?: number;
}

/** The longest sentence in ids, to size buffers. */
export function longestSentence(corpus: Pick<EncodedCorpus, 'offsets'>): number {
  let m = 0;
  const o = corpus.offsets;
  for (let s = 0; s + 1 < o.length; s++) m = Math.max(m, o[s + 1] - o[s]);
  return m;
}

/**
 * Walks the corpus centre by centre, in word2vec order: sentence by sentence, each sentence down-sampled once when
 * it is entered, then every kept position with its (reduced) window. After `next()` returns true, `centre` is the
 * centre word id and `contexts[0..count)` its context ids (left to right, centre excluded). Centres without any
 * context (one-word sentences) are skipped. Random draws per sentence: one per down-sampled token, then one window
 * draw per position.
 */
export class WindowCursor {
  centre = -1;
  count = 0;
  readonly contexts: Int32Array;
  /** Sentence being walked and pass over the corpus. */
  sentence = -1;
  epoch = 0;
  /** Raw corpus tokens of the sentences entered so far, over all passes (the reference tools' progress unit). */
  rawWordsDone = 0;
  done = false;

  private readonly buf: Int32Array;
  private len = 0;
  private pos = 0;
  private readonly window: number;
  private readonly reduced: boolean;
  private readonly epochs: number;
  private readonly sentences: number;

  constructor(
    private readonly corpus: EncodedCorpus,
    opts: WindowOptions,
    private readonly keep: Float32Array | null,
    private readonly rng: Rng,
  ) {
    if (!(opts.window >= 1)) throw new Error(`window must be at least 1, got ${opts.window}.`);
    this.window = Math.floor(opts.window);
    this.reduced = opts.reducedWindows ?? true;
    this.epochs = opts.epochs ?? 1;
    this.sentences = corpus.offsets.length - 1;
    this.buf = new Int32Array(Math.max(1, longestSentence(corpus)));
    this.contexts = new Int32Array(2 * this.window);
    this.done = this.epochs <= 0 || this.sentences <= 0;
  }

  /** Advance to the next centre that has at least one context word; false when all passes are done. */
  next(): boolean {
    while (!this.done) {
      if (this.pos >= this.len && !this.enterNextSentence()) return false;
      const i = this.pos++;
      const b = this.reduced ? this.rng.nextInt(this.window) : 0;
      const w = this.window - b;
      const lo = i - w > 0 ? i - w : 0;
      const hi = i + w < this.len - 1 ? i + w : this.len - 1;
      let k = 0;
      for (let j = lo; j <= hi; j++) if (j !== i) this.contexts[k++] = this.buf[j];
      if (k === 0) continue;
      this.centre = this.buf[i];
      this.count = k;
      return true;
    }
    return false;
  }

  private enterNextSentence(): boolean {
    this.sentence++;
    if (this.sentence >= this.sentences) {
      this.epoch++;
      this.sentence = 0;
      if (this.epoch >= this.epochs) {
        this.done = true;
        return false;
      }
    }
    this.rawWordsDone += this.corpus.rawLengths[this.sentence];
    this.len = subsampleSentence(this.corpus, this.sentence, this.keep, this.rng, this.buf);
    this.pos = 0;
    return true;
  }
}

/**
 * (centre, context) pairs in batches, for batched engines. Skip-gram in word2vec.c trains the context word's input
 * vector against the centre word's output vector: use `contexts[k]` as input and `centres[k]` as target.
 */
export class PairCursor {
  private readonly cursor: WindowCursor;
  private k = 0;

  constructor(corpus: EncodedCorpus, opts: WindowOptions, keep: Float32Array | null, rng: Rng) {
    this.cursor = new WindowCursor(corpus, opts, keep, rng);
  }

  get done(): boolean {
    return this.cursor.done;
  }
  get epoch(): number {
    return this.cursor.epoch;
  }
  get rawWordsDone(): number {
    return this.cursor.rawWordsDone;
  }

  /** Fill up to centres.length pairs (may stop mid-window and resume there); returns how many were written. */
  fill(centres: Int32Array, contexts: Int32Array): number {
    const cap = Math.min(centres.length, contexts.length);
    const c = this.cursor;
    let n = 0;
    while (n < cap) {
      if (this.k >= c.count) {
        if (!c.next()) break;
        this.k = 0;
      }
      centres[n] = c.centre;
      contexts[n] = c.contexts[this.k++];
      n++;
    }
    return n;
  }
}

/** Call cb(centre, context) for every training pair of `epochs` passes, in word2vec order. */
export function forEachPair(
  corpus: EncodedCorpus,
  opts: WindowOptions,
  rng: Rng,
  keep: Float32Array | null,
  cb: (centre: number, context: number) => void,
): void {
  const c = new WindowCursor(corpus, opts, keep, rng);
  while (c.next()) for (let k = 0; k < c.count; k++) cb(c.centre, c.contexts[k]);
}
