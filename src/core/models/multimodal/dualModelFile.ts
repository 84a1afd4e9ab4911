// The lab's own file for an image-text model: a JSON header (architecture, weight names and shapes, free metadata)
// and the weights as little-endian float32, in the header's order. Small (the shipped model is a few hundred KB)
// and readable without tfjs.
//   "ELDM" | version u8 | 3 zero bytes | u32 JSON length | JSON header | zero padding to a multiple of 4 | float32s
import { MultimodalModel } from './dualModel';
import { weightShapes, type DualArchitecture, type NamedWeight } from './dualArchitecture';

export const DUAL_MAGIC = 'ELDM';
export const DUAL_VERSION = 1;
export const DUAL_EXTENSION = '.eldm';
const PREAMBLE_BYTES = 12;
/** A header past this is not one we wrote (it guards against reading a wrong file as a huge string). */
const MAX_JSON_BYTES = 1 << 20;

interface Header {
  architecture: DualArchitecture;
  weights: { name: string; shape: number[] }[];
  meta: Record<string, unknown>;
}

const align4 = (n: number): number => (n + 3) & ~3;

export function isDualModelFile(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && String.fromCharCode(bytes[0]!, bytes[1]!, bytes[2]!, bytes[3]!) === DUAL_MAGIC;
}

export function writeDualModel(model: MultimodalModel, meta: Record<string, unknown> = {}): Uint8Array {
  const header: Header = { architecture: { ...model.arch, words: [...model.arch.words], channels: [...model.arch.channels] }, weights: model.weights.map(({ name, shape }) => ({ name, shape })), meta };
  const json = new TextEncoder().encode(JSON.stringify(header));
  const dataAt = align4(PREAMBLE_BYTES + json.length);
  const floats = model.weights.reduce((s, w) => s + w.values.length, 0);
  const out = new Uint8Array(dataAt + floats * 4);
  const view = new DataView(out.buffer);
  out.set(new TextEncoder().encode(DUAL_MAGIC), 0);
  out[4] = DUAL_VERSION;
  view.setUint32(8, json.length, true);
  out.set(json, PREAMBLE_BYTES);
  let at = dataAt;
  for (const w of model.weights) {
    for (let i = 0; i < w.values.length; i++, at += 4) view.setFloat32(at, w.values[i]!, true);
  }
  return out;
}

/** Reads a file written by writeDualModel; a wrong, truncated or inconsistent file throws a sentence saying which. */
export function readDualModel(bytes: Uint8Array, fileName = 'model'): { model: MultimodalModel; meta: Record<string, unknown> } {
  const fail = (why: string) => new Error(`${fileName}: ${why}`);
  if (!isDualModelFile(bytes)) throw fail(`not an image-text model file (it does not start with "${DUAL_MAGIC}")`);
  if (bytes.length < PREAMBLE_BYTES) throw fail('the file is truncated (no header)');
  if (bytes[4] !== DUAL_VERSION) throw fail(`version ${bytes[4]} of the format; this lab reads version ${DUAL_VERSION}`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const jsonLength = view.getUint32(8, true);
  if (jsonLength > MAX_JSON_BYTES || PREAMBLE_BYTES + jsonLength > bytes.length) throw fail('the header is truncated or too long');
  let header: Header;
  try {
    header = JSON.parse(new TextDecoder().decode(bytes.subarray(PREAMBLE_BYTES, PREAMBLE_BYTES + jsonLength))) as Header;
  } catch (e) {
    throw fail(`the header is not valid JSON (${(e as Error).message})`);
  }
  const arch = header.architecture;
  if (!arch || !Array.isArray(arch.words) || !Array.isArray(arch.channels) || !Number.isInteger(arch.dim) || !Number.isInteger(arch.imageSize)) {
    throw fail('the header has no valid architecture (words, dim, imageSize, channels)');
  }
  const expected = weightShapes(arch);
  const given = header.weights ?? [];
  if (JSON.stringify(expected) !== JSON.stringify(given)) throw fail('the weights listed in the header do not match the architecture');
  let at = align4(PREAMBLE_BYTES + jsonLength);
  const floats = expected.reduce((s, w) => s + w.shape.reduce((x, y) => x * y, 1), 0);
  if (bytes.length !== at + floats * 4) throw fail(`expected ${at + floats * 4} bytes for these weights, found ${bytes.length}`);
  const weights: NamedWeight[] = expected.map(({ name, shape }) => {
    const values = new Float32Array(shape.reduce((x, y) => x * y, 1));
    for (let i = 0; i < values.length; i++, at += 4) values[i] = view.getFloat32(at, true);
    return { name, shape, values };
  });
  return { model: new MultimodalModel(arch, weights), meta: header.meta ?? {} };
}
