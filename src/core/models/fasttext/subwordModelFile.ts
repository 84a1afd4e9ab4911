// The lab's own file for a subword (fastText) model: the vocabulary and the whole input matrix (word rows and n-gram
// bucket rows), so that unseen words still get vectors after loading. The output rows are not kept: they are needed
// only to go on training, and fastText's .bin (fastTextBin.ts) keeps them when that is wanted.
// Rows are int8 with one float32 scale per row (as the .elv compact vectors) or plain float32. Little-endian:
//   "ELFT" | version u8 | 3 zero bytes | u32 JSON length | JSON header
//   | words as UTF-8 joined by "\n" | zero padding to a multiple of 4
//   | int8: float32 scale x rows, then int8 x rows*dim  |  float32: float32 x rows*dim
import { checkShape, VectorFormatError } from '../../vectors/formats/errors';
import { FastTextVectors, type SubwordParams } from './fastTextVectors';
import { MAX_BUCKET, MAX_NGRAM } from './fastTextTrainer';

export const SUBWORD_MAGIC = 'ELFT';
export const SUBWORD_VERSION = 1;
/** File extension of this format. */
export const SUBWORD_EXTENSION = '.elft';
const PREAMBLE_BYTES = 12;
const MAX_JSON_BYTES = 16 * 2 ** 20;
/** Symmetric int8 range: -127..127 keeps zero exact. */
const INT8_LEVELS = 127;

export type RowEncoding = 'int8-row-scale' | 'float32';

interface Header {
  words: number;
  dim: number;
  minn: number;
  maxn: number;
  bucket: number;
  encoding: RowEncoding;
  wordsBytes: number;
  meta?: Record<string, unknown>;
}

const align4 = (n: number): number => (n + 3) & ~3;

export function isSubwordModelFile(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && String.fromCharCode(bytes[0]!, bytes[1]!, bytes[2]!, bytes[3]!) === SUBWORD_MAGIC;
}

export function writeSubwordModel(kv: FastTextVectors, o: { encoding?: RowEncoding; meta?: Record<string, unknown> } = {}): Uint8Array {
  const encoding = o.encoding ?? 'int8-row-scale';
  const enc = new TextEncoder();
  kv.words.forEach((w, i) => {
    if (w.includes('\n')) throw new Error(`word ${i + 1} (${JSON.stringify(w)}) holds a newline and cannot be stored`);
  });
  const wordBytes = enc.encode(kv.words.join('\n'));
  const { minn, maxn, bucket } = kv.params;
  const header: Header = { words: kv.size, dim: kv.dim, minn, maxn, bucket, encoding, wordsBytes: wordBytes.length, meta: o.meta ?? {} };
  const json = enc.encode(JSON.stringify(header));
  const rows = kv.size + bucket;
  const dim = kv.dim;
  const dataAt = align4(PREAMBLE_BYTES + json.length + wordBytes.length);
  const dataBytes = encoding === 'float32' ? rows * dim * 4 : rows * 4 + rows * dim;
  const out = new Uint8Array(dataAt + dataBytes);
  const view = new DataView(out.buffer);
  out.set(enc.encode(SUBWORD_MAGIC), 0);
  out[4] = SUBWORD_VERSION;
  view.setUint32(8, json.length, true);
  out.set(json, PREAMBLE_BYTES);
  out.set(wordBytes, PREAMBLE_BYTES + json.length);
  const x = kv.input;
  if (encoding === 'float32') {
    for (let i = 0; i < rows * dim; i++) view.setFloat32(dataAt + i * 4, x[i]!, true);
    return out;
  }
  const valuesAt = dataAt + rows * 4;
  const values = new Int8Array(out.buffer, valuesAt, rows * dim);
  for (let r = 0; r < rows; r++) {
    let maxAbs = 0;
    for (let d = 0; d < dim; d++) maxAbs = Math.max(maxAbs, Math.abs(x[r * dim + d]!));
    const scale = maxAbs / INT8_LEVELS;
    view.setFloat32(dataAt + r * 4, scale, true);
    if (scale === 0) continue;
    for (let d = 0; d < dim; d++) values[r * dim + d] = Math.max(-INT8_LEVELS, Math.min(INT8_LEVELS, Math.round(x[r * dim + d]! / scale)));
  }
  return out;
}

export function readSubwordModel(bytes: Uint8Array, o: { fileName?: string } = {}): { kv: FastTextVectors; meta: Record<string, unknown>; encoding: RowEncoding } {
  const where = { fileName: o.fileName };
  const fail = (detail: string): never => {
    throw new VectorFormatError(detail, where);
  };
  if (bytes.length === 0) fail('the file is empty');
  if (!isSubwordModelFile(bytes)) fail(`not an Embedding Lab subword model (it should start with "${SUBWORD_MAGIC}")`);
  if (bytes.length < PREAMBLE_BYTES) fail('the file ends inside its header');
  if (bytes[4] !== SUBWORD_VERSION) fail(`subword model format version ${bytes[4]} is not supported (this lab reads version ${SUBWORD_VERSION})`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const jsonBytes = view.getUint32(8, true);
  if (jsonBytes > MAX_JSON_BYTES || PREAMBLE_BYTES + jsonBytes > bytes.length) fail('the header length is wrong: the file is damaged or truncated');
  let h: Header;
  try {
    h = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(PREAMBLE_BYTES, PREAMBLE_BYTES + jsonBytes)));
  } catch {
    return fail('the header is not valid JSON: the file is damaged');
  }
  if (typeof h !== 'object' || h === null) return fail('the header is not a JSON object: the file is damaged');
  const intIn = (name: string, v: unknown, lo: number, hi: number): void => {
    if (typeof v !== 'number' || !Number.isInteger(v) || v < lo || v > hi) fail(`the header's ${name} is ${JSON.stringify(v)}, not a whole number from ${lo} to ${hi}`);
  };
  intIn('minn', h.minn, 1, MAX_NGRAM);
  intIn('maxn', h.maxn, 0, MAX_NGRAM);
  intIn('bucket', h.bucket, 0, MAX_BUCKET);
  if (h.encoding !== 'int8-row-scale' && h.encoding !== 'float32') fail(`unknown row encoding ${JSON.stringify(h.encoding)}`);
  checkShape(h.words + h.bucket, h.dim, where);
  if (!Number.isSafeInteger(h.wordsBytes) || h.wordsBytes < 0) fail('the header has no valid word list length');
  const rows = h.words + h.bucket;
  const dim = h.dim;
  const wordsAt = PREAMBLE_BYTES + jsonBytes;
  const dataAt = align4(wordsAt + h.wordsBytes);
  const expected = dataAt + (h.encoding === 'float32' ? rows * dim * 4 : rows * 4 + rows * dim);
  if (bytes.length !== expected) fail(`the file is ${bytes.length} bytes but its header describes ${expected}: it is damaged or truncated`);
  const words = h.words === 0 ? [] : new TextDecoder().decode(bytes.subarray(wordsAt, wordsAt + h.wordsBytes)).split('\n');
  if (words.length !== h.words) fail(`the header announces ${h.words} words but the word list holds ${words.length}`);
  const input = new Float32Array(rows * dim);
  if (h.encoding === 'float32') {
    for (let i = 0; i < rows * dim; i++) input[i] = view.getFloat32(dataAt + i * 4, true);
  } else {
    const values = new Int8Array(bytes.buffer, bytes.byteOffset + dataAt + rows * 4, rows * dim);
    for (let r = 0; r < rows; r++) {
      const scale = view.getFloat32(dataAt + r * 4, true);
      if (!Number.isFinite(scale) || scale < 0) fail(`row ${r + 1} has an invalid scale ${scale}`);
      for (let d = 0; d < dim; d++) input[r * dim + d] = values[r * dim + d]! * scale;
    }
  }
  const params: SubwordParams = { minn: h.minn, maxn: h.maxn, bucket: h.bucket };
  return { kv: new FastTextVectors(words, input, dim, params), meta: h.meta ?? {}, encoding: h.encoding };
}
