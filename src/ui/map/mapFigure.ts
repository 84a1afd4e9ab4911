// Plotly traces and layout for the embedding map, built from plain data (no DOM reads here except `readTheme`).
import type { Config, Data, Layout } from 'plotly.js-dist-min';
import type { Ranges } from './axisRange';

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
const POINT_OPACITY = 0.7;

/** WebGL canvas pixels per CSS pixel. Plotly's default is 2 whatever the screen: 4x the pixels to clear, draw and
 *  (with software WebGL and compositing, as on machines without a GPU) read back on the main thread every frame.
 *  The screen's own ratio is as sharp as the screen can show. */
const GL_PIXEL_RATIO = typeof window === 'undefined' ? 1 : Math.max(1, window.devicePixelRatio || 1);

export const PLOT_CONFIG: Partial<Config> = {
  displaylogo: false,
  plotGlPixelRatio: GL_PIXEL_RATIO,
  responsive: true,
  // The wheel zooms the map (it is a focusable region with its own keys too; see mapZoom.ts).
  scrollZoom: true,
  // Nothing that could reach another origin: no cloud, no links out, no MathJax typesetting.
  showLink: false,
  showSendToCloud: false,
  showEditInChartStudio: false,
  typesetMath: false,
  modeBarButtonsToRemove: ['select2d', 'lasso2d', 'toImage'],
} as Partial<Config>;

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

/**
 * The map's one plotly trace: every word as a WebGL point, dimmed while some words are highlighted (the highlight
 * itself is an SVG layer over the plot, highlightLayer.ts, so that it moves without a replot). `colours` gives one
 * colour per point (the legend's), else all take the accent; words in `added` (put on the map for a search) are
 * diamonds. Plotly draws no hover label (hoverinfo 'none'; its hover events still fire): the map's own tooltip
 * follows the point (EmbeddingMap.tsx).
 */
export function mapTraces(
  x: Float32Array | number[],
  y: Float32Array | number[],
  words: readonly string[],
  dimmed: boolean,
  theme: MapTheme,
  colours: string[] | null = null,
  added: ReadonlyMap<string, unknown> | null = null,
): Data[] {
  const size = Math.round(theme.fontPx * MARKER_PER_FONT_PX);
  const symbol = added && added.size > 0 ? words.map((w) => (added.has(w) ? 'diamond' : 'circle')) : 'circle';
  return [
    {
      type: 'scattergl',
      mode: 'markers',
      name: 'words',
      x: Array.from(x),
      y: Array.from(y),
      text: words as string[],
      hoverinfo: 'none',
      marker: { size, color: colours ?? theme.accent, opacity: dimmed ? 0.35 : POINT_OPACITY, symbol },
    } as Data,
  ];
}

/**
 * What the map holds before the first snapshot: one point in the background colour, so that plotly creates its WebGL
 * context and the GPU (or SwiftShader) compiles the marker pipeline when the page opens rather than on the first
 * frame of training (measured: ~500 ms of main thread with software WebGL, most of it shader compilation). It is
 * drawn, not transparent: a point with opacity 0 is skipped and compiles nothing.
 */
export function warmupTraces(theme: MapTheme): Data[] {
  const [base] = mapTraces([0], [0], [''], false, theme);
  return [{ ...base, hoverinfo: 'skip', marker: { ...(base as { marker: object }).marker, color: theme.bg } } as Data];
}

export function mapLayout(ranges: Ranges | null, theme: MapTheme, axisTitles: [string, string] | null, revision: number): Partial<Layout> {
  const axis = (range: [number, number] | undefined, title: string | undefined) => ({
    range,
    autorange: range ? false : true,
    showgrid: false,
    zeroline: false,
    // Frames are drawn in fixed view coordinates (axisRange.ts toView), so tick values would not be the layout's.
    showticklabels: false,
    ticks: '' as const,
    showline: true,
    linecolor: theme.border,
    mirror: true,
    title: title ? { text: title, font: { color: theme.fg, size: theme.fontPx } } : undefined,
    color: theme.muted,
  });
  return {
    uirevision: 'embedding-map',
    datarevision: revision,
    paper_bgcolor: theme.bg,
    plot_bgcolor: theme.bg,
    font: { color: theme.fg, size: Math.round(theme.fontPx * 0.85) },
    hoverlabel: { font: { size: theme.fontPx }, bgcolor: theme.bg, bordercolor: theme.border },
    margin: { l: axisTitles ? 30 : 10, r: 10, t: 10, b: axisTitles ? 30 : 10 },
    showlegend: false,
    dragmode: 'pan',
    hovermode: 'closest',
    xaxis: axis(ranges?.x, axisTitles?.[0]),
    yaxis: axis(ranges?.y, axisTitles?.[1]),
  };
}
