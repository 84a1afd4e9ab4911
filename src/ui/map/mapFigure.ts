// Plotly traces and layout for the embedding map, built from plain data (no DOM reads here except `readTheme`).
import type { Config, Data, Layout } from 'plotly.js-dist-min';
import type { Ranges } from './axisRange';
import { plotTexts } from '../plotText';

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
  scrollZoom: false,
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

export interface HighlightPoints {
  x: number[];
  y: number[];
  words: string[];
  /** true for the chosen word, false for its neighbours */
  isCentre: boolean[];
}

/** The map's one plotly trace: every word as a WebGL point, dimmed while some words are highlighted (the highlight
 *  itself is an SVG layer over the plot, highlightLayer.ts, so that it moves without a replot). */
export function mapTraces(x: Float32Array | number[], y: Float32Array | number[], words: readonly string[], dimmed: boolean, theme: MapTheme): Data[] {
  const size = Math.round(theme.fontPx * MARKER_PER_FONT_PX);
  return [
    {
      type: 'scattergl',
      mode: 'markers',
      name: 'words',
      x: Array.from(x),
      y: Array.from(y),
      text: plotTexts(words),
      hovertemplate: '%{text}<extra></extra>',
      marker: { size, color: theme.accent, opacity: dimmed ? 0.35 : POINT_OPACITY },
    },
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
  return [{ ...base, hoverinfo: 'skip', hovertemplate: undefined, marker: { ...(base as { marker: object }).marker, color: theme.bg } } as Data];
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
