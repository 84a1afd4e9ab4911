// Appearance settings, kept in localStorage (not in the URL: a shared link should not force a theme on others,
// except presenter mode, which a lecturer may want to share and which the URL may turn on with ?present=1).
import { create } from 'zustand';

export type Theme = 'light' | 'dark';

interface UiState {
  theme: Theme;
  presenter: boolean;
  setTheme: (t: Theme) => void;
  setPresenter: (on: boolean) => void;
}

const THEME_KEY = 'embedding-lab:theme';
const PRESENTER_KEY = 'embedding-lab:presenter';

function initialTheme(): Theme {
  const saved = globalThis.localStorage?.getItem(THEME_KEY);
  if (saved === 'light' || saved === 'dark') return saved;
  return globalThis.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
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
    set({ presenter });
  },
}));
