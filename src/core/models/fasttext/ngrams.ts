// fastText's subwords: the character n-grams of a word wrapped in "<" and ">", hashed into a fixed number of
// buckets with fastText's 32-bit FNV-1a. Written to land every n-gram in the same bucket as Facebook's fastText
// (dictionary.cc, `hash` and `computeSubwords`), so that a model saved in its .bin format means the same there.
//
// Two details that matter for matching it byte for byte:
// - the hash xors each UTF-8 byte *after a cast through signed char*: bytes 0x80-0xFF become 0xFFFFFF80-0xFFFFFFFF
//   before the xor, so accented letters hash differently from a textbook FNV-1a;
// - n counts characters, not bytes (a UTF-8 lead byte plus its continuation bytes is one character), and the
//   one-character n-grams "<" and ">" on their own are skipped. The whole "<word>" is itself an n-gram when it has
//   at most maxn characters (fastText keeps it; it is a different row from the word's own vector).

/** The word's start and end markers (fastText's BOW and EOW). */
export const BOW = '<';
export const EOW = '>';
/** fastText's defaults for n-gram lengths and the hash table size. */
export const DEFAULT_MINN = 3;
export const DEFAULT_MAXN = 6;
export const FASTTEXT_DEFAULT_BUCKET = 2_000_000;

/** FNV-1a's 32-bit offset basis and prime. */
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

const encoder = new TextEncoder();

/** fastText's hash of a string's UTF-8 bytes, as an unsigned 32-bit integer. */
export function fastTextHash(text: string | Uint8Array): number {
  const bytes = typeof text === 'string' ? encoder.encode(text) : text;
  let h = FNV_OFFSET;
  for (let i = 0; i < bytes.length; i++) {
    // (b << 24) >> 24 is the int8 cast: it sign-extends bytes >= 0x80, as fastText's uint32_t(int8_t(c)) does.
    h ^= (bytes[i] << 24) >> 24;
    h = Math.imul(h, FNV_PRIME);
  }
  return h >>> 0;
}

/** The bucket (0 .. bucket-1) of an n-gram: hash % bucket, in unsigned arithmetic as fastText computes it. */
export function ngramBucket(ngram: string, bucket: number): number {
  return fastTextHash(ngram) % bucket;
}

/**
 * The character n-grams of `word` in fastText's order: for each start position in "<word>", lengths from minn up
 * to maxn. Duplicates are kept (fastText keeps them too: a repeated n-gram counts twice in the word's mean).
 * maxn < minn or maxn = 0 gives none (fastText's -maxn 0 turns subwords off).
 */
export function charNgrams(word: string, minn = DEFAULT_MINN, maxn = DEFAULT_MAXN): string[] {
  const chars = Array.from(BOW + word + EOW); // code points = UTF-8 characters for well-formed text
  const out: string[] = [];
  if (maxn <= 0 || maxn < minn) return out;
  const last = chars.length;
  for (let i = 0; i < last; i++) {
    let gram = '';
    for (let j = i, n = 1; j < last && n <= maxn; n++) {
      gram += chars[j++];
      // fastText drops the lone "<" or ">" (a 1-gram at either end), whatever minn is.
      if (n >= minn && !(n === 1 && (i === 0 || j === last))) out.push(gram);
    }
  }
  return out;
}

/** Bucket of each n-gram of `word` (aligned with charNgrams). */
export function ngramBuckets(word: string, minn: number, maxn: number, bucket: number): Int32Array {
  const grams = charNgrams(word, minn, maxn);
  const out = new Int32Array(bucket > 0 ? grams.length : 0);
  for (let i = 0; i < out.length; i++) out[i] = ngramBucket(grams[i], bucket);
  return out;
}

/** What a word's vector is made of: rows of the input matrix (word rows 0..V-1, then n-gram buckets V..V+bucket-1). */
export interface SubwordRows {
  /** Row ids, the word's own row first when it is in the vocabulary (fastText's order). */
  readonly rows: Int32Array;
  /** A label per row: the word itself, or its n-gram. */
  readonly labels: readonly string[];
  readonly known: boolean;
}

/** The rows whose mean is `word`'s vector: its own (when known) and one per n-gram. */
export function subwordRows(
  word: string,
  wordId: number | undefined,
  vocabSize: number,
  minn: number,
  maxn: number,
  bucket: number,
): SubwordRows {
  const grams = bucket > 0 ? charNgrams(word, minn, maxn) : [];
  const known = wordId !== undefined && wordId >= 0;
  const rows = new Int32Array(grams.length + (known ? 1 : 0));
  const labels: string[] = [];
  let k = 0;
  if (known) {
    rows[k++] = wordId;
    labels.push(word);
  }
  for (const g of grams) {
    rows[k++] = vocabSize + ngramBucket(g, bucket);
    labels.push(g);
  }
  return { rows, labels, known };
}

/** Every vocabulary word's rows in one flat table (CSR): word w uses rows[offsets[w] .. offsets[w+1]). */
export interface SubwordTable {
  readonly offsets: Int32Array;
  readonly rows: Int32Array;
  /** The most rows any word has (sizes the CBOW scratch). */
  readonly maxRows: number;
  /** Per word: subwordMeanShift of its rows. */
  readonly selfOverlap: Float32Array;
}

/**
 * How far the mean of `rows` moves, in units of v, when v is added once per listed row: sum over distinct rows of
 * (times listed)^2, divided by the list's length. 1 when no row repeats; more when two n-grams share a bucket.
 */
export function subwordMeanShift(rows: ArrayLike<number>): number {
  if (rows.length === 0) return 0;
  const times = new Map<number, number>();
  for (let i = 0; i < rows.length; i++) times.set(rows[i]!, (times.get(rows[i]!) ?? 0) + 1);
  let sum = 0;
  for (const m of times.values()) sum += m * m;
  return sum / rows.length;
}

export function buildSubwordTable(words: readonly string[], minn: number, maxn: number, bucket: number): SubwordTable {
  const V = words.length;
  const per: Int32Array[] = [];
  let total = 0;
  let maxRows = 0;
  for (let w = 0; w < V; w++) {
    const r = subwordRows(words[w], w, V, minn, maxn, bucket).rows;
    per.push(r);
    total += r.length;
    if (r.length > maxRows) maxRows = r.length;
  }
  const offsets = new Int32Array(V + 1);
  const rows = new Int32Array(total);
  const selfOverlap = new Float32Array(V);
  let k = 0;
  for (let w = 0; w < V; w++) {
    offsets[w] = k;
    selfOverlap[w] = subwordMeanShift(per[w]);
    rows.set(per[w], k);
    k += per[w].length;
  }
  offsets[V] = k;
  return { offsets, rows, maxRows, selfOverlap };
}
