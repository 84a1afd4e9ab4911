// The lab's Content-Security-Policy: only what the built app needs, written into the built index.html (a <meta>
// tag, so that it holds on any static host and offline from the service worker's copy) and sent as a header by
// `vite preview`. Not in `vite dev`: its hot reload injects inline scripts and talks over a websocket.
import type { Plugin } from 'vite';

export const CSP_DIRECTIVES: Record<string, string[]> = {
  'default-src': ["'self'"],
  // 'wasm-unsafe-eval': tfjs's wasm backend compiles WebAssembly; nothing may eval JavaScript.
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  // The trainer, layout, export and vectors workers are files of this origin; tfjs-wasm may start blob: workers.
  'worker-src': ["'self'", 'blob:'],
  // plotly adds <style> elements and style attributes as it draws, katex sets inline styles on formulas.
  'style-src': ["'self'", "'unsafe-inline'"],
  'font-src': ["'self'", 'data:'],
  'img-src': ["'self'", 'data:', 'blob:'],
  // http: and https: for the vectors URL feature: the student types the address of a vectors file on any server
  // and presses "Load URL"; nothing is fetched from elsewhere without that click. data:/blob: for in-page reads.
  'connect-src': ["'self'", 'https:', 'http:', 'data:', 'blob:'],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
};

export const CSP = Object.entries(CSP_DIRECTIVES)
  .map(([k, v]) => `${k} ${v.join(' ')}`)
  .join('; ');

export function cspPlugin(): Plugin {
  return {
    name: 'embedding-lab-csp',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        if (ctx.server) return html; // dev server: see the note at the top
        return html.replace(/(<meta charset="[^"]*" \/>)/i, `$1\n    <meta http-equiv="Content-Security-Policy" content="${CSP}" />`);
      },
    },
    configurePreviewServer(server) {
      server.middlewares.use((_req, res, next) => {
        res.setHeader('Content-Security-Policy', CSP);
        next();
      });
    },
  };
}
