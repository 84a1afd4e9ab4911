// The map's points on a 2-D canvas, with its own view (zoom and pan), hit testing for hover and click, and the
// same drawing at any scale for the PNG export. It replaced a plotly scattergl plot: evaluating the 4.6 MB plotly
// bundle and compiling its WebGL shaders held the main thread for 1.2 s (4 s on a busy machine) when the lab opened,
// and with software WebGL every frame was drawn and read back on the CPU anyway. Here a frame of 2,000 points is a
// few batched paths (one per colour), drawn in fixed view coordinates (axisRange.ts toView).
import { zoomView, type ViewRange } from './mapZoom';
import type { MapTheme } from './mapFigure';

/** Plot area inset from the canvas edge, in px (more on the sides that carry an axis title). */
const INSET_PX = 10;
const TITLE_INSET_PX = 30;
/** Pointer travel (px) under which a press and release is a click, not a drag. */
const CLICK_SLOP_PX = 4;
/** Wheel zoom per pixel of wheel travel: a notch (100 px) zooms by about 1.2. */
const WHEEL_ZOOM_PER_PX = 0.0018;
/** Hover and click reach this many px beyond a point's radius. */
const HIT_SLOP_PX = 3;

export interface PointStyle {
  /** One colour per point, or one for all. */
  colours: readonly string[] | string;
  /** Points drawn as diamonds (words added for a search). */
  diamonds: ReadonlySet<number>;
  opacity: number;
  radius: number;
  axisTitles: [string, string] | null;
}

export interface PlotBox {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface PointCanvasEvents {
  /** The view changed (zoom, pan, resize): overlays follow. */
  onView: () => void;
  onHover: (index: number | null, mouseX: number, mouseY: number) => void;
  onClick: (index: number) => void;
}

export class PointCanvas {
  readonly canvas: HTMLCanvasElement;
  view: ViewRange;
  private xs: Float32Array = new Float32Array(0);
  private ys: Float32Array = new Float32Array(0);
  private style: PointStyle = { colours: '#1d4ed8', diamonds: new Set(), opacity: 0.7, radius: 3, axisTitles: null };
  private batches: { colour: string; circles: number[]; diamonds: number[] }[] = [];
  private theme: MapTheme | null = null;
  private width = 0;
  private height = 0;
  private dpr = 1;
  private resizeObserver: ResizeObserver;
  private drag: { id: number; x: number; y: number; view: ViewRange; moved: boolean } | null = null;
  private hovered: number | null = null;
  private mark: number | null = null;

  constructor(
    private readonly host: HTMLElement,
    private readonly reset: ViewRange,
    private readonly events: PointCanvasEvents,
  ) {
    this.view = { x: [...reset.x], y: [...reset.y] };
    this.canvas = document.createElement('canvas');
    this.canvas.className = 'embedding-map-canvas';
    this.canvas.setAttribute('aria-hidden', 'true');
    host.append(this.canvas);
    this.resizeObserver = new ResizeObserver(() => this.resize());
    this.resizeObserver.observe(host);
    this.resize();
    this.canvas.addEventListener('pointerdown', this.onDown);
    this.canvas.addEventListener('pointermove', this.onMove);
    this.canvas.addEventListener('pointerup', this.onUp);
    this.canvas.addEventListener('pointercancel', this.onCancel);
    this.canvas.addEventListener('pointerleave', this.onLeave);
    this.canvas.addEventListener('wheel', this.onWheel, { passive: false });
  }

  destroy(): void {
    this.resizeObserver.disconnect();
    this.canvas.remove();
  }

  /** The plot area in CSS px inside the host. */
  area(): PlotBox {
    const t = this.style.axisTitles;
    const left = t ? TITLE_INSET_PX : INSET_PX;
    const bottom = t ? TITLE_INSET_PX : INSET_PX;
    return { left, top: INSET_PX, width: Math.max(1, this.width - left - INSET_PX), height: Math.max(1, this.height - INSET_PX - bottom) };
  }

  /** View coordinates to CSS px inside the host. */
  toPixel(x: number, y: number): [number, number] {
    const a = this.area();
    const v = this.view;
    return [a.left + ((x - v.x[0]) / (v.x[1] - v.x[0])) * a.width, a.top + ((v.y[1] - y) / (v.y[1] - v.y[0])) * a.height];
  }

  /** The same mapping as toPixel as one affine map per axis (px = sx * x + ox, py = sy * y + oy), for loops. */
  affine(): { sx: number; ox: number; sy: number; oy: number } {
    const a = this.area();
    const v = this.view;
    const sx = a.width / (v.x[1] - v.x[0]);
    const sy = -a.height / (v.y[1] - v.y[0]);
    return { sx, ox: a.left - v.x[0] * sx, sy, oy: a.top - v.y[1] * sy };
  }

  fromPixel(px: number, py: number): [number, number] {
    const a = this.area();
    const v = this.view;
    return [v.x[0] + ((px - a.left) / a.width) * (v.x[1] - v.x[0]), v.y[1] - ((py - a.top) / a.height) * (v.y[1] - v.y[0])];
  }

  setView(v: ViewRange): void {
    this.view = { x: [v.x[0], v.x[1]], y: [v.y[0], v.y[1]] };
    this.draw();
    this.events.onView();
  }

  /** Ring one point (e.g. the word hovered in a companion map), or none. */
  setMark(index: number | null): void {
    this.mark = index;
    this.draw();
  }

  setTheme(theme: MapTheme): void {
    this.theme = theme;
    this.draw();
  }

  /** New positions (view coordinates); a new style rebuilds the colour batches, positions alone do not. */
  setPoints(xs: Float32Array, ys: Float32Array, style?: PointStyle): void {
    const relayout = style !== undefined && (style.axisTitles?.join() ?? '') !== (this.style.axisTitles?.join() ?? '');
    if (style || xs.length !== this.xs.length) {
      if (style) this.style = style;
      this.batches = batchByColour(xs.length, this.style);
    }
    this.xs = xs;
    this.ys = ys;
    this.draw();
    if (relayout) this.events.onView();
  }

  /** The point nearest to (px, py) within reach of its marker, or null. */
  hit(px: number, py: number): number | null {
    const reach = (this.style.radius + HIT_SLOP_PX) ** 2;
    let best: number | null = null;
    let bestD = reach;
    for (let i = 0; i < this.xs.length; i++) {
      const [x, y] = this.toPixel(this.xs[i]!, this.ys[i]!);
      const d = (x - px) ** 2 + (y - py) ** 2;
      if (d <= bestD) {
        bestD = d;
        best = i;
      }
    }
    return best;
  }

  draw(): void {
    const ctx = this.canvas.getContext('2d');
    if (!ctx || !this.theme) return;
    ctx.setTransform(this.dpr, 0, 0, this.dpr, 0, 0);
    this.paint(ctx, this.width, this.height);
  }

  /** The whole plot on ctx (already scaled to CSS px), as on screen: background, frame, titles, points. */
  paint(ctx: CanvasRenderingContext2D, width: number, height: number): void {
    const theme = this.theme;
    if (!theme) return;
    ctx.fillStyle = theme.bg;
    ctx.fillRect(0, 0, width, height);
    const a = this.area();
    ctx.strokeStyle = theme.border;
    ctx.lineWidth = 1;
    ctx.strokeRect(a.left + 0.5, a.top + 0.5, a.width - 1, a.height - 1);
    const titles = this.style.axisTitles;
    if (titles) {
      ctx.fillStyle = theme.fg;
      ctx.font = `${Math.round(theme.fontPx * 0.85)}px system-ui, sans-serif`;
      ctx.textAlign = 'center';
      ctx.textBaseline = 'middle';
      ctx.fillText(titles[0], a.left + a.width / 2, a.top + a.height + TITLE_INSET_PX / 2);
      ctx.save();
      ctx.translate(TITLE_INSET_PX / 2, a.top + a.height / 2);
      ctx.rotate(-Math.PI / 2);
      ctx.fillText(titles[1], 0, 0);
      ctx.restore();
    }
    ctx.save();
    ctx.beginPath();
    ctx.rect(a.left, a.top, a.width, a.height);
    ctx.clip();
    ctx.globalAlpha = this.style.opacity;
    const r = this.style.radius;
    const v = this.view;
    const sx = a.width / (v.x[1] - v.x[0]);
    const sy = a.height / (v.y[1] - v.y[0]);
    for (const b of this.batches) {
      ctx.fillStyle = b.colour;
      ctx.beginPath();
      for (const i of b.circles) {
        const x = a.left + (this.xs[i]! - v.x[0]) * sx;
        const y = a.top + (v.y[1] - this.ys[i]!) * sy;
        ctx.moveTo(x + r, y);
        ctx.arc(x, y, r, 0, 2 * Math.PI);
      }
      for (const i of b.diamonds) {
        const x = a.left + (this.xs[i]! - v.x[0]) * sx;
        const y = a.top + (v.y[1] - this.ys[i]!) * sy;
        const d = r * 1.5;
        ctx.moveTo(x, y - d);
        ctx.lineTo(x + d, y);
        ctx.lineTo(x, y + d);
        ctx.lineTo(x - d, y);
        ctx.closePath();
      }
      ctx.fill();
    }
    const m = this.mark;
    if (m !== null && m < this.xs.length) {
      ctx.globalAlpha = 1;
      ctx.strokeStyle = theme.danger;
      ctx.lineWidth = 2;
      ctx.beginPath();
      ctx.arc(a.left + (this.xs[m]! - v.x[0]) * sx, a.top + (v.y[1] - this.ys[m]!) * sy, r + 4, 0, 2 * Math.PI);
      ctx.stroke();
    }
    ctx.restore();
  }

  get size(): { width: number; height: number } {
    return { width: this.width, height: this.height };
  }

  private resize(): void {
    const w = this.host.clientWidth;
    const h = this.host.clientHeight;
    const dpr = Math.max(1, window.devicePixelRatio || 1);
    if (w === this.width && h === this.height && dpr === this.dpr) return;
    this.width = w;
    this.height = h;
    this.dpr = dpr;
    this.canvas.width = Math.round(w * dpr);
    this.canvas.height = Math.round(h * dpr);
    this.canvas.style.width = `${w}px`;
    this.canvas.style.height = `${h}px`;
    this.draw();
    this.events.onView();
  }

  private local(e: { clientX: number; clientY: number }): [number, number] {
    const box = this.canvas.getBoundingClientRect();
    return [e.clientX - box.left, e.clientY - box.top];
  }

  private onDown = (e: PointerEvent) => {
    if (e.button !== 0 || this.drag) return;
    const [x, y] = this.local(e);
    this.drag = { id: e.pointerId, x, y, view: this.view, moved: false };
    this.canvas.setPointerCapture?.(e.pointerId);
  };

  private onMove = (e: PointerEvent) => {
    const [x, y] = this.local(e);
    const d = this.drag;
    if (d && d.id === e.pointerId) {
      if (!d.moved && Math.hypot(x - d.x, y - d.y) < CLICK_SLOP_PX) return;
      d.moved = true;
      const a = this.area();
      const dx = ((x - d.x) / a.width) * (d.view.x[1] - d.view.x[0]);
      const dy = ((y - d.y) / a.height) * (d.view.y[1] - d.view.y[0]);
      this.setView({ x: [d.view.x[0] - dx, d.view.x[1] - dx], y: [d.view.y[0] + dy, d.view.y[1] + dy] });
      return;
    }
    if (e.pointerType !== 'mouse') return;
    const i = this.hit(x, y);
    if (i !== this.hovered || i !== null) this.events.onHover(i, x, y);
    this.hovered = i;
  };

  private onUp = (e: PointerEvent) => {
    const d = this.drag;
    if (!d || d.id !== e.pointerId) return;
    this.drag = null;
    if (d.moved) return;
    const [x, y] = this.local(e);
    const i = this.hit(x, y);
    if (i !== null) this.events.onClick(i);
  };

  private onCancel = () => {
    this.drag = null;
  };

  private onLeave = () => {
    if (this.hovered !== null) this.events.onHover(null, 0, 0);
    this.hovered = null;
  };

  private onWheel = (e: WheelEvent) => {
    e.preventDefault();
    const [px, py] = this.local(e);
    const [cx, cy] = this.fromPixel(px, py);
    const factor = Math.exp(-e.deltaY * WHEEL_ZOOM_PER_PX);
    this.setView(zoomView(this.view, factor, cx, cy, this.reset));
  };
}

function batchByColour(n: number, style: PointStyle): { colour: string; circles: number[]; diamonds: number[] }[] {
  const byColour = new Map<string, { colour: string; circles: number[]; diamonds: number[] }>();
  for (let i = 0; i < n; i++) {
    const c = typeof style.colours === 'string' ? style.colours : (style.colours[i] ?? '#888');
    let b = byColour.get(c);
    if (!b) byColour.set(c, (b = { colour: c, circles: [], diamonds: [] }));
    (style.diamonds.has(i) ? b.diamonds : b.circles).push(i);
  }
  return [...byColour.values()];
}
