// Several curves over one x axis, drawn on a 2-D canvas (the image-text playground's two losses). A plotly redraw of
// this chart held the page's main thread for 70-320 ms on the shared 2-core test machine (bench/responsiveness.ts
// --trace: plotly's layout, text measuring and SVG rebuild); this draw takes about a millisecond. The axes, ticks and
// hit-testing are the lab's loss chart's (../lab/lossPlot.ts); only the extent and the drawing of several series are
// new here.
import { drawAxes, plotFrame, startCanvas, toPixel, type Extent, type Frame } from '../lab/lossPlot';

export interface Series {
  name: string;
  y: readonly number[];
  /** Dashed: told apart without colour (the watched loss beside the trained one). */
  dashed?: boolean;
}

export interface LinesStyle {
  bg: string;
  fg: string;
  grid: string;
  /** One colour per series, in order (repeats when there are more series). */
  colours: readonly string[];
  /** CSS px of tick labels and axis titles. */
  fontPx: number;
}

/** Room above and below the values, as a share of their range. */
const RANGE_PAD = 0.06;
/** The least room between two x tick labels, in font sizes (picture counts run to five digits). */
const X_TICK_EM = 6;
/** Dash pattern of a dashed series, in line widths. */
const DASH = [4, 3];

/** x from its first to its last value; y over every finite value of every series, padded. */
export function linesExtent(x: readonly number[], series: readonly Series[]): Extent {
  const n = x.length;
  if (n === 0) return { x: [0, 1], y: [0, 1] };
  let lo = Infinity;
  let hi = -Infinity;
  for (const s of series) {
    for (let i = 0; i < Math.min(n, s.y.length); i++) {
      const v = s.y[i]!;
      if (!Number.isFinite(v)) continue;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  if (!Number.isFinite(lo)) return { x: [x[0]!, Math.max(x[n - 1]!, x[0]! + 1)], y: [0, 1] };
  const pad = Math.max((hi - lo) * RANGE_PAD, Math.abs(hi) * 0.01, 1e-6);
  const x0 = x[0]!;
  return { x: [x0, x[n - 1]! > x0 ? x[n - 1]! : x0 + 1], y: [lo - pad, hi + pad] };
}

/**
 * Draw axes, ticks, titles and every series into a canvas of width x height CSS px at the given pixel ratio (the
 * canvas's own size must already be width*ratio x height*ratio). Returns the frame and extent, for hit-testing.
 */
export function drawLinesPlot(
  ctx: CanvasRenderingContext2D,
  x: readonly number[],
  series: readonly Series[],
  titles: { x: string; y: string },
  width: number,
  height: number,
  ratio: number,
  style: LinesStyle,
): { frame: Frame; extent: Extent } {
  const frame = plotFrame(width, height, style.fontPx);
  const ext = linesExtent(x, series);
  startCanvas(ctx, width, height, ratio, style);
  drawAxes(ctx, frame, ext, titles, height, style, X_TICK_EM);

  ctx.save();
  ctx.beginPath();
  ctx.rect(frame.left, frame.top, frame.width, frame.height);
  ctx.clip();
  ctx.lineJoin = 'round';
  const lineWidth = Math.max(2, style.fontPx / 7);
  series.forEach((s, k) => {
    const n = Math.min(x.length, s.y.length);
    if (n === 0) return;
    ctx.strokeStyle = style.colours[k % style.colours.length] ?? style.fg;
    ctx.lineWidth = lineWidth;
    ctx.setLineDash(s.dashed ? DASH.map((d) => d * lineWidth) : []);
    ctx.beginPath();
    let started = false;
    for (let i = 0; i < n; i++) {
      if (!Number.isFinite(s.y[i]!)) {
        started = false;
        continue;
      }
      const [px, py] = toPixel(frame, ext, x[i]!, s.y[i]!);
      if (started) ctx.lineTo(px, py);
      else ctx.moveTo(px, py);
      started = true;
    }
    ctx.stroke();
  });
  ctx.restore();
  ctx.setLineDash([]);
  return { frame, extent: ext };
}
