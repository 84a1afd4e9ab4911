// Host side of fastText's WebAssembly SIMD kernel (wasm/fastTextKernel.wat): lays the rows, the subword table, the
// lookup tables and the scratch vectors out in one linear memory, hands back the input and output rows as views into
// it (so the trainer reads them as it reads the JavaScript kernel's arrays) and runs one sentence per call, passing
// the Rng state in and out so that the random stream is the one the JavaScript kernel would use.
import type { NoiseTables, SigmoidTables } from '../../train/cpuTables';
import type { Rng } from '../../train/rng';
import type { FastTextKernelResult } from './fastTextKernel';
import { FASTTEXT_KERNEL_WASM } from './wasm/fastTextKernelWasm';
import { compileWasmModule, trainSentenceInWasm, type SentenceKernelExports } from '../../train/wasmModule';

/** Bytes per WebAssembly memory page. */
const PAGE = 65536;
/** SIMD loads take 16 bytes: every array starts 16-byte aligned (rows too when dim is a multiple of 4). */
const ALIGN = 16;
/** wasm32 addresses: stay below 2 GiB so that signed and unsigned views agree. */
const MAX_BYTES = 2 ** 31 - PAGE;

export interface FastTextWasmParams {
  readonly dim: number;
  readonly window: number;
  readonly negative: number;
  readonly cbow: boolean;
  readonly vocabSize: number;
  /** N-gram rows after the word rows (0 without subwords). */
  readonly bucket: number;
  readonly subOffsets: Int32Array;
  readonly subRows: Int32Array;
  readonly selfOverlap: Float32Array;
  readonly tables: SigmoidTables;
  readonly noise: NoiseTables;
  /** Most row ids CBOW pools for one example (2 x window x the most rows of a word). */
  readonly bowLength: number;
  readonly maxSentence: number;
}

export interface FastTextWasmKernel {
  /** (vocabSize + bucket) x dim input rows, in the kernel's memory (all zero until the host fills them). */
  readonly input: Float32Array;
  /** vocabSize x dim output rows, in the kernel's memory (zero). */
  readonly output: Float32Array;
  /** Where the host writes the down-sampled sentence before calling train(). */
  readonly sen: Int32Array;
  /** Train on sen[0..len) as trainSentenceFastText does. */
  train(len: number, alpha: number, rng: Rng, out: FastTextKernelResult): void;
}

let compiled: WebAssembly.Module | null | undefined;

/** The compiled module, or null when this runtime has no WebAssembly SIMD. */
function fastTextModule(): WebAssembly.Module | null {
  if (compiled === undefined) compiled = compileWasmModule(FASTTEXT_KERNEL_WASM);
  return compiled;
}

/** Whether this runtime can run the kernel at all (SIMD present); memory may still be refused for a big model. */
export function fastTextWasmAvailable(): boolean {
  return fastTextModule() !== null;
}

/**
 * The kernel with its tables copied in and its rows zeroed, or null when this runtime has no WebAssembly SIMD or
 * the model does not fit in 2 GiB of wasm32 memory (the JavaScript kernel then carries on).
 */
export function createFastTextWasm(p: FastTextWasmParams): FastTextWasmKernel | null {
  const mod = fastTextModule();
  if (!mod) return null;
  const V = p.vocabSize;
  const rowBytes = p.dim * 4;
  let at = ALIGN; // address 0 unused
  const take = (bytes: number): number => {
    const start = at;
    at += Math.ceil(bytes / ALIGN) * ALIGN;
    return start;
  };
  const input = take((V + p.bucket) * rowBytes);
  const output = take(V * rowBytes);
  const offs = take(p.subOffsets.byteLength);
  const subRows = take(p.subRows.byteLength);
  const overlap = take(p.selfOverlap.byteLength);
  const sig = take(p.tables.sigmoid.byteLength);
  const lpos = take(p.tables.lossPositive.byteLength);
  const lneg = take(p.tables.lossNegative.byteLength);
  const thr = take(p.noise.threshold.byteLength);
  const alias = take(p.noise.alias.byteLength);
  const hidden = take(rowBytes);
  const grad = take(rowBytes);
  const total = take(rowBytes);
  const bow = take(Math.max(1, p.bowLength) * 4);
  const sen = take(Math.max(1, p.maxSentence) * 4);
  if (at > MAX_BYTES) return null;
  let memory: WebAssembly.Memory;
  let ex: SentenceKernelExports;
  try {
    const pages = Math.ceil(at / PAGE);
    memory = new WebAssembly.Memory({ initial: pages, maximum: pages });
    ex = new WebAssembly.Instance(mod, { env: { memory } }).exports as unknown as SentenceKernelExports;
  } catch {
    return null;
  }
  const buf = memory.buffer;
  new Int32Array(buf, offs, p.subOffsets.length).set(p.subOffsets);
  new Int32Array(buf, subRows, p.subRows.length).set(p.subRows);
  new Float32Array(buf, overlap, p.selfOverlap.length).set(p.selfOverlap);
  new Float32Array(buf, sig, p.tables.sigmoid.length).set(p.tables.sigmoid);
  new Float32Array(buf, lpos, p.tables.lossPositive.length).set(p.tables.lossPositive);
  new Float32Array(buf, lneg, p.tables.lossNegative.length).set(p.tables.lossNegative);
  new Float64Array(buf, thr, p.noise.threshold.length).set(p.noise.threshold);
  new Int32Array(buf, alias, p.noise.alias.length).set(p.noise.alias);
  ex.setup(rowBytes, p.window, p.negative, p.cbow ? 1 : 0, V, input, output, offs, subRows, overlap, sig, lpos, lneg,
    thr, alias, hidden, grad, total, bow);
  return {
    input: new Float32Array(buf, input, (V + p.bucket) * p.dim),
    output: new Float32Array(buf, output, V * p.dim),
    sen: new Int32Array(buf, sen, Math.max(1, p.maxSentence)),
    train(len, alpha, rng, out) {
      trainSentenceInWasm(ex, sen, len, alpha, rng, out);
    },
  };
}
