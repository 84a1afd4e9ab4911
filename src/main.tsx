import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { normaliseLocation } from './state/route';
import { App } from './ui/shell/App';
import './ui/shell/theme.css';

// The first number formatted for a locale loads its ICU data (measured 40-60 ms on the main thread): pay that while
// the page opens, not inside the first progress message of a training run.
(1234.5).toLocaleString('en');

// Offline once loaded (src/sw/serviceWorker.ts), in built labs only: the dev server has no sw.js. A browser that
// refuses service workers (private modes, some policies) just runs online.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('./sw.js').catch(() => {});
  });
}

// `/?present=1#/lab` means the same as `/#/lab?present=1`: the lab reads only the hash.
normaliseLocation();

const root = document.getElementById('root');
if (!root) throw new Error('index.html lost its #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
