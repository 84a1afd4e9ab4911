// Subword vocabularies learned by merging: BPE (Sennrich et al., 2016) and WordPiece (Schuster and Nakajima, 2012;
// BERT's vocabulary). Both start from single characters and merge one adjacent pair per step; they differ in which
// pair they pick:
//   BPE        the most frequent pair (counts weighted by how often each word occurs);
//   WordPiece  the pair with the highest likelihood gain, freq(ab) / (freq(a) * freq(b)): a pair whose parts rarely
//              occur apart wins over a pair of two common units that merely meet often.
// Spelling conventions: BPE marks a word's end by a "</w>" suffix on its last symbol (so "st</w>" and "st" are
// different units); WordPiece marks every unit that does not start a word with a "##" prefix.
// Ties (equal count for BPE, equal score within 1e-12 for WordPiece) go to the more frequent pair, then to the
// alphabetically first merged unit, so that runs are reproducible.
// Counts are kept up to date incrementally: a merge revisits only the words that hold the merged pair, so a step
// costs a scan of the pair counts plus those words (milliseconds on Brown's 26,000 distinct words).

export type MergeScheme = 'bpe' | 'wordpiece';

export const END_OF_WORD = '</w>';
export const CONTINUATION = '##';
export const UNKNOWN = '[UNK]';
/** WordPiece scores closer than this (relative) count as a tie. */
const SCORE_TIE = 1e-12;

export interface Merge {
  left: string;
  right: string;
  merged: string;
  /** How often the pair occurred (weighted by word counts) when it was merged. */
  pairCount: number;
  /** BPE: the pair count; WordPiece: pairCount / (count(left) * count(right)). */
  score: number;
}

interface WordEntry {
  /** Symbol ids. */
  ids: number[];
  count: number;
}

/** Pair keys are left * PAIR_BASE + right over symbol ids: exact in a double up to 2^21 symbols. */
const PAIR_BASE = 2 ** 21;

/** The symbols a word starts as: its characters, marked per scheme. */
export function initialSymbols(word: string, scheme: MergeScheme): string[] {
  const chars = Array.from(word);
  if (scheme === 'bpe') {
    if (chars.length > 0) chars[chars.length - 1] += END_OF_WORD;
    return chars;
  }
  return chars.map((c, i) => (i === 0 ? c : CONTINUATION + c));
}

function join(left: string, right: string, scheme: MergeScheme): string {
  return scheme === 'wordpiece' && right.startsWith(CONTINUATION) ? left + right.slice(CONTINUATION.length) : left + right;
}

const SEP = '\u0000';

export class MergeLearner {
  readonly scheme: MergeScheme;
  readonly merges: Merge[] = [];
  private readonly words: WordEntry[] = [];
  private readonly alphabet: string[];
  private readonly symbols: string[] = [];
  private readonly symbolId = new Map<string, number>();
  private readonly unitCount: number[] = [];
  private readonly pairCount = new Map<number, number>();
  /** Which words hold each pair (indices into `words`). */
  private readonly pairWords = new Map<number, Set<number>>();

  /** `counts`: each distinct word and how often it occurs in the training text. */
  constructor(counts: ReadonlyMap<string, number> | Iterable<readonly [string, number]>, scheme: MergeScheme) {
    this.scheme = scheme;
    for (const [w, c] of counts) {
      if (w.length === 0 || !(c > 0)) continue;
      this.words.push({ ids: initialSymbols(w, scheme).map((x) => this.intern(x)), count: c });
    }
    this.alphabet = [...this.symbols].sort();
    this.words.forEach((_, i) => this.count(i, 1));
  }

  /** The units learned so far: the starting characters, then one per merge. */
  vocabulary(): string[] {
    return [...this.alphabet, ...this.merges.map((m) => m.merged)];
  }

  get size(): number {
    return this.alphabet.length + this.merges.length;
  }

  /** Do one merge; null when every word is a single unit already. */
  step(): Merge | null {
    let best: Merge | null = null;
    let bestKey = -1;
    for (const [key, n] of this.pairCount) {
      if (n <= 0) continue;
      const a = Math.floor(key / PAIR_BASE);
      const b = key - a * PAIR_BASE;
      const score = this.scheme === 'bpe' ? n : n / (this.unitCount[a]! * this.unitCount[b]!);
      if (best && !this.better(score, n, a, b, best)) continue;
      const left = this.symbols[a]!;
      const right = this.symbols[b]!;
      best = { left, right, merged: join(left, right, this.scheme), pairCount: n, score };
      bestKey = key;
    }
    if (!best) return null;
    const a = Math.floor(bestKey / PAIR_BASE);
    const b = bestKey - a * PAIR_BASE;
    const m = this.intern(best.merged);
    for (const w of [...(this.pairWords.get(bestKey) ?? [])]) {
      this.count(w, -1);
      this.words[w]!.ids = mergeIds(this.words[w]!.ids, a, b, m);
      this.count(w, 1);
    }
    this.merges.push(best);
    return best;
  }

  /** Merge until the vocabulary holds `size` units (or nothing is left to merge); returns the merges made. */
  growTo(size: number): Merge[] {
    const made: Merge[] = [];
    while (this.size < size) {
      const m = this.step();
      if (!m) break;
      made.push(m);
    }
    return made;
  }

  /** How `word` splits with the merges learned so far (unseen words too). */
  segment(word: string): string[] {
    return this.segmenter()(word);
  }

  /** A splitter for the vocabulary as it is now, its lookup tables built once (for splitting many words). */
  segmenter(): (word: string) => string[] {
    if (this.scheme === 'wordpiece') {
      const vocab = new Set(this.vocabulary());
      return (w) => segmentWordPiece(w, vocab);
    }
    const rank = mergeRanks(this.merges);
    return (w) => segmentBpe(w, this.merges, rank);
  }

  private intern(sym: string): number {
    let id = this.symbolId.get(sym);
    if (id === undefined) {
      id = this.symbols.length;
      if (id >= PAIR_BASE) throw new Error(`more than ${PAIR_BASE} distinct units`);
      this.symbols.push(sym);
      this.symbolId.set(sym, id);
      this.unitCount.push(0);
    }
    return id;
  }

  /** Add (sign 1) or remove (sign -1) word w's units and adjacent pairs from the counts. */
  private count(w: number, sign: 1 | -1): void {
    const { ids, count } = this.words[w]!;
    const c = sign * count;
    for (let i = 0; i < ids.length; i++) {
      this.unitCount[ids[i]!] += c;
      if (i + 1 >= ids.length) continue;
      const key = ids[i]! * PAIR_BASE + ids[i + 1]!;
      const n = (this.pairCount.get(key) ?? 0) + c;
      if (n > 0) this.pairCount.set(key, n);
      else this.pairCount.delete(key);
      let set = this.pairWords.get(key);
      if (sign > 0) {
        if (!set) this.pairWords.set(key, (set = new Set()));
        set.add(w);
      } else if (set) {
        set.delete(w);
        if (set.size === 0) this.pairWords.delete(key);
      }
    }
  }

  private better(score: number, n: number, a: number, b: number, best: Merge): boolean {
    const tie = this.scheme === 'bpe' ? score === best.score : Math.abs(score - best.score) <= SCORE_TIE * Math.max(score, best.score);
    if (!tie) return score > best.score;
    if (n !== best.pairCount) return n > best.pairCount;
    return join(this.symbols[a]!, this.symbols[b]!, this.scheme) < best.merged;
  }
}

function mergeIds(ids: number[], a: number, b: number, merged: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < ids.length; i++) {
    if (i + 1 < ids.length && ids[i] === a && ids[i + 1] === b) {
      out.push(merged);
      i++;
    } else {
      out.push(ids[i]!);
    }
  }
  return out;
}

function mergePair(symbols: string[], left: string, right: string, merged: string): string[] {
  let found = false;
  for (let i = 0; i + 1 < symbols.length; i++) if (symbols[i] === left && symbols[i + 1] === right) found = true;
  if (!found) return symbols;
  const out: string[] = [];
  for (let i = 0; i < symbols.length; i++) {
    if (i + 1 < symbols.length && symbols[i] === left && symbols[i + 1] === right) {
      out.push(merged);
      i++;
    } else {
      out.push(symbols[i]!);
    }
  }
  return out;
}

/** Each merge's position, by its pair. */
export function mergeRanks(merges: readonly Merge[]): Map<string, number> {
  const rank = new Map<string, number>();
  merges.forEach((m, i) => rank.set(m.left + SEP + m.right, i));
  return rank;
}

/** BPE on a new word: apply the learned merges in the order they were learned (earliest first, wherever it fits). */
export function segmentBpe(word: string, merges: readonly Merge[], rank: ReadonlyMap<string, number> = mergeRanks(merges)): string[] {
  let symbols = initialSymbols(word, 'bpe');
  for (;;) {
    let bestRank = Infinity;
    let bestAt = -1;
    for (let i = 0; i + 1 < symbols.length; i++) {
      const r = rank.get(symbols[i] + SEP + symbols[i + 1]);
      if (r !== undefined && r < bestRank) {
        bestRank = r;
        bestAt = i;
      }
    }
    if (bestAt < 0) return symbols;
    const m = merges[bestRank]!;
    symbols = mergePair(symbols, m.left, m.right, m.merged);
  }
}

/** WordPiece on a new word: the longest known unit from the left, then again from where it ended (BERT's rule);
 *  a word with a stretch no unit covers becomes [UNK] as a whole. */
export function segmentWordPiece(word: string, vocab: ReadonlySet<string>): string[] {
  const chars = Array.from(word);
  const out: string[] = [];
  let start = 0;
  while (start < chars.length) {
    let end = chars.length;
    let piece: string | null = null;
    while (end > start) {
      const sub = (start > 0 ? CONTINUATION : '') + chars.slice(start, end).join('');
      if (vocab.has(sub)) {
        piece = sub;
        break;
      }
      end--;
    }
    if (piece === null) return [UNKNOWN];
    out.push(piece);
    start = end;
  }
  return out;
}

export interface Coverage {
  /** Held-out tokens that are one unit (a whole word in the vocabulary). */
  wholeWords: number;
  /** Mean units per held-out token. */
  unitsPerWord: number;
  /** Held-out tokens that could not be split at all ([UNK]: a character never seen in training). */
  unknown: number;
  tokens: number;
}

/** How a held-out slice splits: share of whole words, units per word, share of [UNK], over its tokens. */
export function coverageOf(segment: (w: string) => string[], heldOut: ReadonlyMap<string, number>): Coverage {
  let tokens = 0;
  let whole = 0;
  let units = 0;
  let unknown = 0;
  for (const [w, c] of heldOut) {
    const pieces = segment(w);
    tokens += c;
    units += pieces.length * c;
    if (pieces.length === 1 && pieces[0] !== UNKNOWN) whole += c;
    if (pieces[0] === UNKNOWN) unknown += c;
  }
  const t = Math.max(1, tokens);
  return { wholeWords: whole / t, unitsPerWord: units / t, unknown: unknown / t, tokens };
}
