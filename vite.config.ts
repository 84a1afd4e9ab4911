import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { offlinePlugin } from './scripts/offlinePlugin.ts';
import { lessonsCheckPlugin } from './scripts/lessonsCheckPlugin.ts';

// Relative base so the built lab works from any folder or static host, and offline once loaded.
export default defineConfig({
  base: './',
  // offlinePlugin: the service worker that keeps the built lab working without a network (src/sw/serviceWorker.ts).
  // lessonsCheckPlugin: a lesson file with a bad widget directive, quiz or lecture step stops the build (file, line).
  plugins: [react(), offlinePlugin(), lessonsCheckPlugin()],
  worker: { format: 'es' },
  // tfjs is found late by the worker; pre-bundling it up front avoids a dev-server reload (see docs/measurements.md, "Browser").
  optimizeDeps: {
    include: [
      '@tensorflow/tfjs',
      '@tensorflow/tfjs-backend-webgpu',
      '@tensorflow/tfjs-backend-wasm',
      'plotly.js-dist-min',
    ],
  },
  build: { target: 'es2022', chunkSizeWarningLimit: 5000, sourcemap: false },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
