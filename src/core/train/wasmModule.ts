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
