// Host side of GloVe's WebAssembly SIMD kernel (wasm/gloveKernel.wat): lays the weights, the squared-gradient sums
// and the cells out in one linear memory (rows padded to 4 floats), and hands back GloveWeights / TrainingCells whose
// arrays are views into that memory, so the rest of the trainer reads them as it reads the JavaScript kernel's.
import type { GloveWeights, SweepResult, TrainingCells } from './gloveKernel';
import { GRAD_CLIP } from './gloveKernel';
import { GLOVE_KERNEL_WASM } from './wasm/gloveKernelWasm';
import { compileWasmModule } from '../../train/wasmModule';

const PAGE = 65536;
/** SIMD loads take 16 bytes: every array starts 16-byte aligned. */
const ALIGN = 16;
const LANES = 4;
/** wasm32 addresses: stay below 2 GiB so that signed and unsigned views agree. */
const MAX_BYTES = 2 ** 31 - PAGE;

interface Exports {
  setup(...args: number[]): void;
  sweep(from: number, to: number, eta: number): void;
  cost: WebAssembly.Global;
  skipped: WebAssembly.Global;
}

export interface GloveWasmKernel {
  readonly weights: GloveWeights;
  readonly cells: TrainingCells;
  sweep(from: number, to: number, eta: number, out: SweepResult): void;
}

let compiled: WebAssembly.Module | null | undefined;

function gloveModule(): WebAssembly.Module | null {
  if (compiled === undefined) compiled = compileWasmModule(GLOVE_KERNEL_WASM);
  return compiled;
}

/** The kernel with `init`'s values and `cells` copied in, or null when this runtime has no WebAssembly SIMD or the
 *  problem does not fit in 2 GiB (the JavaScript kernel then carries on). */
export function createGloveWasm(init: GloveWeights, cells: TrainingCells): GloveWasmKernel | null {
  const mod = gloveModule();
  if (!mod) return null;
  const V = init.vocabSize;
  const dim = init.dim;
  const stride = Math.ceil(dim / LANES) * LANES;
  const rowBytes = stride * 4;
  const n = cells.rows.length;
  let at = ALIGN; // address 0 unused
  const take = (bytes: number): number => {
    const start = at;
    at += Math.ceil(bytes / ALIGN) * ALIGN;
    return start;
  };
  const W = take(V * rowBytes);
  const C = take(V * rowBytes);
  const GW = take(V * rowBytes);
  const GC = take(V * rowBytes);
  const BW = take(V * 4);
  const BC = take(V * 4);
  const GBW = take(V * 4);
  const GBC = take(V * 4);
  const rows = take(n * 4);
  const cols = take(n * 4);
  const logX = take(n * 4);
  const weight = take(n * 4);
  if (at > MAX_BYTES) return null;
  let memory: WebAssembly.Memory;
  let ex: Exports;
  try {
    memory = new WebAssembly.Memory({ initial: Math.ceil(at / PAGE), maximum: Math.ceil(at / PAGE) });
    ex = new WebAssembly.Instance(mod, { env: { memory } }).exports as unknown as Exports;
  } catch {
    return null;
  }
  const buf = memory.buffer;
  const f32 = (addr: number, len: number) => new Float32Array(buf, addr, len);
  const i32 = (addr: number, len: number) => new Int32Array(buf, addr, len);
  const weights: GloveWeights = {
    vocabSize: V,
    dim,
    stride,
    word: f32(W, V * stride),
    context: f32(C, V * stride),
    gWord: f32(GW, V * stride),
    gContext: f32(GC, V * stride),
    wordBias: f32(BW, V),
    contextBias: f32(BC, V),
    gWordBias: f32(GBW, V),
    gContextBias: f32(GBC, V),
  };
  // Padding lanes: weights 0 (fresh memory), squared sums 1 so that 0 / sqrt(1) keeps them 0.
  weights.gWord.fill(1);
  weights.gContext.fill(1);
  for (let r = 0; r < V; r++) {
    weights.word.set(init.word.subarray(r * init.stride, r * init.stride + dim), r * stride);
    weights.context.set(init.context.subarray(r * init.stride, r * init.stride + dim), r * stride);
    weights.gWord.set(init.gWord.subarray(r * init.stride, r * init.stride + dim), r * stride);
    weights.gContext.set(init.gContext.subarray(r * init.stride, r * init.stride + dim), r * stride);
  }
  weights.wordBias.set(init.wordBias);
  weights.contextBias.set(init.contextBias);
  weights.gWordBias.set(init.gWordBias);
  weights.gContextBias.set(init.gContextBias);
  const inMemory: TrainingCells = { rows: i32(rows, n), cols: i32(cols, n), logX: f32(logX, n), weight: f32(weight, n) };
  inMemory.rows.set(cells.rows);
  (inMemory.cols as Int32Array).set(cells.cols);
  (inMemory.logX as Float32Array).set(cells.logX);
  (inMemory.weight as Float32Array).set(cells.weight);
  ex.setup(rowBytes, W, C, GW, GC, BW, BC, GBW, GBC, rows, cols, logX, weight, GRAD_CLIP);
  return {
    weights,
    cells: inMemory,
    sweep(from, to, eta, out) {
      ex.cost.value = 0;
      ex.skipped.value = 0;
      ex.sweep(from, to, eta);
      const skipped = ex.skipped.value as number;
      out.cost += ex.cost.value as number;
      out.skipped += skipped;
      out.updated += to - from - skipped;
    },
  };
}
