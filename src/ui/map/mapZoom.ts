// Zoom and pan for the map beyond plotly's own mouse drag and wheel: keys on the focused map (+ and - zoom, arrows
// pan, 0 fits all words again) and a two-finger pinch through pointer events. The view is plotly's axis range, in the
// map's fixed view coordinates (axisRange.ts), so zooming never disturbs the fit that follows the points.

export interface ViewRange {
  x: [number, number];
  y: [number, number];
}

/** One + or - press zooms by this factor. */
export const KEY_ZOOM = 1.25;
/** One arrow press pans by this share of the visible width or height. */
export const KEY_PAN = 0.1;
/** Zoomed in at most this far (the fitted view is 1): beyond it single points fill the box. */
export const MAX_ZOOM = 64;
/** Zoomed out at most this far. */
export const MIN_ZOOM = 0.5;

/** The view zoomed by `factor` (> 1 zooms in) about the point (cx, cy), within MIN_ZOOM..MAX_ZOOM of `reset`. */
export function zoomView(v: ViewRange, factor: number, cx: number, cy: number, reset: ViewRange): ViewRange {
  const zoom = (reset.x[1] - reset.x[0]) / (v.x[1] - v.x[0]);
  const f = Math.min(Math.max(factor, MIN_ZOOM / zoom), MAX_ZOOM / zoom);
  const scale = (lo: number, hi: number, c: number): [number, number] => [c - (c - lo) / f, c + (hi - c) / f];
  return { x: scale(v.x[0], v.x[1], cx), y: scale(v.y[0], v.y[1], cy) };
}

/** The view moved by (dx, dy) shares of its own width and height. */
export function panView(v: ViewRange, dx: number, dy: number): ViewRange {
  const w = v.x[1] - v.x[0];
  const h = v.y[1] - v.y[0];
  return { x: [v.x[0] + dx * w, v.x[1] + dx * w], y: [v.y[0] + dy * h, v.y[1] + dy * h] };
}

const centre = (v: ViewRange): [number, number] => [(v.x[0] + v.x[1]) / 2, (v.y[0] + v.y[1]) / 2];

/** The view a key press asks for, or null for a key the map does not use. */
export function viewForKey(key: string, v: ViewRange, reset: ViewRange): ViewRange | null {
  const [cx, cy] = centre(v);
  switch (key) {
    case '+':
    case '=':
      return zoomView(v, KEY_ZOOM, cx, cy, reset);
    case '-':
    case '_':
      return zoomView(v, 1 / KEY_ZOOM, cx, cy, reset);
    case '0':
      return { x: [...reset.x], y: [...reset.y] };
    case 'ArrowLeft':
      return panView(v, -KEY_PAN, 0);
    case 'ArrowRight':
      return panView(v, KEY_PAN, 0);
    case 'ArrowUp':
      return panView(v, 0, KEY_PAN);
    case 'ArrowDown':
      return panView(v, 0, -KEY_PAN);
    default:
      return null;
  }
}

export interface GestureTarget {
  view: () => ViewRange | null;
  /** The plot area in px inside the stage. */
  area: () => { left: number; top: number; width: number; height: number } | null;
  setView: (v: ViewRange) => void;
  reset: ViewRange;
}

/** Listen for keys and pinches on the map's stage; returns the function that stops listening. */
export function attachMapGestures(stage: HTMLElement, t: GestureTarget): () => void {
  const onKey = (e: KeyboardEvent) => {
    if (e.target !== stage || e.ctrlKey || e.metaKey || e.altKey) return;
    const v = t.view();
    if (!v) return;
    const next = viewForKey(e.key, v, t.reset);
    if (!next) return;
    // The lab's own shortcuts (arrows step the trainer) must not fire while the map has the keys.
    e.preventDefault();
    e.stopPropagation();
    t.setView(next);
  };

  // Two touches: zoom by the change in their distance, about their midpoint.
  const touches = new Map<number, { x: number; y: number }>();
  let pinchStart: { distance: number; view: ViewRange; cx: number; cy: number } | null = null;
  const toView = (px: number, py: number, v: ViewRange): [number, number] | null => {
    const a = t.area();
    if (!a) return null;
    const box = stage.getBoundingClientRect();
    const fx = (px - box.left - a.left) / a.width;
    const fy = (py - box.top - a.top) / a.height;
    return [v.x[0] + fx * (v.x[1] - v.x[0]), v.y[1] - fy * (v.y[1] - v.y[0])];
  };
  const pair = () => [...touches.values()] as [{ x: number; y: number }, { x: number; y: number }];
  const onDown = (e: PointerEvent) => {
    if (e.pointerType !== 'touch') return;
    touches.set(e.pointerId, { x: e.clientX, y: e.clientY });
    if (touches.size === 2) {
      const v = t.view();
      const [a, b] = pair();
      const c = v ? toView((a.x + b.x) / 2, (a.y + b.y) / 2, v) : null;
      pinchStart = v && c ? { distance: Math.hypot(a.x - b.x, a.y - b.y) || 1, view: v, cx: c[0], cy: c[1] } : null;
    }
  };
  const onMove = (e: PointerEvent) => {
    if (e.pointerType !== 'touch' || !touches.has(e.pointerId)) return;
    touches.set(e.pointerId, { x: e.clientX, y: e.clientY });
    if (touches.size !== 2 || !pinchStart) return;
    const [a, b] = pair();
    const factor = Math.hypot(a.x - b.x, a.y - b.y) / pinchStart.distance;
    e.preventDefault();
    e.stopPropagation(); // a pinch is not plotly's one-finger pan
    t.setView(zoomView(pinchStart.view, factor, pinchStart.cx, pinchStart.cy, t.reset));
  };
  const onUp = (e: PointerEvent) => {
    touches.delete(e.pointerId);
    if (touches.size < 2) pinchStart = null;
  };
  stage.addEventListener('keydown', onKey);
  stage.addEventListener('pointerdown', onDown, true);
  stage.addEventListener('pointermove', onMove, true);
  stage.addEventListener('pointerup', onUp, true);
  stage.addEventListener('pointercancel', onUp, true);
  return () => {
    stage.removeEventListener('keydown', onKey);
    stage.removeEventListener('pointerdown', onDown, true);
    stage.removeEventListener('pointermove', onMove, true);
    stage.removeEventListener('pointerup', onUp, true);
    stage.removeEventListener('pointercancel', onUp, true);
  };
}
