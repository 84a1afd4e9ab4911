// The contextual model's own file (.elcm): the tokenizer's tokens and every weight as float32, so that a loaded
// model encodes, guesses and attends exactly as the saved one did. Little-endian:
//   "ELCM" | version u8 | 3 zero bytes | u32 JSON length | JSON header | tokens as UTF-8 joined by "\n"
//   | zero padding to a multiple of 4 | float32 weights, one after the other in weightNames() order
// Float32 rather than the int8 rows of the .elv vectors: attention and layer norm amplify small errors, and at the
// shipped size (about half a million weights) the whole file is still about 2 MB.
import { weightNames, weightShape, type TransformerShape } from './transformer';

export const MLM_MAGIC = 'ELCM';
export const MLM_VERSION = 1;
export const MLM_EXTENSION = '.elcm';
const PREAMBLE_BYTES = 12;
const MAX_JSON_BYTES = 1 << 20;

export interface MlmFileHeader {
  shape: TransformerShape;
  tokensBytes: number;
  /** Free-form facts about the run (corpus, seed, steps, loss), kept for whoever reads the file later. */
  meta: Record<string, unknown>;
}

export interface MlmFileContents {
  shape: TransformerShape;
  tokens: string[];
  weights: Map<string, Float32Array>;
  meta: Record<string, unknown>;
}

const align4 = (n: number): number => (n + 3) & ~3;

export class MlmFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MlmFileError';
  }
}

export function isMlmFile(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && String.fromCharCode(bytes[0]!, bytes[1]!, bytes[2]!, bytes[3]!) === MLM_MAGIC;
}

export function writeMlmFile(c: MlmFileContents): Uint8Array {
  const enc = new TextEncoder();
  if (c.tokens.length !== c.shape.vocab) throw new Error(`${c.tokens.length} tokens for a vocabulary of ${c.shape.vocab}.`);
  c.tokens.forEach((t, i) => {
    if (t.includes('\n')) throw new Error(`token ${i} (${JSON.stringify(t)}) holds a newline and cannot be stored`);
  });
  const tokenBytes = enc.encode(c.tokens.join('\n'));
  const header: MlmFileHeader = { shape: c.shape, tokensBytes: tokenBytes.length, meta: c.meta };
  const json = enc.encode(JSON.stringify(header));
  const names = weightNames(c.shape);
  let floats = 0;
  for (const n of names) {
    const want = weightShape(c.shape, n).reduce((a, b) => a * b, 1);
    const got = c.weights.get(n);
    if (!got || got.length !== want) throw new Error(`weight ${n} has ${got?.length ?? 0} values, expected ${want}`);
    floats += want;
  }
  const dataAt = align4(PREAMBLE_BYTES + json.length + tokenBytes.length);
  const out = new Uint8Array(dataAt + floats * 4);
  const view = new DataView(out.buffer);
  out.set(enc.encode(MLM_MAGIC), 0);
  out[4] = MLM_VERSION;
  view.setUint32(8, json.length, true);
  out.set(json, PREAMBLE_BYTES);
  out.set(tokenBytes, PREAMBLE_BYTES + json.length);
  let at = dataAt;
  for (const n of names) {
    const w = c.weights.get(n)!;
    for (let i = 0; i < w.length; i++, at += 4) view.setFloat32(at, w[i]!, true);
  }
  return out;
}

/** Read a .elcm file; a truncated, foreign or inconsistent file is an MlmFileError saying what is wrong. */
export function readMlmFile(bytes: Uint8Array, name = 'the model file'): MlmFileContents {
  if (!isMlmFile(bytes)) throw new MlmFileError(`${name} is not a contextual model file (it does not start with "${MLM_MAGIC}").`);
  if (bytes.length < PREAMBLE_BYTES) throw new MlmFileError(`${name} is cut short (${bytes.length} bytes).`);
  if (bytes[4] !== MLM_VERSION) throw new MlmFileError(`${name} has format version ${bytes[4]}; this lab reads version ${MLM_VERSION}.`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const jsonLen = view.getUint32(8, true);
  if (jsonLen > MAX_JSON_BYTES || PREAMBLE_BYTES + jsonLen > bytes.length) throw new MlmFileError(`${name}: the header length ${jsonLen} does not fit the file.`);
  const dec = new TextDecoder('utf-8', { fatal: true });
  let header: MlmFileHeader;
  try {
    header = JSON.parse(dec.decode(bytes.subarray(PREAMBLE_BYTES, PREAMBLE_BYTES + jsonLen))) as MlmFileHeader;
  } catch (e) {
    throw new MlmFileError(`${name}: the header is not valid JSON (${(e as Error).message}).`);
  }
  const s = header.shape;
  const dims = [s?.vocab, s?.dim, s?.layers, s?.heads, s?.ffn, s?.maxLen];
  if (!dims.every((v) => Number.isInteger(v) && (v as number) > 0) || s.dim % s.heads !== 0) {
    throw new MlmFileError(`${name}: the header's model shape ${JSON.stringify(s)} is not a valid one.`);
  }
  const tokAt = PREAMBLE_BYTES + jsonLen;
  if (!Number.isInteger(header.tokensBytes) || tokAt + header.tokensBytes > bytes.length) throw new MlmFileError(`${name}: the token list runs past the end of the file.`);
  const tokens = dec.decode(bytes.subarray(tokAt, tokAt + header.tokensBytes)).split('\n');
  if (tokens.length !== s.vocab) throw new MlmFileError(`${name}: ${tokens.length} tokens for a vocabulary of ${s.vocab}.`);
  const names = weightNames(s);
  const dataAt = align4(tokAt + header.tokensBytes);
  const floats = names.reduce((sum, n) => sum + weightShape(s, n).reduce((a, b) => a * b, 1), 0);
  if (bytes.length !== dataAt + floats * 4) {
    throw new MlmFileError(`${name} holds ${bytes.length - dataAt} bytes of weights; its header's shape needs ${floats * 4}: the file is cut short or damaged.`);
  }
  const weights = new Map<string, Float32Array>();
  let at = dataAt;
  for (const n of names) {
    const w = new Float32Array(weightShape(s, n).reduce((a, b) => a * b, 1));
    for (let i = 0; i < w.length; i++, at += 4) w[i] = view.getFloat32(at, true);
    weights.set(n, w);
  }
  return { shape: s, tokens, weights, meta: header.meta ?? {} };
}
