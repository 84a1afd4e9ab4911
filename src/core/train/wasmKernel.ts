// Host side of the WebAssembly SIMD kernel (wasm/kernel.wat): lays every array out in one linear memory, hands
// the addresses to the module and runs one sentence per call, passing the Rng state in and out so that the random
// stream is the same one the JavaScript kernel would use.
import type { KernelResult } from './cpuKernel';
import type { NoiseTables, SigmoidTables } from './cpuTables';
import type { Rng } from './rng';
import { KERNEL_WASM_PLAIN, KERNEL_WASM_SHARED } from './wasm/kernelWasm';
import { compileWasmModule, trainSentenceInWasm, type SentenceKernelExports } from './wasmModule';

/** Bytes per WebAssembly memory page. */
const PAGE = 65536;
/** SIMD rows are loaded 16 bytes at a time: keep every array 16-byte aligned. */
const ALIGN = 16;
/** Floats per SIMD lane group: rows are padded to a multiple of this. */
const LANES = 4;
/** wasm32 addresses are 32-bit; stay below 2 GiB so that signed and unsigned views agree. */
const MAX_BYTES = 2 ** 31 - PAGE;

export interface WasmKernelParams {
  dim: number;
  window: number;
  negative: number;
  hs: boolean;
  cbow: boolean;
  vocabSize: number;
  tables: SigmoidTables;
  noise: NoiseTables | null;
  codes: Uint8Array;
  points: Int32Array;
  codeOffsets: Int32Array;
  maxSentence: number;
}

export interface WasmKernel {
  readonly name: 'wasm-simd';
  readonly memory: WebAssembly.Memory;
  /** The compiled module (shared-memory variant when threads > 1), for helper threads to instantiate. */
  readonly module: WebAssembly.Module;
  readonly layout: KernelLayout;
  /** Threads the memory has scratch space for; thread 0 is this kernel's own. */
  readonly threads: number;
  /** Floats per row in syn0/syn1neg/syn1 (dim rounded up to 4; the padding is always 0). */
  readonly stride: number;
  readonly syn0: Float32Array;
  readonly syn1neg: Float32Array;
  readonly syn1: Float32Array;
  /** Where the host writes the down-sampled sentence before calling train(). */
  readonly sen: Int32Array;
  train(len: number, alpha: number, rng: Rng, out: KernelResult): void;
}

const modules = new Map<boolean, WebAssembly.Module | null>();

/** The compiled module, or null when this runtime lacks WebAssembly SIMD (or shared memory, when asked). */
export function kernelModule(shared: boolean): WebAssembly.Module | null {
  const cached = modules.get(shared);
  if (cached !== undefined) return cached;
  const mod = compileWasmModule(shared ? KERNEL_WASM_SHARED : KERNEL_WASM_PLAIN);
  modules.set(shared, mod);
  return mod;
}

/** Byte layout of every array in the shared linear memory. */
export interface KernelLayout {
  stride: number;
  rowBytes: number;
  syn0: number;
  syn1neg: number;
  syn1: number;
  sig: number;
  lpos: number;
  lneg: number;
  thr: number;
  alias: number;
  codes: number;
  points: number;
  offs: number;
  /** Per-thread scratch (neu1, neu1e, sentence), one block per thread. */
  scratch: number;
  scratchBytes: number;
  bytes: number;
}

export function kernelLayout(p: WasmKernelParams, threads: number): KernelLayout {
  const stride = Math.ceil(p.dim / LANES) * LANES;
  const rowBytes = stride * 4;
  let at = ALIGN; // keep address 0 unused
  const take = (bytes: number): number => {
    const start = at;
    at += Math.ceil(bytes / ALIGN) * ALIGN;
    return start;
  };
  const V = p.vocabSize;
  const syn0 = take(V * rowBytes);
  const syn1neg = take(p.negative > 0 ? V * rowBytes : 0);
  const syn1 = take(p.hs ? (V - 1) * rowBytes : 0);
  const sig = take(p.tables.sigmoid.byteLength);
  const lpos = take(p.tables.lossPositive.byteLength);
  const lneg = take(p.tables.lossNegative.byteLength);
  const thr = take(p.noise ? p.noise.threshold.byteLength : 0);
  const alias = take(p.noise ? p.noise.alias.byteLength : 0);
  const codes = take(p.codes.byteLength);
  const points = take(p.points.byteLength);
  const offs = take(p.codeOffsets.byteLength);
  const scratchBytes = Math.ceil((2 * rowBytes + 4 * Math.max(1, p.maxSentence)) / ALIGN) * ALIGN;
  const scratch = take(scratchBytes * threads);
  return { stride, rowBytes, syn0, syn1neg, syn1, sig, lpos, lneg, thr, alias, codes, points, offs, scratch, scratchBytes, bytes: at };
}

/** Copy the read-only tables into memory laid out by `layout`. */
export function writeTables(memory: WebAssembly.Memory, layout: KernelLayout, p: WasmKernelParams): void {
  const buf = memory.buffer;
  new Float32Array(buf, layout.sig, p.tables.sigmoid.length).set(p.tables.sigmoid);
  new Float32Array(buf, layout.lpos, p.tables.lossPositive.length).set(p.tables.lossPositive);
  new Float32Array(buf, layout.lneg, p.tables.lossNegative.length).set(p.tables.lossNegative);
  if (p.noise) {
    new Float64Array(buf, layout.thr, p.noise.threshold.length).set(p.noise.threshold);
    new Int32Array(buf, layout.alias, p.noise.alias.length).set(p.noise.alias);
  }
  new Uint8Array(buf, layout.codes, p.codes.length).set(p.codes);
  new Int32Array(buf, layout.points, p.points.length).set(p.points);
  new Int32Array(buf, layout.offs, p.codeOffsets.length).set(p.codeOffsets);
}

/** The arguments of the module's setup() for thread `thread` (its own scratch block), and its sentence address. */
export function setupArgs(layout: KernelLayout, p: WasmKernelParams, thread: number): { args: number[]; sen: number } {
  const base = layout.scratch + thread * layout.scratchBytes;
  const neu1 = base;
  const neu1e = base + layout.rowBytes;
  const sen = base + 2 * layout.rowBytes;
  const args = [
    layout.rowBytes, p.window, p.negative, p.hs ? 1 : 0, p.cbow ? 1 : 0, p.vocabSize,
    layout.syn0, layout.syn1neg, layout.syn1, layout.sig, layout.lpos, layout.lneg,
    layout.thr, layout.alias, layout.codes, layout.points, layout.offs, neu1, neu1e,
  ];
  return { args, sen };
}

function instantiateKernel(
  mod: WebAssembly.Module,
  memory: WebAssembly.Memory,
  layout: KernelLayout,
  p: WasmKernelParams,
  thread: number,
): { exports: SentenceKernelExports; sen: number } {
  const instance = new WebAssembly.Instance(mod, { env: { memory } });
  const ex = instance.exports as unknown as SentenceKernelExports;
  const { args, sen } = setupArgs(layout, p, thread);
  ex.setup(...args);
  return { exports: ex, sen };
}

/** Memory for `layout`, or null when it is too large for wasm32 here. */
export function allocateMemory(layout: KernelLayout, shared: boolean): WebAssembly.Memory | null {
  if (layout.bytes > MAX_BYTES) return null;
  const pages = Math.ceil(layout.bytes / PAGE);
  try {
    return new WebAssembly.Memory({ initial: pages, maximum: pages, shared });
  } catch {
    return null;
  }
}

/**
 * A kernel for this thread, or null when WebAssembly SIMD (or, for threads > 1, shared memory) is unavailable; the
 * caller then falls back to JavaScript. With threads > 1 the memory is shared and has scratch for helper threads.
 */
export function createWasmKernel(p: WasmKernelParams, threads = 1): WasmKernel | null {
  const shared = threads > 1;
  const mod = kernelModule(shared);
  if (!mod) return null;
  const layout = kernelLayout(p, threads);
  const memory = allocateMemory(layout, shared);
  if (!memory) return null;
  writeTables(memory, layout, p);
  const { exports: ex, sen } = instantiateKernel(mod, memory, layout, p, 0);
  const buf = memory.buffer;
  const V = p.vocabSize;
  return {
    name: 'wasm-simd',
    memory,
    module: mod,
    layout,
    threads,
    stride: layout.stride,
    syn0: new Float32Array(buf, layout.syn0, V * layout.stride),
    syn1neg: new Float32Array(buf, layout.syn1neg, p.negative > 0 ? V * layout.stride : 0),
    syn1: new Float32Array(buf, layout.syn1, p.hs ? (V - 1) * layout.stride : 0),
    sen: new Int32Array(buf, sen, Math.max(1, p.maxSentence)),
    train(len: number, alpha: number, rng: Rng, out: KernelResult): void {
      trainSentenceInWasm(ex, sen, len, alpha, rng, out);
    },
  };
}
