// Compiling a SIMD kernel shipped as base64 (word2vec, GloVe, fastText): one place decodes, validates and compiles,
// and says null when the runtime cannot run it, so each trainer falls back to its JavaScript kernel.

/** The module in `base64`, or null when this runtime has no WebAssembly, or lacks a feature it uses (SIMD, shared
 *  memory). Callers cache the answer: compiling is the costly part. */
export function compileWasmModule(base64: string): WebAssembly.Module | null {
  try {
    if (typeof WebAssembly !== 'object') return null;
    const bin = atob(base64);
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    return WebAssembly.validate(bytes) ? new WebAssembly.Module(bytes) : null;
  } catch {
    return null;
  }
}

/** What the word2vec and fastText kernels export: one sentence's training step, its generator state, its results. */
export interface SentenceKernelExports {
  setup(...args: number[]): void;
  train(sen: number, len: number, alpha: number): void;
  r0: WebAssembly.Global;
  r1: WebAssembly.Global;
  r2: WebAssembly.Global;
  r3: WebAssembly.Global;
  lossSum: WebAssembly.Global;
  examples: WebAssembly.Global;
  diverged: WebAssembly.Global;
}

/** xoshiro128 state, shared with the JavaScript kernels so both draw the same numbers. */
interface GeneratorState {
  s0: number;
  s1: number;
  s2: number;
  s3: number;
}

/**
 * Train on the sentence at `sen` (len words): hand the host's generator state to the kernel and take it back after,
 * so the next sentence (in either kernel) continues the same stream, and add the sentence's loss and examples to `out`.
 */
export function trainSentenceInWasm(
  ex: SentenceKernelExports,
  sen: number,
  len: number,
  alpha: number,
  rng: GeneratorState,
  out: { lossSum: number; examples: number; diverged: boolean },
): void {
  ex.r0.value = rng.s0;
  ex.r1.value = rng.s1;
  ex.r2.value = rng.s2;
  ex.r3.value = rng.s3;
  ex.lossSum.value = 0;
  ex.examples.value = 0;
  ex.train(sen, len, alpha);
  rng.s0 = ex.r0.value as number;
  rng.s1 = ex.r1.value as number;
  rng.s2 = ex.r2.value as number;
  rng.s3 = ex.r3.value as number;
  out.lossSum += ex.lossSum.value as number;
  out.examples += ex.examples.value as number;
  if (ex.diverged.value) {
    out.diverged = true;
    ex.diverged.value = 0;
  }
}
