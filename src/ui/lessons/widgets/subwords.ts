// fastText-style character n-grams: the word wrapped in < and >, every substring of length minn..maxn (the whole
// wrapped word too, when it is that short: fastText hashes "<cat>" as an n-gram besides the word's own row), each
// hashed (FNV-1a, 32 bit, over bytes read as signed char, as fastText's Dictionary::hash does) into one of
// `buckets` rows of the n-gram table.

/** fastText's defaults. */
export const MIN_N = 3;
export const MAX_N = 6;
export const BUCKETS = 2_000_000;

export function charNgrams(word: string, minn = MIN_N, maxn = MAX_N): string[] {
  const w = `<${word}>`;
  const chars = [...w];
  const out: string[] = [];
  for (let n = minn; n <= maxn; n++) {
    for (let i = 0; i + n <= chars.length; i++) {
      out.push(chars.slice(i, i + n).join(''));
    }
  }
  return out;
}

/** FNV-1a over the UTF-8 bytes as fastText computes it: each byte goes through int8_t, so bytes of 0x80 and above
 *  are sign-extended (0xC3 becomes 0xFFFFFFC3) before the xor. ASCII is unaffected. */
export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (const b of new TextEncoder().encode(s)) {
    h ^= (b << 24) >> 24; // int8_t, then widened: the sign bit fills the upper 24 bits
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

export function bucketOf(ngram: string, buckets = BUCKETS): number {
  return fnv1a(ngram) % buckets;
}

/** Jaccard overlap of two words' n-gram sets: 1 = same n-grams, 0 = none shared. */
export function ngramSimilarity(a: string, b: string): number {
  const A = new Set(charNgrams(a));
  const B = new Set(charNgrams(b));
  let inter = 0;
  for (const g of A) if (B.has(g)) inter++;
  const union = A.size + B.size - inter;
  return union === 0 ? 0 : inter / union;
}
