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
// Each step recounts all pairs over the distinct words: simple and fast enough for the bundled corpora (tens of
// thousands of distinct words) in a worker; a production learner would update counts incrementally.

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
  symbols: string[];
  count: number;
}

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
  private readonly words: WordEntry[];
  private readonly alphabet: string[];
  private readonly units = new Set<string>();

  /** `counts`: each distinct word and how often it occurs in the training text. */
  constructor(counts: ReadonlyMap<string, number> | Iterable<readonly [string, number]>, scheme: MergeScheme) {
    this.scheme = scheme;
    this.words = [];
    for (const [w, c] of counts) if (w.length > 0 && c > 0) this.words.push({ symbols: initialSymbols(w, scheme), count: c });
    for (const e of this.words) for (const s of e.symbols) this.units.add(s);
    this.alphabet = [...this.units].sort();
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
    const unitCount = new Map<string, number>();
    const pairCount = new Map<string, number>();
    for (const { symbols, count } of this.words) {
      for (let i = 0; i < symbols.length; i++) {
        unitCount.set(symbols[i]!, (unitCount.get(symbols[i]!) ?? 0) + count);
        if (i + 1 < symbols.length) {
          const key = symbols[i] + SEP + symbols[i + 1];
          pairCount.set(key, (pairCount.get(key) ?? 0) + count);
        }
      }
    }
    let best: Merge | null = null;
    for (const [key, n] of pairCount) {
      const cut = key.indexOf(SEP);
      const left = key.slice(0, cut);
      const right = key.slice(cut + 1);
      const score = this.scheme === 'bpe' ? n : n / (unitCount.get(left)! * unitCount.get(right)!);
      const merged = join(left, right, this.scheme);
      if (!best || this.better(score, n, merged, best)) best = { left, right, merged, pairCount: n, score };
    }
    if (!best) return null;
    for (const e of this.words) e.symbols = mergePair(e.symbols, best.left, best.right, best.merged);
    this.merges.push(best);
    this.units.add(best.merged);
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
    return this.scheme === 'bpe' ? segmentBpe(word, this.merges) : segmentWordPiece(word, new Set(this.vocabulary()));
  }

  private better(score: number, n: number, merged: string, best: Merge): boolean {
    const tie = this.scheme === 'bpe' ? score === best.score : Math.abs(score - best.score) <= SCORE_TIE * Math.max(score, best.score);
    if (!tie) return score > best.score;
    if (n !== best.pairCount) return n > best.pairCount;
    return merged < best.merged;
  }
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

/** BPE on a new word: apply the learned merges in the order they were learned (earliest first, wherever it fits). */
export function segmentBpe(word: string, merges: readonly Merge[]): string[] {
  let symbols = initialSymbols(word, 'bpe');
  const rank = new Map<string, number>();
  merges.forEach((m, i) => rank.set(m.left + SEP + m.right, i));
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
