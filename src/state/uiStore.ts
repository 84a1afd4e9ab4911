// Appearance settings, kept in localStorage (not in the URL: a shared link should not force a theme on others,
// except presenter mode, which a lecturer may want to share and which the URL may turn on with present=1).
// The Presenter button is the last word: turning presenter mode off also removes present=1 from the link, so the
// link cannot switch it straight back on.
import { create } from 'zustand';
import { parseHash, replaceParams } from './route';

export type Theme = 'light' | 'dark';

interface UiState {
  theme: Theme;
  presenter: boolean;
  setTheme: (t: Theme) => void;
  /** The user's choice (Presenter button or a shortcut): kept in this browser; "off" also drops present= from the link. */
  setPresenter: (on: boolean) => void;
  /** What a link asks for (present=1 / present=0): applied without touching the link. */
  presenterFromLink: (on: boolean) => void;
  /** Presenter mode's settings drawer and the shortcuts help: open or closed (this tab only). */
  drawerOpen: boolean;
  helpOpen: boolean;
  setDrawerOpen: (open: boolean) => void;
  setHelpOpen: (open: boolean) => void;
}

const THEME_KEY = 'embedding-lab:theme';
const PRESENTER_KEY = 'embedding-lab:presenter';

function initialTheme(): Theme {
  const saved = globalThis.localStorage?.getItem(THEME_KEY);
  if (saved === 'light' || saved === 'dark') return saved;
  return globalThis.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/** Remove present= from the hash's query (the start-up normalisation already moved any outer query there). */
function dropPresentFromLink(): void {
  if (typeof window === 'undefined') return;
  const r = parseHash(window.location.hash);
  if (!r.params.has('present')) return;
  r.params.delete('present');
  replaceParams(r.params);
}

export const useUiStore = create<UiState>((set) => ({
  theme: initialTheme(),
  presenter: globalThis.localStorage?.getItem(PRESENTER_KEY) === '1',
  setTheme: (theme) => {
    localStorage.setItem(THEME_KEY, theme);
    set({ theme });
  },
  setPresenter: (presenter) => {
    localStorage.setItem(PRESENTER_KEY, presenter ? '1' : '0');
    if (!presenter) dropPresentFromLink();
    set({ presenter });
  },
  presenterFromLink: (presenter) => set({ presenter }),
  drawerOpen: false,
  helpOpen: false,
  setDrawerOpen: (drawerOpen) => set({ drawerOpen }),
  setHelpOpen: (helpOpen) => set({ helpOpen }),
}));
