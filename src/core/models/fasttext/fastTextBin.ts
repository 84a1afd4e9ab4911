// Facebook fastText's binary model format (.bin, version 12, as fastText 0.9.x writes it in FastText::saveModel),
// read and written so that a model trained here opens in `fasttext print-word-vector` and gensim's
// load_facebook_model, and a model trained there opens here with its n-gram table. Layout, little-endian:
//   int32 magic 793712314 | int32 version 12
//   args: int32 dim, ws, epoch, minCount, neg, wordNgrams, loss, model, bucket, minn, maxn, lrUpdateRate | f64 t
//   dictionary: int32 size, nwords, nlabels | int64 ntokens, pruneidxSize
//               (pruneidxSize is -1 unless pruned)
//               per entry: UTF-8 bytes, a 0 byte, int64 count, int8 type (0 word, 1 label)
//               pruneidxSize pairs of int32 (only in pruned, quantised models)
//   u8 quantised input | input matrix: int64 rows, int64 cols, float32 rows x cols (words first, then buckets)
//   u8 quantised output | output matrix: the same, one row per word
// Only unquantised word-vector models are read: supervised (labelled) and quantised (.ftz) models are refused
// with a message saying so.
import { VectorFormatError } from '../../vectors/formats/errors';

export const FASTTEXT_MAGIC = 793712314;
export const FASTTEXT_VERSION = 12;
/** fastText's enums as stored in the file. */
export const FT_LOSS = { hs: 1, ns: 2, softmax: 3, ova: 4 } as const;
export const FT_MODEL = { cbow: 1, sg: 2, sup: 3 } as const;
const ENTRY_WORD = 0;
/** The prune-index size fastText stores for a dictionary that was never pruned. */
const NOT_PRUNED = -1;
/** fastText's default for a setting that only matters to its own progress printing. */
const DEFAULT_LR_UPDATE_RATE = 100;
/** Bytes of the fixed part: magic, version, 12 int32 args, the f64 t, 3 int32 and 2 int64 dictionary counts. */
const HEADER_BYTES = 4 + 4 + 12 * 4 + 8 + 3 * 4 + 2 * 8;
/** A word longer than this in bytes means we are reading garbage, not a dictionary. */
const MAX_ENTRY_BYTES = 1 << 16;
/** Refuse matrices past what one ArrayBuffer can hold in browsers. */
const MAX_MATRIX_FLOATS = 2 ** 31 / 4;

export interface FastTextArgs {
  dim: number;
  ws: number;
  epoch: number;
  minCount: number;
  neg: number;
  wordNgrams: number;
  loss: number;
  model: number;
  bucket: number;
  minn: number;
  maxn: number;
  lrUpdateRate: number;
  t: number;
}

export interface FastTextModelFile {
  args: FastTextArgs;
  words: string[];
  counts: Float64Array;
  ntokens: number;
  /** (words.length + bucket) x dim, row-major. */
  input: Float32Array;
  /** words.length x dim, row-major (negative sampling's output vectors). */
  output: Float32Array;
}

export function defaultArgs(over: Partial<FastTextArgs> & Pick<FastTextArgs, 'dim' | 'bucket' | 'minn' | 'maxn'>): FastTextArgs {
  return {
    ws: 5, epoch: 5, minCount: 5, neg: 5, wordNgrams: 1, loss: FT_LOSS.ns, model: FT_MODEL.sg,
    lrUpdateRate: DEFAULT_LR_UPDATE_RATE, t: 1e-4, ...over,
  };
}

const ARG_ORDER = ['dim', 'ws', 'epoch', 'minCount', 'neg', 'wordNgrams', 'loss', 'model', 'bucket', 'minn', 'maxn', 'lrUpdateRate'] as const;

export function isFastTextBin(bytes: Uint8Array): boolean {
  if (bytes.length < 8) return false;
  const v = new DataView(bytes.buffer, bytes.byteOffset, 8);
  return v.getInt32(0, true) === FASTTEXT_MAGIC;
}

export function writeFastTextBin(m: FastTextModelFile): Uint8Array {
  const { args, words } = m;
  const dim = args.dim;
  const nwords = words.length;
  if (m.input.length !== (nwords + args.bucket) * dim) throw new Error(`input matrix holds ${m.input.length} numbers, expected (${nwords} + ${args.bucket}) x ${dim}`);
  if (m.output.length !== nwords * dim) throw new Error(`output matrix holds ${m.output.length} numbers, expected ${nwords} x ${dim}`);
  const enc = new TextEncoder();
  const wordBytes = words.map((w) => {
    if (w.includes('\0')) throw new Error(`word ${JSON.stringify(w)} holds a zero byte and cannot be stored`);
    return enc.encode(w);
  });
  let dictBytes = 0;
  for (const b of wordBytes) dictBytes += b.length + 1 + 8 + 1;
  const total = HEADER_BYTES + dictBytes + 1 + 16 + m.input.length * 4 + 1 + 16 + m.output.length * 4;
  const out = new Uint8Array(total);
  const v = new DataView(out.buffer);
  let p = 0;
  const i32 = (x: number): void => { v.setInt32(p, x, true); p += 4; };
  const i64 = (x: number): void => { v.setBigInt64(p, BigInt(x), true); p += 8; };
  i32(FASTTEXT_MAGIC);
  i32(FASTTEXT_VERSION);
  for (const k of ARG_ORDER) i32(args[k]);
  v.setFloat64(p, args.t, true);
  p += 8;
  i32(nwords); // size: words + labels
  i32(nwords);
  i32(0); // no labels
  i64(m.ntokens);
  v.setBigInt64(p, BigInt(NOT_PRUNED), true); // fastText writes -1 when the dictionary was never pruned
  p += 8;
  wordBytes.forEach((b, i) => {
    out.set(b, p);
    p += b.length;
    out[p++] = 0;
    i64(m.counts[i]);
    out[p++] = ENTRY_WORD;
  });
  const matrix = (a: Float32Array, rows: number): void => {
    out[p++] = 0; // not quantised
    i64(rows);
    i64(dim);
    out.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), p);
    p += a.byteLength;
  };
  matrix(m.input, nwords + args.bucket);
  matrix(m.output, nwords);
  return out;
}

export function readFastTextBin(bytes: Uint8Array, o: { fileName?: string } = {}): FastTextModelFile {
  const where = { fileName: o.fileName };
  const fail = (detail: string): never => {
    throw new VectorFormatError(detail, where);
  };
  if (bytes.length === 0) fail('the file is empty');
  if (bytes.length < HEADER_BYTES) fail('the file ends inside the fastText header');
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let p = 0;
  const need = (n: number, what: string): void => {
    if (p + n > bytes.length) fail(`the file ends inside ${what} (at byte ${p} of ${bytes.length}): it is truncated`);
  };
  const i32 = (): number => { const x = v.getInt32(p, true); p += 4; return x; };
  const i64 = (what: string): number => {
    need(8, what);
    const x = v.getBigInt64(p, true);
    p += 8;
    if (x < 0n || x > BigInt(Number.MAX_SAFE_INTEGER)) fail(`${what} is ${x}, which is not a sensible count: the file is damaged`);
    return Number(x);
  };
  if (i32() !== FASTTEXT_MAGIC) fail(`not a fastText .bin model (it should start with the number ${FASTTEXT_MAGIC})`);
  const version = i32();
  if (version > FASTTEXT_VERSION || version < 11) fail(`fastText format version ${version} is not supported (this lab reads 11 and 12)`);
  const a: Record<string, number> = {};
  for (const k of ARG_ORDER) a[k] = i32();
  const t = v.getFloat64(p, true);
  p += 8;
  const args = { ...(a as unknown as Omit<FastTextArgs, 't'>), t };
  if (!(args.dim > 0 && args.dim <= 65_536)) fail(`dimension ${args.dim} in the header is not sensible: the file is damaged`);
  if (args.bucket < 0) fail(`bucket count ${args.bucket} is negative: the file is damaged`);
  if (args.model === FT_MODEL.sup) fail('this is a supervised (text classification) fastText model; the lab reads word-vector models (skipgram or cbow)');
  const size = i32();
  const nwords = i32();
  const nlabels = i32();
  const ntokens = i64('the token count');
  const pruneSize = Number(v.getBigInt64(p, true));
  p += 8;
  if (nwords < 0 || nlabels < 0 || size !== nwords + nlabels) fail(`the dictionary counts disagree (size ${size}, words ${nwords}, labels ${nlabels}): the file is damaged`);
  if (pruneSize > 0) fail('this model was pruned and quantised (fasttext quantize, usually .ftz); save it unquantised to open it here');
  const words: string[] = [];
  const counts = new Float64Array(nwords);
  const dec = new TextDecoder('utf-8', { fatal: true });
  for (let e = 0; e < size; e++) {
    const start = p;
    while (p < bytes.length && bytes[p] !== 0 && p - start < MAX_ENTRY_BYTES) p++;
    if (p >= bytes.length) fail(`the file ends inside dictionary entry ${e + 1} of ${size}: it is truncated`);
    if (bytes[p] !== 0) fail(`dictionary entry ${e + 1} is longer than ${MAX_ENTRY_BYTES} bytes: the file is damaged`);
    let word = '';
    try {
      word = dec.decode(bytes.subarray(start, p));
    } catch {
      fail(`dictionary entry ${e + 1} is not valid UTF-8: the file is damaged`);
    }
    p++;
    const count = i64(`the count of dictionary entry ${e + 1}`);
    need(1, `dictionary entry ${e + 1}`);
    const type = bytes[p++];
    if (type !== ENTRY_WORD) fail(`dictionary entry ${e + 1} ("${word}") is a label: supervised models are not read here`);
    words.push(word);
    counts[e] = count;
  }
  const matrix = (name: string, rows: number): Float32Array => {
    need(1, `the ${name} matrix`);
    if (bytes[p++] !== 0) fail(`the ${name} matrix is quantised (a .ftz model); save it unquantised to open it here`);
    const m = i64(`the ${name} matrix's row count`);
    const n = i64(`the ${name} matrix's column count`);
    if (m !== rows || n !== args.dim) fail(`the ${name} matrix is ${m} x ${n}; the header says ${rows} x ${args.dim}: the file is damaged`);
    if (m * n > MAX_MATRIX_FLOATS) fail(`the ${name} matrix (${m} x ${n}) is larger than 2 GiB, more than the lab can hold`);
    need(m * n * 4, `the ${name} matrix`);
    // Rows start wherever the dictionary ended, usually not on a 4-byte boundary: copy into an aligned buffer.
    const copy = new Uint8Array(m * n * 4);
    copy.set(bytes.subarray(p, p + m * n * 4));
    p += m * n * 4;
    return new Float32Array(copy.buffer);
  };
  const input = matrix('input', nwords + args.bucket);
  // Word-vector models keep one output row per word whatever the loss (fastText sizes it by nwords).
  const output = matrix('output', nwords);
  if (p !== bytes.length) fail(`${bytes.length - p} unexpected bytes follow the output matrix: the file is damaged`);
  return { args, words, counts, ntokens, input, output };
}
