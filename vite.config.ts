import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { offlinePlugin } from './scripts/offlinePlugin.ts';
import { cspPlugin } from './scripts/csp.ts';

// Relative base so the built lab works from any folder or static host, and offline once loaded.
export default defineConfig({
  base: './',
  // offlinePlugin: the service worker that keeps the built lab working without a network (src/sw/serviceWorker.ts).
  // cspPlugin: the Content-Security-Policy of the built lab (scripts/csp.ts).
  plugins: [react(), offlinePlugin(), cspPlugin()],
  worker: { format: 'es' },
  // plotly's "strict" build draws WebGL traces (the map's scattergl) with precompiled regl code instead of compiling
  // it with Function() at run time, so the Content-Security-Policy can forbid eval (scripts/csp.ts). Same API and
  // version line, so the code and its types keep importing 'plotly.js-dist-min'.
  resolve: { alias: [{ find: /^plotly\.js-dist-min$/, replacement: 'plotly.js-strict-dist-min' }] },
  // tfjs is found late by the worker; pre-bundling it up front avoids a dev-server reload (see docs/measurements.md, "Browser").
  optimizeDeps: {
    include: [
      '@tensorflow/tfjs',
      '@tensorflow/tfjs-backend-webgpu',
      '@tensorflow/tfjs-backend-wasm',
      'plotly.js-strict-dist-min',
    ],
  },
  build: { target: 'es2022', chunkSizeWarningLimit: 5000, sourcemap: false },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
