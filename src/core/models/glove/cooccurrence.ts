// GloVe's co-occurrence counts X_ij: for every pair of in-vocabulary words at distance d <= window inside a sentence,
// X_ij and X_ji each gain 1/d (a symmetric window with 1/distance weighting, as Stanford's `cooccur` does; out-of-
// vocabulary words are dropped before windows are formed, and windows never cross a sentence end).
//
// Memory is bounded: the counts live in an open-addressing hash table of unordered pairs {i, j} (X is symmetric, so
// each pair is held once and expanded to X_ij and X_ji when the cells are read out), capped at `maxPairs` entries.
// When the cap is reached the table is pruned, as gensim prunes a vocabulary that outgrows max_vocab_size: every pair
// whose weight so far is below a threshold is dropped (the threshold starts at one co-occurrence at distance 1 and
// doubles until a quarter of the table is free). Rare pairs are lost, and a pair dropped early and seen again later
// starts again from zero; `stats()` says how many prunes happened, the final threshold and how much weight was lost.
// Counting runs in chunks of sentences (`count(maxTokens)`) so a worker can report progress and cancel between them.
import type { EncodedCorpus } from '../../text/corpus';

/** Default cap on distinct unordered pairs held (each takes 16 bytes of table at up to 70% load: ~230 MB at the cap).
 *  Brown at window 10 has ~1.9 M pairs (3.6 M cells), Brown + SOTU ~3.9 M: both fit with room to spare. */
export const DEFAULT_MAX_PAIRS = 10_000_000;
/** Grow (or, at the cap, prune) when the table is fuller than this: linear probing slows sharply above ~0.7. */
const MAX_LOAD = 0.7;
const INITIAL_SLOTS = 1 << 16;
/** The first prune drops pairs lighter than one co-occurrence at distance 1. */
const FIRST_PRUNE_THRESHOLD = 1;
/** A prune frees at least this share of the held pairs (raising the threshold until it does). */
const PRUNE_FREE_SHARE = 0.25;
const EMPTY = -1;

export interface CooccurrenceStats {
  /** Distinct unordered pairs held now. */
  pairs: number;
  /** Non-zero cells of the full matrix X (pairs expanded to both orders; a diagonal pair is one cell). */
  cells: number;
  maxPairs: number;
  /** Bytes of the hash table now. */
  tableBytes: number;
  /** How many times the cap was hit. */
  prunes: number;
  /** The highest weight below which pairs were dropped (0 if never pruned). */
  pruneThreshold: number;
  /** Pairs dropped by pruning, and their total weight (each counted once, like X_ij + X_ji / 2). */
  droppedPairs: number;
  droppedWeight: number;
}

/** A growable, capped hash table from an unordered pair {a <= b} to a float64 weight. */
export class PairTable {
  private a: Int32Array;
  private b: Int32Array;
  private w: Float64Array;
  private mask: number;
  private held = 0;
  private diag = 0;
  private prunesDone = 0;
  private threshold = 0;
  private dropped = 0;
  private droppedW = 0;

  constructor(readonly maxPairs: number = DEFAULT_MAX_PAIRS) {
    if (!(maxPairs >= 1)) throw new Error(`The co-occurrence cap must be at least 1 pair, got ${maxPairs}.`);
    this.a = new Int32Array(INITIAL_SLOTS).fill(EMPTY);
    this.b = new Int32Array(INITIAL_SLOTS);
    this.w = new Float64Array(INITIAL_SLOTS);
    this.mask = INITIAL_SLOTS - 1;
  }

  get size(): number {
    return this.held;
  }

  /** X_ij += x and X_ji += x (once when i == j, as X_ii gains from both orders in `expand`). */
  add(i: number, j: number, x: number): void {
    const lo = i < j ? i : j;
    const hi = i < j ? j : i;
    const a = this.a;
    const b = this.b;
    const mask = this.mask;
    let s = hashPair(lo, hi) & mask;
    for (;;) {
      const k = a[s]!;
      if (k === EMPTY) break;
      if (k === lo && b[s] === hi) {
        this.w[s]! += x;
        return;
      }
      s = (s + 1) & mask;
    }
    if (this.held + 1 > this.maxPairs || this.held + 1 > (mask + 1) * MAX_LOAD) {
      this.makeRoom();
      this.add(lo, hi, x);
      return;
    }
    a[s] = lo;
    b[s] = hi;
    this.w[s] = x;
    this.held++;
    if (lo === hi) this.diag++;
  }

  /** The weight held for {i, j} (0 when absent). */
  get(i: number, j: number): number {
    const lo = i < j ? i : j;
    const hi = i < j ? j : i;
    let s = hashPair(lo, hi) & this.mask;
    for (;;) {
      const k = this.a[s]!;
      if (k === EMPTY) return 0;
      if (k === lo && this.b[s] === hi) return this.w[s]!;
      s = (s + 1) & this.mask;
    }
  }

  stats(): CooccurrenceStats {
    return {
      pairs: this.held,
      cells: 2 * this.held - this.diag,
      maxPairs: this.maxPairs,
      tableBytes: this.a.byteLength + this.b.byteLength + this.w.byteLength,
      prunes: this.prunesDone,
      pruneThreshold: this.threshold,
      droppedPairs: this.dropped,
      droppedWeight: this.droppedW,
    };
  }

  /** Every pair, in table order: calls fn(lo, hi, weight). */
  forEach(fn: (lo: number, hi: number, x: number) => void): void {
    const { a, b, w } = this;
    for (let s = 0; s < a.length; s++) if (a[s] !== EMPTY) fn(a[s]!, b[s]!, w[s]!);
  }

  private makeRoom(): void {
    const slots = this.mask + 1;
    // Below the cap a full table doubles; at the cap it is pruned in place (held <= maxPairs bounds the slots).
    if (this.held + 1 <= this.maxPairs) {
      this.rehash(slots * 2, 0);
      return;
    }
    let t = this.threshold > 0 ? this.threshold * 2 : FIRST_PRUNE_THRESHOLD;
    const target = Math.floor(this.held * (1 - PRUNE_FREE_SHARE));
    while (this.countAtLeast(t) > target) t *= 2;
    this.threshold = t;
    this.prunesDone++;
    this.rehash(slots, t);
  }

  private countAtLeast(t: number): number {
    let n = 0;
    for (let s = 0; s < this.a.length; s++) if (this.a[s] !== EMPTY && this.w[s]! >= t) n++;
    return n;
  }

  /** Re-insert every pair of weight >= minWeight into a table of `slots` slots. */
  private rehash(slots: number, minWeight: number): void {
    const { a: oa, b: ob, w: ow } = this;
    this.a = new Int32Array(slots).fill(EMPTY);
    this.b = new Int32Array(slots);
    this.w = new Float64Array(slots);
    this.mask = slots - 1;
    this.held = 0;
    this.diag = 0;
    for (let s = 0; s < oa.length; s++) {
      const lo = oa[s]!;
      if (lo === EMPTY) continue;
      const x = ow[s]!;
      if (x < minWeight) {
        this.dropped++;
        this.droppedW += x;
        continue;
      }
      const hi = ob[s]!;
      let t = hashPair(lo, hi) & this.mask;
      while (this.a[t] !== EMPTY) t = (t + 1) & this.mask;
      this.a[t] = lo;
      this.b[t] = hi;
      this.w[t] = x;
      this.held++;
      if (lo === hi) this.diag++;
    }
  }
}

function hashPair(lo: number, hi: number): number {
  // Two multiplicative hashes mixed by a final avalanche (murmur3's fmix32): word ids are small and dense, so the
  // raw ids would cluster in a power-of-two table.
  let h = Math.imul(lo, 0x9e3779b1) ^ Math.imul(hi + 0x7f4a7c15, 0x85ebca77);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** The cells of X as parallel arrays (row i, column j, X_ij), one entry per non-zero cell. */
export interface Cells {
  rows: Int32Array;
  cols: Int32Array;
  values: Float32Array;
}

/** Expand the unordered pairs into the cells of the full, symmetric X (the diagonal X_ii gets both orders' weight,
 *  as the reference tool's symmetric count adds the pair (w, w) twice). */
export function expandCells(table: PairTable): Cells {
  const n = table.stats().cells;
  const rows = new Int32Array(n);
  const cols = new Int32Array(n);
  const values = new Float32Array(n);
  let k = 0;
  table.forEach((lo, hi, x) => {
    if (lo === hi) {
      rows[k] = lo;
      cols[k] = lo;
      values[k++] = 2 * x;
      return;
    }
    rows[k] = lo;
    cols[k] = hi;
    values[k++] = x;
    rows[k] = hi;
    cols[k] = lo;
    values[k++] = x;
  });
  return { rows, cols, values };
}

/** Counts a corpus in chunks of whole sentences. */
export class CooccurrenceCounter {
  readonly table: PairTable;
  private sentence = 0;
  private tokens = 0;
  private readonly sentences: number;

  constructor(
    private readonly corpus: EncodedCorpus,
    readonly window: number,
    maxPairs: number = DEFAULT_MAX_PAIRS,
  ) {
    if (!Number.isInteger(window) || window < 1) throw new Error(`The window must be a whole number of at least 1, got ${window}.`);
    this.table = new PairTable(maxPairs);
    this.sentences = corpus.offsets.length - 1;
  }

  get done(): boolean {
    return this.sentence >= this.sentences;
  }

  /** Share of the corpus's kept tokens counted so far. */
  get fraction(): number {
    const total = this.corpus.ids.length;
    return total === 0 ? 1 : this.tokens / total;
  }

  /** Count at least `maxTokens` more kept tokens (whole sentences); returns true when the corpus is finished. */
  count(maxTokens: number): boolean {
    const { ids, offsets } = this.corpus;
    const table = this.table;
    const window = this.window;
    let budget = Math.max(1, maxTokens);
    while (this.sentence < this.sentences && budget > 0) {
      const start = offsets[this.sentence]!;
      const end = offsets[this.sentence + 1]!;
      for (let p = start + 1; p < end; p++) {
        const w1 = ids[p]!;
        const from = Math.max(start, p - window);
        for (let q = p - 1; q >= from; q--) table.add(w1, ids[q]!, 1 / (p - q));
      }
      this.tokens += end - start;
      budget -= end - start;
      this.sentence++;
    }
    return this.done;
  }
}
