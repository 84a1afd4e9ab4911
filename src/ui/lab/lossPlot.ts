// The loss curve drawn on a 2-D canvas: axes, ticks, labels and one polyline. Measured here, a plotly redraw of this
// chart (SVG axes, supplyDefaults, tick-label layout) held the page's main thread for 45-70 ms each time, longer than
// the 50 ms a frame of the live map may wait; this draw takes about a millisecond for the 1,500 points the series
// keeps. Pure functions (ticks, scales, hit-testing) are separate from the one function that touches a canvas.

export interface LossPoints {
  /** Training progress in epochs, increasing. */
  x: readonly number[];
  loss: readonly number[];
}

export interface LossPlotStyle {
  bg: string;
  fg: string;
  grid: string;
  line: string;
  /** The raw loss (thin, behind the smoothed line). */
  raw: string;
  /** CSS px of tick labels; axis titles use the same size. */
  fontPx: number;
}

/** Round tick values ("nice" steps of 1, 2, 2.5 or 5 times a power of ten) covering [min, max], at most maxTicks. */
export function niceTicks(min: number, max: number, maxTicks = 6): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max) || maxTicks < 2) return [];
  if (max < min) [min, max] = [max, min];
  if (max === min) return [min];
  const raw = (max - min) / (maxTicks - 1);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => (max - min) / s <= maxTicks - 1) ?? 10 * power;
  const first = Math.ceil(min / step - 1e-9) * step;
  const ticks: number[] = [];
  for (let v = first; v <= max + step * 1e-9; v += step) ticks.push(Math.abs(v) < step * 1e-9 ? 0 : Number(v.toPrecision(12)));
  return ticks;
}

/**
 * Weight of the past in the smoothed line (an exponential moving average, TensorBoard's "smoothing"): each point moves
 * the line a tenth of the way, so it averages over roughly the last ten progress points and shows the trend under
 * the chunk-to-chunk noise of the raw loss.
 */
export const LOSS_EMA_WEIGHT = 0.9;

/** EMA of the values, debiased (as Adam and TensorBoard do) so the line starts at the first value, not at 0. */
export function emaSmooth(values: readonly number[], weight = LOSS_EMA_WEIGHT): number[] {
  const out: number[] = [];
  let acc = 0;
  let norm = 0;
  for (const v of values) {
    acc = weight * acc + (1 - weight) * v;
    norm = weight * norm + (1 - weight);
    out.push(acc / norm);
  }
  return out;
}

/** With fewer points than this the whole curve is shown: too few to call any of them the uninteresting start. */
export const ROBUST_MIN_POINTS = 20;
/** The first tenth of the curve (in epochs) is the steep fall from the random start; it may run off the top. */
export const EARLY_SHARE = 0.1;
/** The y-range spans these percentiles of the rest of the curve, so a single spike does not flatten everything. */
export const RANGE_PERCENTILES: readonly [number, number] = [0.01, 0.99];
/** Room above and below the range, as a share of it. */
const RANGE_PAD = 0.08;

/** The q-quantile (0..1) of sorted values, interpolated between neighbours. */
export function percentile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const pos = Math.min(1, Math.max(0, q)) * (sorted.length - 1);
  const i = Math.floor(pos);
  const f = pos - i;
  return i + 1 < sorted.length ? sorted[i]! * (1 - f) + sorted[i + 1]! * f : sorted[i]!;
}

export interface Extent {
  x: [number, number];
  y: [number, number];
  /** True when some points lie above the top of the range (the steep start), drawn clipped. */
  clippedAbove?: boolean;
}

/**
 * Axis ranges: x from 0 to the last point (at least a tenth of an epoch). y: the interesting part, i.e. the 1st to
 * 99th percentile of the curve after its first tenth, padded; the steep start runs off the top. Short curves are
 * shown whole. The range never starts at 0 unless the losses do.
 */
export function lossExtent(s: LossPoints): Extent {
  const n = Math.min(s.x.length, s.loss.length);
  if (n === 0) return { x: [0, 1], y: [0, 1] };
  const xMax = Math.max(s.x[n - 1]!, 0.1);
  let values: number[] = [];
  let allHi = -Infinity;
  for (let i = 0; i < n; i++) allHi = Math.max(allHi, s.loss[i]!);
  if (n >= ROBUST_MIN_POINTS) {
    const from = s.x[n - 1]! * EARLY_SHARE;
    for (let i = 0; i < n; i++) if (s.x[i]! >= from) values.push(s.loss[i]!);
  }
  if (values.length < ROBUST_MIN_POINTS) values = Array.from(s.loss.slice(0, n));
  values.sort((a, b) => a - b);
  const lo = n >= ROBUST_MIN_POINTS ? percentile(values, RANGE_PERCENTILES[0]) : values[0]!;
  const hi = n >= ROBUST_MIN_POINTS ? percentile(values, RANGE_PERCENTILES[1]) : values[values.length - 1]!;
  const pad = Math.max((hi - lo) * RANGE_PAD, Math.abs(hi) * 0.01, 1e-6);
  const top = hi + pad;
  return { x: [0, xMax], y: [Math.max(0, lo - pad), top], clippedAbove: allHi > top };
}

export interface Frame {
  /** Plot area in CSS px within the canvas. */
  left: number;
  top: number;
  width: number;
  height: number;
}

/** The plot area left after margins for tick labels and axis titles, which scale with the font (presenter mode). */
export function plotFrame(width: number, height: number, fontPx: number): Frame {
  const left = Math.round(fontPx * 4.2);
  const bottom = Math.round(fontPx * 3);
  const top = Math.round(fontPx * 0.8);
  const right = Math.round(fontPx * 1.2);
  return { left, top, width: Math.max(1, width - left - right), height: Math.max(1, height - top - bottom) };
}

export function toPixel(frame: Frame, ext: Extent, x: number, y: number): [number, number] {
  const px = frame.left + ((x - ext.x[0]) / (ext.x[1] - ext.x[0] || 1)) * frame.width;
  const py = frame.top + frame.height - ((y - ext.y[0]) / (ext.y[1] - ext.y[0] || 1)) * frame.height;
  return [px, py];
}

/** Index of the point whose x is nearest to the pixel column px (binary search; x increases), or -1 outside the plot. */
export function nearestIndex(s: LossPoints, frame: Frame, ext: Extent, px: number): number {
  const n = Math.min(s.x.length, s.loss.length);
  if (n === 0 || px < frame.left - 4 || px > frame.left + frame.width + 4) return -1;
  const x = ext.x[0] + ((px - frame.left) / frame.width) * (ext.x[1] - ext.x[0]);
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (s.x[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  if (lo > 0 && Math.abs(s.x[lo - 1]! - x) <= Math.abs(s.x[lo]! - x)) lo--;
  return lo;
}

/** A tick label with as many decimals as the step needs (step 0.25 -> "0.75", step 2 -> "4"). */
export function tickLabel(v: number, step: number): string {
  if (!(step > 0)) return String(v);
  const exponent = Math.floor(Math.log10(step) + 1e-9);
  const mantissa = step / 10 ** exponent;
  const decimals = Math.max(0, -exponent + (Math.abs(mantissa - 2.5) < 1e-6 ? 1 : 0));
  return v.toFixed(Math.min(decimals, 8));
}

/** Colours and type size every canvas chart here needs for its axes. */
export interface AxesStyle {
  bg: string;
  fg: string;
  grid: string;
  /** CSS px of tick labels and axis titles. */
  fontPx: number;
}

/** Ask for at least 3 ticks: with 2, a range such as 0..3 epochs gets a step of 5 and only the 0 tick. */
const MIN_TICKS = 3;

/** A canvas's size in CSS px and the device pixel ratio it was sized for. */
export interface CanvasSize {
  w: number;
  h: number;
  ratio: number;
}

/**
 * Give a canvas as many pixels as its box has CSS px times the device pixel ratio (sharp text on a projector and on
 * high-density screens). Returns the new size, or null when nothing changed (no redraw needed).
 */
export function fitCanvasToBox(canvas: HTMLCanvasElement, box: HTMLElement, prev: CanvasSize): CanvasSize | null {
  const ratio = Math.max(1, window.devicePixelRatio || 1);
  const w = box.clientWidth;
  const h = box.clientHeight;
  if (w === prev.w && h === prev.h && ratio === prev.ratio) return null;
  canvas.width = Math.round(w * ratio);
  canvas.height = Math.round(h * ratio);
  canvas.style.width = `${w}px`;
  canvas.style.height = `${h}px`;
  return { w, h, ratio };
}

/** Scale to the pixel ratio, paint the background and set the font: the start of every redraw. */
export function startCanvas(ctx: CanvasRenderingContext2D, width: number, height: number, ratio: number, style: AxesStyle): void {
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.fillStyle = style.bg;
  ctx.fillRect(0, 0, width, height);
  ctx.font = `${style.fontPx}px system-ui, sans-serif`;
  ctx.lineWidth = 1;
  ctx.setLineDash([]);
}

/**
 * Grid, tick labels, axis titles and the frame of a chart (the lab's loss chart and the playgrounds' lines chart
 * share them). `xTickEm`: the least room, in font sizes, between two x tick labels.
 */
export function drawAxes(
  ctx: CanvasRenderingContext2D,
  frame: Frame,
  ext: Extent,
  titles: { x: string; y: string },
  height: number,
  style: AxesStyle,
  xTickEm = 5,
): void {
  const xt = niceTicks(ext.x[0], ext.x[1], Math.max(MIN_TICKS, Math.min(8, Math.floor(frame.width / (style.fontPx * xTickEm)))));
  const yt = niceTicks(ext.y[0], ext.y[1], Math.max(MIN_TICKS, Math.min(6, Math.floor(frame.height / (style.fontPx * 2.5)))));
  const xStep = xt.length > 1 ? xt[1]! - xt[0]! : 1;
  const yStep = yt.length > 1 ? yt[1]! - yt[0]! : 1;
  ctx.strokeStyle = style.grid;
  ctx.globalAlpha = 0.35;
  ctx.beginPath();
  for (const v of xt) {
    const px = Math.round(toPixel(frame, ext, v, ext.y[0])[0]) + 0.5;
    ctx.moveTo(px, frame.top);
    ctx.lineTo(px, frame.top + frame.height);
  }
  for (const v of yt) {
    const py = Math.round(toPixel(frame, ext, ext.x[0], v)[1]) + 0.5;
    ctx.moveTo(frame.left, py);
    ctx.lineTo(frame.left + frame.width, py);
  }
  ctx.stroke();
  ctx.globalAlpha = 1;
  ctx.fillStyle = style.fg;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  for (const v of xt) ctx.fillText(tickLabel(v, xStep), toPixel(frame, ext, v, ext.y[0])[0], frame.top + frame.height + style.fontPx * 0.3);
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  for (const v of yt) ctx.fillText(tickLabel(v, yStep), frame.left - style.fontPx * 0.4, toPixel(frame, ext, ext.x[0], v)[1]);
  ctx.textAlign = 'center';
  ctx.textBaseline = 'bottom';
  ctx.fillText(titles.x, frame.left + frame.width / 2, height - 2);
  ctx.save();
  ctx.translate(style.fontPx * 0.9, frame.top + frame.height / 2);
  ctx.rotate(-Math.PI / 2);
  ctx.textBaseline = 'middle';
  ctx.fillText(titles.y, 0, 0);
  ctx.restore();
  ctx.strokeStyle = style.fg;
  ctx.strokeRect(frame.left + 0.5, frame.top + 0.5, frame.width, frame.height);
}

/**
 * Draw the whole chart into a canvas of width x height CSS px at the given pixel ratio (the canvas's own size must
 * already be width*ratio x height*ratio). Returns the frame and extent used, for hit-testing.
 */
/** Opacity of the raw loss line, so the smoothed trend reads first. */
const RAW_ALPHA = 0.45;

export function drawLossPlot(
  ctx: CanvasRenderingContext2D,
  s: LossPoints,
  width: number,
  height: number,
  ratio: number,
  style: LossPlotStyle,
): { frame: Frame; extent: Extent } {
  const frame = plotFrame(width, height, style.fontPx);
  const ext = lossExtent(s);
  startCanvas(ctx, width, height, ratio, style);
  drawAxes(ctx, frame, ext, { x: 'epochs', y: 'loss per pair' }, height, style);

  // The curves, clipped to the plot area: the raw loss thin and faint, the smoothed trend thick on top.
  const n = Math.min(s.x.length, s.loss.length);
  if (n > 0) {
    ctx.save();
    ctx.beginPath();
    ctx.rect(frame.left, frame.top, frame.width, frame.height);
    ctx.clip();
    ctx.lineJoin = 'round';
    const polyline = (ys: readonly number[]) => {
      ctx.beginPath();
      for (let i = 0; i < n; i++) {
        const [px, py] = toPixel(frame, ext, s.x[i]!, ys[i]!);
        if (i === 0) ctx.moveTo(px, py);
        else ctx.lineTo(px, py);
      }
      if (n === 1) ctx.arc(toPixel(frame, ext, s.x[0]!, ys[0]!)[0], toPixel(frame, ext, s.x[0]!, ys[0]!)[1], 2, 0, 2 * Math.PI);
      ctx.stroke();
    };
    ctx.strokeStyle = style.raw;
    ctx.globalAlpha = RAW_ALPHA;
    ctx.lineWidth = Math.max(1, style.fontPx / 14);
    polyline(s.loss);
    ctx.globalAlpha = 1;
    ctx.strokeStyle = style.line;
    ctx.lineWidth = Math.max(2.5, style.fontPx / 6);
    polyline(emaSmooth(s.loss.slice(0, n)));
    ctx.restore();
    if (ext.clippedAbove) {
      ctx.fillStyle = style.fg;
      ctx.textAlign = 'left';
      ctx.textBaseline = 'top';
      ctx.fillText('↑ start above the scale', frame.left + style.fontPx * 0.4, frame.top + style.fontPx * 0.2);
    }
  }
  return { frame, extent: ext };
}
