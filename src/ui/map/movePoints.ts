// Moving the map's points without a plotly replot. Plotly has no cheap update for scattergl positions: restyle and
// react on x/y both rerun supplyDefaults, calc, axes and drag boxes, measured here at 35-85 ms of main thread per
// frame for 300 points (plotly.js issue #2553 asks for a lighter path; none exists in 4.1). Between replots this
// writes the new positions into the arrays plotly already holds (the trace's x/y, which export and the tests read;
// the calc stash, which hover reads; the regl marker positions, which are drawn) and redraws the WebGL scene on the
// 'context' canvas only. Any layout change (ranges, theme, highlight, words) still goes through Plotly.react.
//
// This reaches into plotly's private fields, so every one is checked first: if a plotly upgrade moves them, the
// function returns false and the caller falls back to Plotly.restyle. tests/e2e/map.test.ts hovers and clicks points
// at their latest positions and reads the canvas pixels there, which fails if this path draws or stores them wrongly.

/** regl-scatter2d's instance: a draw function carrying an update method. */
interface ReglScatter {
  update: (opts: unknown) => void;
}
type NumberArray = { length: number; [i: number]: number };
interface Scene {
  count: number;
  scatter2d: ReglScatter | boolean;
  markerOptions: Array<{ positions?: ArrayLike<number> & { [i: number]: number } } | null>;
  select2d: unknown;
  glText: unknown;
  draw: () => void;
}
interface Stash {
  x: number[];
  y: number[];
  tree?: unknown;
}
interface GraphDiv {
  data?: Array<{ x?: unknown; y?: unknown }>;
  _fullData?: Array<{ x?: unknown; y?: unknown; type?: string }>;
  calcdata?: Array<Array<{ t?: Stash }>>;
  _fullLayout?: {
    _plots?: Record<string, { _scene?: Scene | null }>;
    _glcanvas?: { data?: () => Array<{ regl?: { clear: (o: unknown) => void } }> };
  };
}

/** A plain or typed array of n numbers (plotly keeps whichever it was given; restyle may have passed typed ones). */
function writable(a: unknown, n: number): a is NumberArray {
  return (Array.isArray(a) || a instanceof Float32Array || a instanceof Float64Array) && a.length === n;
}

/** Move the n points of trace 0 (a scattergl trace alone on subplot xy) to (xs[i], ys[i]). False if not possible. */
export function movePointsInPlace(div: HTMLElement, xs: Float32Array, ys: Float32Array): boolean {
  const gd = div as unknown as GraphDiv;
  const n = xs.length;
  const scene = gd._fullLayout?._plots?.xy?._scene;
  const stash = gd.calcdata?.[0]?.[0]?.t;
  const full = gd._fullData?.[0];
  const data = gd.data?.[0];
  const regl = gd._fullLayout?._glcanvas?.data?.()?.[0]?.regl;
  const marker = scene?.markerOptions?.[0];
  const scatter = scene?.scatter2d;
  if (!scene || scene.count !== 1 || typeof scatter !== 'function' || typeof (scatter as Partial<ReglScatter>).update !== 'function') return false;
  if (scene.select2d || scene.glText) return false;
  if (!marker?.positions || marker.positions.length !== 2 * n || !stash || stash.tree || full?.type !== 'scattergl' || !regl) return false;
  if (!writable(stash.x, n) || !writable(stash.y, n) || !data || !writable(data.x, n) || !writable(data.y, n)) return false;
  // Plotly's full trace normally shares the user's arrays; if it ever copies them, keep both in step.
  const fullX = full.x !== data.x && writable(full.x, n) ? full.x : null;
  const fullY = full.y !== data.y && writable(full.y, n) ? full.y : null;
  const pos = marker.positions;
  for (let i = 0; i < n; i++) {
    const x = xs[i]!;
    const y = ys[i]!;
    pos[2 * i] = x;
    pos[2 * i + 1] = y;
    stash.x[i] = x;
    stash.y[i] = y;
    data.x[i] = x;
    data.y[i] = y;
    if (fullX) fullX[i] = x;
    if (fullY) fullY[i] = y;
  }
  (scatter as ReglScatter).update([{ positions: pos }]);
  regl.clear({ color: true, depth: true });
  scene.draw();
  return true;
}
