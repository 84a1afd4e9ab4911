import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './ui/shell/App';
import './ui/shell/theme.css';

// The first number formatted for a locale loads its ICU data (measured 40-60 ms on the main thread): pay that while
// the page opens, not inside the first progress message of a training run.
(1234.5).toLocaleString('en');

const root = document.getElementById('root');
if (!root) throw new Error('index.html lost its #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
