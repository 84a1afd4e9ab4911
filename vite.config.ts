import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

// Relative base so the built lab works from any folder or static host, and offline once loaded.
export default defineConfig({
  base: './',
  plugins: [
    react(),
    // Keep working once loaded (a lecture on bad Wi-Fi): a Workbox service worker precaches the built app (code,
    // styles, the tfjs wasm files), the shipped vectors and the corpora the default lab and the step-by-step view
    // use, and the KaTeX fonts (woff2, which every browser that runs the lab reads first); the larger SOTU corpus is
    // cached the first time it is read. Production builds only.
    VitePWA({
      registerType: 'prompt',
      injectRegister: 'script-defer',
      manifest: false,
      workbox: {
        globPatterns: ['**/*.{js,css,html,wasm,json,elv,woff2}', 'corpora/{brown,toy-fruit,toy-royals}.txt'],
        // plotly alone is 4.6 MB, Brown 6 MB.
        maximumFileSizeToCacheInBytes: 16 * 1024 * 1024,
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
        // The first install takes control of the open page at once, so a page opened once is covered. An update waits
        // until every tab of the old version is closed: an open lab keeps the files its chunks were built with.
        clientsClaim: true,
        skipWaiting: false,
        runtimeCaching: [
          {
            urlPattern: ({ url, sameOrigin }) => sameOrigin && url.pathname.includes('/corpora/') && url.pathname.endsWith('.txt'),
            handler: 'CacheFirst',
            options: { cacheName: 'lab-corpora', expiration: { maxEntries: 8 } },
          },
        ],
      },
    }),
  ],
  worker: { format: 'es' },
  // tfjs is found late by the worker; pre-bundling it up front avoids a dev-server reload (see shared/notes/browser.md).
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
