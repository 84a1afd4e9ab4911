// The committed GloVe and fastText kernels are what their .wat sources assemble to: editing a .wat without running
// scripts/assembleWasmKernel.ts (or editing the generated base64 by hand) fails here.
import { describe, expect, it } from 'vitest';
import { assembleKernel } from '../../scripts/assembleWasmKernel';
import { GLOVE_KERNEL_WASM } from '../../src/core/models/glove/wasm/gloveKernelWasm';
import { FASTTEXT_KERNEL_WASM } from '../../src/core/models/fasttext/wasm/fastTextKernelWasm';

describe('generated WebAssembly kernels', () => {
  it.each([
    ['src/core/models/glove/wasm/gloveKernel.wat', GLOVE_KERNEL_WASM],
    ['src/core/models/fasttext/wasm/fastTextKernel.wat', FASTTEXT_KERNEL_WASM],
  ])('%s matches its committed base64', async (wat, committed) => {
    expect(await assembleKernel(wat)).toBe(committed);
  });
});
