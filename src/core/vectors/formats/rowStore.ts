// Growing row-major storage for the readers: preallocated from a header when the count is known, grown by half
// again when it is not, trimmed at the end. Duplicate words keep their first vector and are counted.
import { KeyedVectors } from '../keyedVectors';
import { MAX_VECTOR_BYTES, VectorFormatError } from './errors';

/** Start small when the row count is unknown; growth is geometric, so this only avoids tiny reallocations. */
const INITIAL_ROWS = 1024;
/** Growth factor 1.5 keeps the peak during a copy near 2.5x the data instead of 3x for doubling. */
const GROWTH = 1.5;
/** Copy to an exact-size array at the end only when more than this share of the buffer would be wasted. */
const MAX_WASTE = 0.125;
/** Duplicate words remembered by name for the note; the count covers the rest. */
export const NAMED_DUPLICATES = 5;

/**
 * `repeated: "bank", "the"` (with ", ..." when more distinct words repeat than are named): the words a note names,
 * quoted so that odd spacing shows.
 */
export function namedDuplicates(count: number, words: readonly string[]): string {
  const quoted = words.map((w) => JSON.stringify(w)).join(', ');
  return `repeated: ${quoted}${words.length >= NAMED_DUPLICATES && count > words.length ? ', ...' : ''}`;
}

export class RowStore {
  readonly dim: number;
  data: Float32Array;
  readonly words: string[] = [];
  duplicates = 0;
  /** The first NAMED_DUPLICATES distinct repeated words, so the note can say which ones. */
  readonly duplicateWords: string[] = [];
  private readonly seen = new Map<string, number>();
  private readonly maxRows: number;

  constructor(dim: number, expectedRows: number | null, maxRows: number) {
    this.dim = dim;
    this.maxRows = maxRows;
    const rows = expectedRows !== null ? Math.min(expectedRows, maxRows) : Math.min(INITIAL_ROWS, maxRows);
    this.data = new Float32Array(Math.max(rows, 0) * dim);
  }

  get count(): number {
    return this.words.length;
  }

  get full(): boolean {
    return this.words.length >= this.maxRows;
  }

  /** Offset where the next row's numbers go; grows the buffer when needed. */
  nextOffset(where: { fileName?: string; line?: number }): number {
    const offset = this.words.length * this.dim;
    if (offset + this.dim > this.data.length) {
      const rows = this.data.length / this.dim;
      const grown = Math.min(Math.max(Math.ceil(rows * GROWTH), rows + INITIAL_ROWS), this.maxRows);
      if (grown * this.dim * 4 > MAX_VECTOR_BYTES) {
        throw new VectorFormatError(`more than ${rows} rows of ${this.dim} numbers exceed the memory limit (use maxWords to load fewer)`, where);
      }
      const next = new Float32Array(grown * this.dim);
      next.set(this.data);
      this.data = next;
    }
    return offset;
  }

  /** Commit the row just written at nextOffset() under `word`; returns false for a duplicate (row discarded). */
  commit(word: string): boolean {
    if (this.seen.has(word)) {
      this.duplicates++;
      if (this.duplicateWords.length < NAMED_DUPLICATES && !this.duplicateWords.includes(word)) this.duplicateWords.push(word);
      return false;
    }
    this.seen.set(word, this.words.length);
    this.words.push(word);
    return true;
  }

  finish(): KeyedVectors {
    const used = this.words.length * this.dim;
    const waste = this.data.length === 0 ? 0 : 1 - used / this.data.length;
    const vectors = waste > MAX_WASTE ? this.data.slice(0, used) : this.data.subarray(0, used);
    return new KeyedVectors(this.words, vectors, this.dim);
  }
}
