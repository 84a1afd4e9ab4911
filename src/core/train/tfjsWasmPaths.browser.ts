// Browser-only (Vite): hands the tfjs wasm backend the URLs of its three .wasm binaries as bundled assets, so that
// they are served from this site (never a CDN) under their hashed names. Kept apart from the core because the
// `?url` suffix is a Vite feature that Node cannot import; tfjsBackend.ts imports this file only in a browser.
// Importing it for its side effect is enough: `import './tfjsWasmPaths.browser'`.
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';

setWasmPaths({
  'tfjs-backend-wasm.wasm': wasmPlain,
  'tfjs-backend-wasm-simd.wasm': wasmSimd,
  'tfjs-backend-wasm-threaded-simd.wasm': wasmThreadedSimd,
});

export const TFJS_WASM_URLS = { wasmPlain, wasmSimd, wasmThreadedSimd } as const;
