// The compact format the lab ships its own vectors in (public/vectors/*.elv): about 4x smaller than float32 because
// each row is stored as int8 with one float32 scale per row (scale = max |x| / 127), so every row keeps its own
// range and the cosine error stays far below 1%. Layout, all little-endian:
//   "ELVC" | version u8 | 3 zero bytes | u32 JSON length | JSON {count, dim, quantisation, wordsBytes, meta}
//   | words as UTF-8 joined by "\n" | zero padding to a multiple of 4 | float32 scale x count | int8 x count*dim
import { KeyedVectors } from '../keyedVectors';
import { checkShape, VectorFormatError } from './errors';

export const COMPACT_MAGIC = 'ELVC';
export const COMPACT_VERSION = 1;
/** Symmetric int8 range: -127..127 keeps zero exact and the scale symmetric. */
const INT8_LEVELS = 127;
const PREAMBLE_BYTES = 12;
/** A header JSON larger than this is not ours (it holds a few counts and the caller's small metadata object). */
const MAX_JSON_BYTES = 16 * 2 ** 20;
const QUANTISATION = 'int8-row-scale';

interface CompactHeader {
  count: number;
  dim: number;
  quantisation: string;
  wordsBytes: number;
  meta?: Record<string, unknown>;
}

const align4 = (n: number): number => (n + 3) & ~3;

export function isCompact(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && String.fromCharCode(bytes[0]!, bytes[1]!, bytes[2]!, bytes[3]!) === COMPACT_MAGIC;
}

export function writeCompact(kv: KeyedVectors, meta: Record<string, unknown> = {}): Uint8Array {
  const encoder = new TextEncoder();
  kv.words.forEach((w, i) => {
    if (w.includes('\n')) throw new Error(`word ${i + 1} (${JSON.stringify(w)}) holds a newline and cannot be stored`);
  });
  const wordBytes = encoder.encode(kv.words.join('\n'));
  const header: CompactHeader = { count: kv.size, dim: kv.dim, quantisation: QUANTISATION, wordsBytes: wordBytes.length, meta };
  const json = encoder.encode(JSON.stringify(header));
  const scalesAt = align4(PREAMBLE_BYTES + json.length + wordBytes.length);
  const valuesAt = scalesAt + kv.size * 4;
  const out = new Uint8Array(valuesAt + kv.size * kv.dim);
  const view = new DataView(out.buffer);
  out.set(encoder.encode(COMPACT_MAGIC), 0);
  out[4] = COMPACT_VERSION;
  view.setUint32(8, json.length, true);
  out.set(json, PREAMBLE_BYTES);
  out.set(wordBytes, PREAMBLE_BYTES + json.length);
  const values = new Int8Array(out.buffer, valuesAt, kv.size * kv.dim);
  for (let i = 0; i < kv.size; i++) {
    let maxAbs = 0;
    for (let k = 0; k < kv.dim; k++) maxAbs = Math.max(maxAbs, Math.abs(kv.vectors[i * kv.dim + k]!));
    const scale = maxAbs / INT8_LEVELS;
    view.setFloat32(scalesAt + i * 4, scale, true);
    if (scale === 0) continue;
    for (let k = 0; k < kv.dim; k++) {
      const q = Math.round(kv.vectors[i * kv.dim + k]! / scale);
      values[i * kv.dim + k] = Math.max(-INT8_LEVELS, Math.min(INT8_LEVELS, q));
    }
  }
  return out;
}

export function readCompact(
  bytes: Uint8Array,
  o: { fileName?: string; maxWords?: number } = {},
): { kv: KeyedVectors; meta: Record<string, unknown>; count: number } {
  const where = { fileName: o.fileName };
  const fail = (detail: string): never => {
    throw new VectorFormatError(detail, where);
  };
  if (bytes.length === 0) fail('the file is empty');
  if (!isCompact(bytes)) fail(`not an Embedding Lab compact file (it should start with "${COMPACT_MAGIC}")`);
  if (bytes.length < PREAMBLE_BYTES) fail('the file ends inside its header');
  if (bytes[4] !== COMPACT_VERSION) fail(`compact format version ${bytes[4]} is not supported (this lab reads version ${COMPACT_VERSION})`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const jsonBytes = view.getUint32(8, true);
  if (jsonBytes > MAX_JSON_BYTES || PREAMBLE_BYTES + jsonBytes > bytes.length) fail('the header length is wrong: the file is damaged or truncated');
  let header: CompactHeader;
  try {
    header = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(PREAMBLE_BYTES, PREAMBLE_BYTES + jsonBytes)));
  } catch {
    return fail('the header is not valid JSON: the file is damaged');
  }
  if (typeof header !== 'object' || header === null) return fail('the header is not a JSON object: the file is damaged');
  const { count, dim, wordsBytes } = header;
  if (header.quantisation !== QUANTISATION) fail(`unknown quantisation ${JSON.stringify(header.quantisation)}`);
  checkShape(count, dim, where);
  if (!Number.isSafeInteger(wordsBytes) || wordsBytes < 0) fail('the header has no valid word list length');
  const wordsAt = PREAMBLE_BYTES + jsonBytes;
  const scalesAt = align4(wordsAt + wordsBytes);
  const valuesAt = scalesAt + count * 4;
  const expected = valuesAt + count * dim;
  if (bytes.length !== expected) fail(`the file is ${bytes.length} bytes but its header describes ${expected}: it is damaged or truncated`);
  const allWords = count === 0 ? [] : new TextDecoder().decode(bytes.subarray(wordsAt, wordsAt + wordsBytes)).split('\n');
  if (allWords.length !== count) fail(`the header announces ${count} words but the word list holds ${allWords.length}`);
  const n = Math.min(count, o.maxWords ?? count);
  const vectors = new Float32Array(n * dim);
  const values = new Int8Array(bytes.buffer, bytes.byteOffset + valuesAt, n * dim);
  for (let i = 0; i < n; i++) {
    const scale = view.getFloat32(scalesAt + i * 4, true);
    if (!Number.isFinite(scale) || scale < 0) fail(`word ${i + 1} ("${allWords[i]}") has an invalid scale ${scale}`);
    for (let k = 0; k < dim; k++) vectors[i * dim + k] = values[i * dim + k]! * scale;
  }
  return { kv: new KeyedVectors(allWords.slice(0, n), vectors, dim), meta: header.meta ?? {}, count };
}
