// The probing data set: one row per word type that both has a vector and a part of speech in the tag lexicon
// (public/corpora/brown-pos.json: each Brown word's coarse class of its most frequent tag), its features the word's
// vector standardised per dimension, its label that class. Also the control task of Hewitt and Liang (2019): every
// word type gets a random class drawn from the same class distribution, fixed per type.
import { Rng } from '../train/rng';

/** A word -> class lexicon, the shape of brown-pos.json. */
export interface TagLexicon {
  classes: readonly string[];
  /** word -> index into classes. */
  words: Readonly<Record<string, number>>;
}

/** The vectors a probe needs: words in file order (most frequent first, for every format the lab writes) and rows. */
export interface VectorRows {
  words: readonly string[];
  vectors: Float32Array;
  dim: number;
}

export interface ProbeDataset {
  classes: readonly string[];
  words: string[];
  /** One class index per word. */
  labels: Int32Array;
  /** Standardised features, words.length x dim. */
  x: Float32Array;
  dim: number;
  /** Words of the vectors looked at (the first maxWords) and how many of them the lexicon tags. */
  considered: number;
  tagged: number;
}

/** Words probed by default: the 5,000 most frequent with a tag. Enough for every class to have dozens of test words
 *  (numbers and conjunctions are the smallest), few enough for a probe per seed in under a second. */
export const DEFAULT_PROBE_WORDS = 5000;

/** Checks a parsed lexicon file, naming what is wrong. */
export function parseTagLexicon(json: unknown, fileName: string): TagLexicon {
  const f = json as Partial<TagLexicon> | null;
  if (!f || !Array.isArray(f.classes) || f.classes.some((c) => typeof c !== 'string') || typeof f.words !== 'object' || f.words === null) {
    throw new Error(`${fileName}: expected { "classes": [names...], "words": { word: class index } }`);
  }
  for (const [w, c] of Object.entries(f.words)) {
    if (!Number.isInteger(c) || c < 0 || c >= f.classes.length) {
      throw new Error(`${fileName}: word "${w}" has class ${String(c)}, not an index into the ${f.classes.length} classes`);
    }
  }
  return { classes: f.classes, words: f.words };
}

/**
 * The rows of the data set: the first `maxWords` words of the vectors that the lexicon tags. Words are matched
 * lower-cased (the lexicon is lower-case); when two words of the vectors lower-case alike (Apple, apple), the first,
 * more frequent one is used.
 */
export function buildProbeDataset(v: VectorRows, lexicon: TagLexicon, maxWords = DEFAULT_PROBE_WORDS): ProbeDataset {
  const words: string[] = [];
  const rows: number[] = [];
  const seen = new Set<string>();
  let considered = 0;
  for (let i = 0; i < v.words.length && words.length < maxWords; i++) {
    considered++;
    const w = v.words[i]!.toLowerCase();
    if (seen.has(w)) continue;
    seen.add(w);
    const c = lexicon.words[w];
    if (c === undefined) continue;
    words.push(w);
    rows.push(i);
  }
  const labels = Int32Array.from(words, (w) => lexicon.words[w]!);
  const { dim } = v;
  const x = new Float32Array(rows.length * dim);
  rows.forEach((r, k) => x.set(v.vectors.subarray(r * dim, (r + 1) * dim), k * dim));
  standardiseColumns(x, dim);
  return { classes: lexicon.classes, words, labels, x, dim, considered, tagged: words.length };
}

/**
 * Each column to mean 0 and standard deviation 1 (a constant column to 0). An affine change of the features, which a
 * linear probe with a bias can undo, so it changes nothing the probe can express; it only lets one learning rate
 * suit vectors of any scale (GloVe's rows are several times longer than skip-gram's).
 */
export function standardiseColumns(x: Float32Array, dim: number): void {
  const n = x.length / dim;
  if (n === 0) return;
  for (let j = 0; j < dim; j++) {
    let mean = 0;
    for (let i = 0; i < n; i++) mean += x[i * dim + j]!;
    mean /= n;
    let v = 0;
    for (let i = 0; i < n; i++) v += (x[i * dim + j]! - mean) ** 2;
    const sd = Math.sqrt(v / n);
    for (let i = 0; i < n; i++) x[i * dim + j] = sd > 0 ? (x[i * dim + j]! - mean) / sd : 0;
  }
}

/** How many words carry each class. */
export function classCounts(labels: ArrayLike<number>, classes: number): number[] {
  const counts = new Array<number>(classes).fill(0);
  for (let i = 0; i < labels.length; i++) counts[labels[i]!]!++;
  return counts;
}

/**
 * The control task: one random class per word type, drawn from the empirical class distribution of `labels`, so
 * that it has the real task's class balance but no relation to the words' vectors. Each row is one word type, so the
 * control label is consistent per type by construction.
 */
export function controlLabels(labels: ArrayLike<number>, classes: number, seed: number): Int32Array {
  const counts = classCounts(labels, classes);
  const n = labels.length;
  const rng = new Rng(seed);
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let pick = rng.nextInt(n); // a uniform draw over the rows' labels = a draw from the class distribution
    let c = 0;
    while (pick >= counts[c]!) pick -= counts[c++]!;
    out[i] = c;
  }
  return out;
}
