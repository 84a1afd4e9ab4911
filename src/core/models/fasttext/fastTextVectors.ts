// A trained fastText model as queryable vectors: a KeyedVectors over the vocabulary (each word's vector composed
// from its rows, as fastText's .vec holds them) that can also build a vector for any string, seen or not, from its
// character n-grams, and say how much each n-gram contributes. gensim's FastTextKeyedVectors plays the same role.
//
// A word's vector is the mean of its rows, fastText's getWordVector: its own row (known words only) and one bucket
// row per n-gram. An unseen word has only n-gram rows; a word none of whose n-grams exist (maxn = 0, or an empty
// string) gets the zero vector, as in fastText.
import { KeyedVectors } from '../../vectors/keyedVectors';
import { subwordRows } from './ngrams';

export interface SubwordParams {
  minn: number;
  maxn: number;
  /** N-gram hash buckets (rows of the input matrix after the words). 0 = no subwords. */
  bucket: number;
}

/** One row of a word's vector and its share of it. */
export interface SubwordPart {
  /** The word itself (its own row) or one of its n-grams. */
  label: string;
  kind: 'word' | 'ngram';
  /** Row of the input matrix (for n-grams: vocabulary size + bucket). */
  row: number;
  /**
   * (row / n) . v / |v|^2 with v the word's vector and n its number of rows: how much of v lies along this part.
   * The shares of all parts add up to 1 (a negative share pulls against the rest).
   */
  share: number;
}

export interface Composition {
  word: string;
  known: boolean;
  vector: Float32Array;
  parts: SubwordPart[];
}

export class FastTextVectors extends KeyedVectors {
  readonly params: Readonly<SubwordParams>;
  /** (size + bucket) x dim: word rows, then n-gram buckets. */
  readonly input: Float32Array;

  /** Composes every vocabulary word's vector from `input` (words in `words` order, rows 0..size-1). */
  constructor(words: readonly string[], input: Float32Array, dim: number, params: SubwordParams) {
    if (input.length !== (words.length + params.bucket) * dim) {
      throw new RangeError(`the input matrix holds ${input.length} numbers, expected (${words.length} + ${params.bucket}) x ${dim}`);
    }
    const composed = new Float32Array(words.length * dim);
    super(words, composed, dim);
    this.params = { ...params };
    this.input = input;
    for (let w = 0; w < words.length; w++) composed.set(this.vectorOf(words[w]!), w * dim);
  }

  /** Rows whose mean is `word`'s vector, with what each stands for. */
  rowsOf(word: string): { rows: Int32Array; labels: readonly string[]; known: boolean } {
    const id = this.has(word) ? this.indexOf(word) : undefined;
    const { minn, maxn, bucket } = this.params;
    return subwordRows(word, id, this.size, minn, maxn, bucket);
  }

  /** The vector of any word: the mean of its rows (fastText's getWordVector). */
  vectorOf(word: string): Float32Array {
    const { rows } = this.rowsOf(word);
    return this.meanOfRows(rows);
  }

  /** Whether vectorOf(word) has anything to go on (a known word, or at least one n-gram). */
  canCompose(word: string): boolean {
    return this.rowsOf(word).rows.length > 0;
  }

  /** The word's vector and each part's share of it. */
  composition(word: string): Composition {
    const { rows, labels, known } = this.rowsOf(word);
    const dim = this.dim;
    const v = this.meanOfRows(rows);
    let norm2 = 0;
    for (let d = 0; d < dim; d++) norm2 += v[d]! * v[d]!;
    const n = rows.length;
    const parts = Array.from(rows, (row, k): SubwordPart => {
      let dot = 0;
      for (let d = 0; d < dim; d++) dot += this.input[row * dim + d]! * v[d]!;
      return {
        label: labels[k]!,
        kind: known && k === 0 ? 'word' : 'ngram',
        row,
        share: norm2 > 0 ? dot / n / norm2 : 0,
      };
    });
    return { word, known, vector: v, parts };
  }

  private meanOfRows(rows: Int32Array): Float32Array {
    const dim = this.dim;
    const v = new Float32Array(dim);
    if (rows.length === 0) return v;
    for (let k = 0; k < rows.length; k++) {
      const base = rows[k]! * dim;
      for (let d = 0; d < dim; d++) v[d] += this.input[base + d]!;
    }
    const inv = 1 / rows.length;
    for (let d = 0; d < dim; d++) v[d] *= inv;
    return v;
  }
}
