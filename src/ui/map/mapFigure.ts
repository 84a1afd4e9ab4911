// The embedding map's look: theme colours read from the page's CSS variables, point size and opacity.

export interface MapTheme {
  fg: string;
  bg: string;
  muted: string;
  border: string;
  accent: string;
  danger: string;
  ok: string;
  /** Root font size in px: presenter mode raises it, and the map follows. */
  fontPx: number;
}

/** Point size relative to the root font size (16px -> 6px markers; 22px presenter -> 8px). */
const MARKER_PER_FONT_PX = 0.38;
/** Plain points are a little transparent so dense clusters read as denser. */
export const POINT_OPACITY = 0.7;
/** Points while a search highlights some of them. */
export const DIMMED_OPACITY = 0.35;

export function readTheme(root: HTMLElement = document.documentElement): MapTheme {
  const css = getComputedStyle(root);
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  return {
    fg: v('--fg', '#111827'),
    bg: v('--bg', '#ffffff'),
    muted: v('--muted', '#4b5563'),
    border: v('--border', '#9ca3af'),
    accent: v('--accent', '#1d4ed8'),
    danger: v('--danger', '#b91c1c'),
    ok: v('--ok', '#166534'),
    fontPx: parseFloat(css.fontSize) || 16,
  };
}

/** A map point's radius in px (the labels keep this far from their point, plus a pixel). */
export const markerRadius = (theme: MapTheme) => Math.round(theme.fontPx * MARKER_PER_FONT_PX) / 2;

export interface HighlightPoints {
  x: number[];
  y: number[];
  words: string[];
  /** true for the chosen word, false for its neighbours */
  isCentre: boolean[];
}

