// Cosine of every word to one word, cached per word. An analogy benchmark asks thousands of questions about a few
// hundred words, and both 3CosAdd and 3CosMul rank candidates from the three cosines cos(x, a), cos(x, b), cos(x, c)
// alone (3CosAdd's x . (b - a + c) / |b - a + c| is a positive multiple of the sum of cosines). With the columns
// cached, a question costs O(words) additions instead of O(words x dim) multiplications.
import type { KeyedVectors } from './keyedVectors';

/** Memory for cached columns: 64 MiB holds 1,100 columns of 15,000 words, or 55 columns of 300,000. */
export const COLUMN_CACHE_BYTES = 64 * 2 ** 20;

export class CosineColumns {
  private readonly cache = new Map<number, Float32Array>();
  private readonly capacity: number;

  constructor(
    private readonly kv: KeyedVectors,
    readonly limit: number,
    budgetBytes: number = COLUMN_CACHE_BYTES,
  ) {
    // Always keep at least the three columns one question needs.
    this.capacity = Math.max(3, Math.floor(budgetBytes / Math.max(1, limit * 4)));
  }

  /** cos(word i, word `index`) for every i < limit. */
  get(index: number): Float32Array {
    const hit = this.cache.get(index);
    if (hit !== undefined) {
      // Re-insert to mark as recently used (Map keeps insertion order).
      this.cache.delete(index);
      this.cache.set(index, hit);
      return hit;
    }
    const column = this.kv.cosineToVector(this.kv.row(index), this.limit);
    if (this.cache.size >= this.capacity) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(index, column);
    return column;
  }
}
