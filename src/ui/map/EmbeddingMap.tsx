// The live map of the embedding: the layout runs in src/workers/layout.worker.ts, frames arrive up to ~15 times a
// second and go straight to a 2-D canvas through refs (pointCanvas.ts; no React render per frame); each drawn frame
// is acknowledged, and the worker posts the next one only then. React renders this component only when its props
// change. Word labels (labelPlacement.ts, labelLayer.ts), the search highlight (highlightLayer.ts) and the hover
// tooltip are SVG/HTML layers over the plot, redrawn with each frame. The view follows the points' bounds with a
// smooth transition (axisRange.ts easeRanges); the user zooms and pans with the mouse (drag, wheel), touch (drag,
// pinch) and keyboard (mapZoom.ts). DOM contract (tests, bench): <figure aria-label="Embedding map" data-points={N}
// data-labels={labels drawn now, none overlapping} data-highlighted={points highlighted by the current search: the
// word and each neighbour found on the map, so k + 1 when all are drawn} data-added={words added for the search}
// data-zoom={view zoom, 1 = fitted} data-frames={layout frames drawn} data-replots={frames that rebuilt the points'
// colour batches rather than only moving them} data-draw-ms={smoothed main-thread ms per drawn frame} data-ready> (data-ready once the canvas is up). For tests, the plot
// element carries `__map` with the points' screen positions and the canvas's background pixel (see mapProbe below).
import { useEffect, useId, useRef, useState } from 'react';
import type { LayoutMethod } from '../../core/project/layoutEngine';
import type { LayoutRequest, LayoutResponse } from '../../workers/layoutMessages';
import { countOutside, easeRanges, toView, VIEW, type Ranges } from './axisRange';
import { downloadBlob } from '../lab/download';
import { mapCaption } from './caption';
import { drawHighlightCanvas, drawHighlightSvg, highlightTextBoxes, type PlotArea, type ToPixel } from './highlightLayer';
import { placeLabels, type PlacedLabel, type Side } from './labelPlacement';
import { drawLabelsCanvas, drawLabelsSvg, labelFontPx, TextMeasure } from './labelLayer';
import { colourPoints, type Colouring, type WordClasses } from './mapColours';
import { MapLegend } from './MapLegend';
import { attachMapGestures, type ViewRange } from './mapZoom';
import { markerRadius, POINT_OPACITY, DIMMED_OPACITY, readTheme, type HighlightPoints, type MapTheme } from './mapFigure';
import { PointCanvas } from './pointCanvas';
import { SearchComparison } from './SearchComparison';
import { mapNeighbours, type MapSearch } from './searchNeighbours';
import './embeddingMap.css';

export interface MapSnapshot {
  words: string[];
  vectors: Float32Array;
  dim: number;
  version: number;
}

export interface MapStats {
  iteration: number;
  updatesPerSec: number;
  engine: string;
  note?: string;
}

export interface EmbeddingMapProps {
  snapshot: MapSnapshot | null;
  method: LayoutMethod;
  perplexity: number;
  learningRate: number;
  seed: number;
  /** A searched word: it and its neighbours are highlighted (and added to the map when not among its words). */
  highlight?: MapSearch | null;
  onWordClick?: (word: string) => void;
  paused?: boolean;
  onStats?: (s: MapStats) => void;
  /** Size of the vocabulary the snapshot's words were taken from, for the caption ("500 most frequent of 14,165"). */
  totalWords?: number;
}

interface DrawnShape {
  words: string[];
  /** Points are dimmed while some are highlighted. */
  dimmed: boolean;
  theme: MapTheme;
  method: LayoutMethod;
  colourKey: string;
}

const sameShape = (a: DrawnShape | null, b: DrawnShape) =>
  a !== null && a.words === b.words && a.dimmed === b.dimmed && a.theme === b.theme && a.method === b.method && a.colourKey === b.colourKey;

/** A hovered point's tooltip hides once the point has glided this far (px) from the mouse: it never sticks over a
 *  spot the point has left. */
const HOVER_LOST_PX = 16;
/** Most labels drawn at once: a cap for very large maps zoomed out (placement is O(points) anyway). */
const MAX_LABELS = 1200;
/** Weight of the newest draw in the smoothed draw time (data-draw-ms). */
const DRAW_MS_SMOOTHING = 0.1;
/** Redraw interval while the view eases to a new fit and no layout frame comes (about 30 per second). */
const EASE_FRAME_MS = 33;
/** The map-neighbour list beside the search is refreshed this often while the layout moves. */
const COMPARISON_INTERVAL_MS = 1000;

function sameWords(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** onStats is called at most this often: it is meant for a text readout, not for animation. */
const STATS_INTERVAL_MS = 250;

interface Live {
  worker: Worker | null;
  canvas: PointCanvas | null;
  ready: boolean;
  words: string[];
  index: Map<string, number>;
  positions: Float32Array | null;
  ranges: Ranges | null;
  frames: number;
  /** Frames that rebuilt the points' style (words, colours, theme, highlight); the rest only moved them. */
  replots: number;
  iteration: number;
  note?: string;
  paramsSent: number;
  nextId: number;
  drawPending: boolean;
  /** What the points last drawn looked like besides their positions: a frame that changes only positions keeps it. */
  drawnShape: DrawnShape | null;
  lastStatsAt: number;
  theme: MapTheme | null;
  /** Snapshot version and added words last sent to the worker. */
  lastSentKey: string;
  /** Words added to the map for a search (not among the snapshot's N), and their frequency ranks. */
  added: Map<string, number>;
  /** Point positions in the plot's (view) coordinates, as last drawn. */
  viewX: Float32Array | null;
  viewY: Float32Array | null;
  lastDrawAt: number;
  measure: TextMeasure;
  widths: Float32Array | null;
  widthsFor: { words: string[]; font: number } | null;
  placed: PlacedLabel[];
  previousLabels: Map<number, Side>;
  labelsFor: string[] | null;
  colouring: Colouring;
  hover: { index: number; mouseX: number; mouseY: number } | null;
  lastComparisonAt: number;
  /** A layout frame arrived since the last draw (a draw without one only eases the view). */
  freshFrame: boolean;
  /** Smoothed main-thread ms per draw. */
  drawMs: number;
  /** Outlying points the fitted view leaves outside (axisRange.ts visibleBounds). */
  outside: number;
}

/** What the browser tests read: the points' positions on screen (page px) and the canvas's background pixel. */
function mapProbe(l: Live) {
  return {
    points: () => {
      const c = l.canvas;
      if (!c || !l.viewX || !l.viewY) return [];
      const box = c.canvas.getBoundingClientRect();
      return l.words.map((word, i) => {
        const [x, y] = c.toPixel(l.viewX![i]!, l.viewY![i]!);
        return { word, x: box.left + x, y: box.top + y };
      });
    },
    background: () => {
      const d = l.canvas?.canvas.getContext('2d')?.getImageData(1, 1, 1, 1).data;
      return d ? `rgb(${d[0]}, ${d[1]}, ${d[2]})` : '';
    },
  };
}

export function EmbeddingMap(props: EmbeddingMapProps) {
  const { snapshot, method, perplexity, learningRate, seed, highlight, paused } = props;
  const figureRef = useRef<HTMLElement>(null);
  const plotRef = useRef<HTMLDivElement>(null);
  const highlightRef = useRef<SVGSVGElement>(null);
  const labelsRef = useRef<SVGSVGElement>(null);
  const tooltipRef = useRef<HTMLDivElement>(null);
  const stageRef = useRef<HTMLDivElement>(null);
  const captionRef = useRef<HTMLElement>(null);
  const propsRef = useRef(props);
  const [error, setError] = useState<string | null>(null);
  const [classes, setClasses] = useState<WordClasses | null>(null);
  const [isolate, setIsolate] = useState<number | null>(null);
  const [legendWords, setLegendWords] = useState<string[]>([]);
  const [onMap, setOnMap] = useState<string[]>([]);
  const hintId = useId();
  const live = useRef<Live>({
    worker: null, canvas: null, ready: false, words: [], index: new Map(), positions: null, ranges: null, frames: 0, replots: 0, iteration: 0,
    paramsSent: 0, nextId: 1, drawPending: false, drawnShape: null, lastStatsAt: 0,
    theme: null, lastSentKey: '', added: new Map(), viewX: null, viewY: null, lastDrawAt: 0, measure: new TextMeasure(), widths: null,
    widthsFor: null, placed: [], previousLabels: new Map(), labelsFor: null, colouring: colourPoints([], null, null), hover: null,
    lastComparisonAt: 0, freshFrame: false, drawMs: 0, outside: 0,
  });
  const classesRef = useRef<{ classes: WordClasses | null; isolate: number | null }>({ classes: null, isolate: null });
  classesRef.current = { classes, isolate };

  useEffect(() => {
    propsRef.current = props;
  });

  // Caption, data-points and data-frames are written directly, so frames never go through React.
  const updateCaption = () => {
    const l = live.current;
    const p = propsRef.current;
    const fig = figureRef.current;
    if (fig) {
      fig.dataset.points = String(l.words.length);
      fig.dataset.frames = String(l.frames);
      fig.dataset.replots = String(l.replots);
      fig.dataset.labels = String(l.placed.length);
      fig.dataset.added = String(l.added.size);
    }
    const cap = captionRef.current;
    if (!cap) return;
    if (!p.snapshot && l.words.length === 0) {
      cap.textContent = 'No vectors yet: the map appears once training sends its first snapshot.';
      return;
    }
    cap.textContent = mapCaption({
      method: p.method,
      points: l.words.length || p.snapshot?.words.length || 0,
      totalWords: p.totalWords,
      perplexity: p.perplexity,
      seed: p.seed,
      iteration: l.iteration,
      note: l.note,
      added: l.added.size,
      outside: l.outside,
    });
  };

  const highlightPoints = (): HighlightPoints | null => {
    const h = propsRef.current.highlight;
    const l = live.current;
    if (!h || !l.positions) return null;
    const out: HighlightPoints = { x: [], y: [], words: [], isCentre: [] };
    const r = l.ranges ?? VIEW;
    for (const w of [h.word, ...h.neighbours.map((n) => n.word)]) {
      const i = l.index.get(w);
      if (i === undefined) continue;
      const [x, y] = toView(r, l.positions[2 * i]!, l.positions[2 * i + 1]!);
      out.x.push(x);
      out.y.push(y);
      out.words.push(w);
      out.isCentre.push(w === h.word);
    }
    return out;
  };

  /** View coordinates to px inside the plot div, through the canvas's view (it follows the user's pan and zoom). */
  const axes = (): { toPixel: ToPixel; area: PlotArea } | null => {
    const c = live.current.canvas;
    if (!c || c.size.width === 0) return null;
    return { toPixel: (x, y) => c.toPixel(x, y), area: c.area() };
  };

  /** Labels, search highlight and tooltip, all from the positions last drawn and plotly's current axes. */
  const drawOverlays = () => {
    const l = live.current;
    const theme = l.theme;
    const fig = figureRef.current;
    if (!theme) return;
    const a = axes();
    const hp = highlightPoints();
    const hsvg = highlightRef.current;
    if (hsvg) drawHighlightSvg(hsvg, hp, a?.toPixel ?? (() => null), a?.area ?? null, theme);
    if (fig) fig.dataset.highlighted = String(hp && a ? hp.words.length : 0);
    drawLabels(a, hp);
    drawTooltip(a);
    if (fig) {
      fig.dataset.labels = String(l.placed.length);
      const v = l.canvas?.view;
      if (v) fig.dataset.zoom = ((VIEW.x[1] - VIEW.x[0]) / (v.x[1] - v.x[0])).toFixed(2);
    }
    const now = performance.now();
    if (propsRef.current.highlight && now - l.lastComparisonAt >= COMPARISON_INTERVAL_MS) {
      l.lastComparisonAt = now;
      refreshComparison();
    }
  };

  const drawLabels = (a: ReturnType<typeof axes>, hp: HighlightPoints | null) => {
    const l = live.current;
    const svg = labelsRef.current;
    const theme = l.theme;
    if (!svg || !theme) return;
    const n = l.words.length;
    if (!a || !l.viewX || !l.viewY || l.viewX.length !== n) {
      l.placed = [];
      drawLabelsSvg(svg, [], l.words, theme, 0, false);
      return;
    }
    const font = labelFontPx(theme);
    l.measure.setFont(font);
    if (!l.widths || l.widthsFor?.words !== l.words || l.widthsFor.font !== font) {
      l.widths = new Float32Array(n);
      for (let i = 0; i < n; i++) l.widths[i] = l.measure.width(l.words[i]!);
      l.widthsFor = { words: l.words, font };
    }
    if (l.labelsFor !== l.words) {
      l.previousLabels = new Map(); // indices mean other words now
      l.labelsFor = l.words;
    }
    const px = new Float32Array(n);
    const py = new Float32Array(n);
    const t = l.canvas!.affine();
    for (let i = 0; i < n; i++) {
      px[i] = t.sx * l.viewX[i]! + t.ox;
      py[i] = t.sy * l.viewY[i]! + t.oy;
    }
    // Highlighted words carry the highlight layer's own labels: theirs are obstacles, not candidates. Added words
    // (not among the N) are labelled only through the highlight; the rest go by frequency rank (index order).
    const skip = new Set(hp?.words.map((w) => l.index.get(w)).filter((i): i is number => i !== undefined));
    const order: number[] = [];
    for (let i = 0; i < n; i++) if (!skip.has(i) && !l.added.has(l.words[i]!)) order.push(i);
    const obstacles = hp ? highlightTextBoxes(hp, a.toPixel, theme, (w) => l.measure.width(w) * (theme.fontPx / font)) : [];
    const isolated = classesRef.current.isolate;
    const cls = l.colouring.classOf;
    const filtered = isolated === null || cls.length !== n ? order : order.filter((i) => cls[i] === isolated);
    l.placed = placeLabels({
      px, py, width: l.widths, height: l.measure.height, order: filtered, area: { x: a.area.left, y: a.area.top, width: a.area.width, height: a.area.height },
      gap: markerRadius(theme) + 1, previous: l.previousLabels, max: MAX_LABELS, obstacles,
    });
    l.previousLabels = new Map(l.placed.map((p) => [p.index, p.side]));
    drawLabelsSvg(svg, l.placed, l.words, theme, l.measure.ascent, Boolean(propsRef.current.highlight));
  };

  /** The hovered word, its frequency rank and its class, beside its point while the point stays under the mouse. */
  const drawTooltip = (a: ReturnType<typeof axes>) => {
    const l = live.current;
    const tip = tooltipRef.current;
    if (!tip) return;
    const h = l.hover;
    const word = h ? l.words[h.index] : undefined;
    const p = h && word !== undefined && a && l.viewX && l.viewY ? a.toPixel(l.viewX[h.index]!, l.viewY[h.index]!) : null;
    if (!h || !p || Math.hypot(p[0] - h.mouseX, p[1] - h.mouseY) > HOVER_LOST_PX) {
      tip.hidden = true;
      return;
    }
    const rank = l.added.get(word!) ?? h.index + 1;
    const c = l.colouring.classOf[h.index] ?? -1;
    const className = c >= 0 ? classesRef.current.classes?.classes[c] : undefined;
    const lines = [word!, `frequency rank ${rank.toLocaleString('en-US')}${l.added.has(word!) ? ' (added for the search)' : ''}`];
    if (classesRef.current.classes) lines.push(className ?? 'no category');
    const [w0, w1, w2] = tip.children as unknown as HTMLElement[];
    w0!.textContent = lines[0]!;
    w1!.textContent = lines[1]!;
    w2!.textContent = lines[2] ?? '';
    w2!.hidden = lines.length < 3;
    tip.hidden = false;
    tip.style.transform = `translate(${Math.round(p[0] + 10)}px, ${Math.round(p[1] + 10)}px)`;
  };

  const refreshComparison = () => {
    const l = live.current;
    const h = propsRef.current.highlight;
    const q = h ? l.index.get(h.word) : undefined;
    if (!h || q === undefined || !l.positions) {
      setOnMap((prev) => (prev.length === 0 ? prev : []));
      return;
    }
    const next = mapNeighbours(l.words, l.positions, q, h.neighbours.length);
    setOnMap((prev) => (sameWords(prev, next) ? prev : next));
  };

  /** Tells the layout worker that the last frame is on screen (or was dropped), so it may post the next one. */
  const ackFrame = () => send({ type: 'frame-drawn', id: live.current.nextId++ });

  const draw = () => {
    const l = live.current;
    const c = l.canvas;
    if (!c || !l.ready || !l.positions || l.positions.length !== 2 * l.words.length) {
      ackFrame();
      return;
    }
    const n = l.words.length;
    const xs = new Float32Array(n);
    const ys = new Float32Array(n);
    const now = performance.now();
    const started = now;
    const eased = easeRanges(l.ranges, l.positions, l.lastDrawAt > 0 ? now - l.lastDrawAt : Infinity);
    l.lastDrawAt = now;
    l.ranges = eased.ranges;
    const r = l.ranges ?? VIEW;
    l.outside = countOutside(r, l.positions);
    for (let i = 0; i < n; i++) {
      const [x, y] = toView(r, l.positions[2 * i]!, l.positions[2 * i + 1]!);
      xs[i] = x;
      ys[i] = y;
    }
    l.theme ??= readTheme();
    const p = propsRef.current;
    if (l.colouring.classOf.length !== n) l.colouring = colourPoints(l.words, classesRef.current.classes, classesRef.current.isolate);
    const shape: DrawnShape = { words: l.words, dimmed: Boolean(p.highlight), theme: l.theme, method: p.method, colourKey: l.colouring.key };
    try {
      if (sameShape(l.drawnShape, shape)) {
        c.setPoints(xs, ys); // only the points moved
      } else {
        c.setTheme(l.theme);
        c.setPoints(xs, ys, {
          colours: l.colouring.colours ?? l.theme.accent,
          diamonds: new Set([...l.added.keys()].map((w) => l.index.get(w)).filter((i): i is number => i !== undefined)),
          opacity: shape.dimmed ? DIMMED_OPACITY : POINT_OPACITY,
          radius: markerRadius(l.theme),
          axisTitles: p.method === 'pca' ? ['PC 1', 'PC 2'] : null,
        });
        l.drawnShape = shape;
        l.replots++;
      }
    } catch (e) {
      setError(`The map could not be drawn: ${e instanceof Error ? e.message : String(e)}`);
    }
    l.viewX = xs;
    l.viewY = ys;
    // data-frames counts layout frames drawn (the bench's updates/s), not the view's easing redraws.
    if (l.freshFrame) l.frames++;
    l.freshFrame = false;
    drawOverlays();
    updateCaption();
    // Main-thread time of a frame (points, labels, highlight), smoothed: the bench reports it beside updates/s.
    l.drawMs = l.drawMs === 0 ? performance.now() - started : l.drawMs * (1 - DRAW_MS_SMOOTHING) + (performance.now() - started) * DRAW_MS_SMOOTHING;
    figureRef.current?.setAttribute('data-draw-ms', l.drawMs.toFixed(1));
    ackFrame();
    // The view is still gliding to its fit: draw again even if the layout sends no new frame.
    if (!eased.arrived) setTimeout(requestDraw, EASE_FRAME_MS);
  };

  // Drawn in a task of its own, coalescing frames that arrive together.
  const requestDraw = () => {
    const l = live.current;
    if (l.drawPending) return;
    l.drawPending = true;
    setTimeout(() => {
      l.drawPending = false;
      draw();
    }, 0);
  };

  const onWorkerMessage = (ev: MessageEvent<LayoutResponse>) => {
    const l = live.current;
    const msg = ev.data;
    if (msg.type === 'error') {
      setError(`The layout stopped: ${msg.message}`);
      return;
    }
    if (msg.paramsId < l.paramsSent) return; // made under settings the user has since changed
    if (msg.type === 'status') {
      l.note = msg.note;
      updateCaption();
      return;
    }
    // The same words sent again (a new snapshot of the same vocabulary) keep the drawn ones: only new words need a
    // plotly replot (new hover texts); positions alone are moved in place.
    if (msg.words && !sameWords(msg.words, l.words)) {
      l.words = msg.words;
      l.index = new Map(msg.words.map((w, i) => [w, i]));
      l.colouring = colourPoints(l.words, classesRef.current.classes, classesRef.current.isolate);
      setLegendWords(l.words);
    }
    l.positions = msg.positions;
    l.freshFrame = true;
    l.iteration = msg.iteration;
    l.note = msg.note;
    requestDraw();
    const now = performance.now();
    const onStats = propsRef.current.onStats;
    if (onStats && (now - l.lastStatsAt >= STATS_INTERVAL_MS || msg.settled)) {
      l.lastStatsAt = now;
      onStats({ iteration: msg.iteration, updatesPerSec: msg.updatesPerSec, engine: msg.engine, note: msg.note });
    }
  };

  const send = (req: LayoutRequest, transfer: Transferable[] = []) => live.current.worker?.postMessage(req, transfer);

  // The worker and the canvas live as long as the component.
  useEffect(() => {
    const l = live.current;
    const plotDiv = plotRef.current;
    const worker = new Worker(new URL('../../workers/layout.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = onWorkerMessage;
    worker.onerror = (e) => setError(`The layout worker failed: ${e.message || 'could not start'}`);
    l.worker = worker;
    l.lastSentKey = '';
    if (plotDiv) {
      l.theme = readTheme();
      const reset = { x: [...VIEW.x], y: [...VIEW.y] } as ViewRange;
      l.canvas = new PointCanvas(plotDiv, reset, {
        // Zooming, panning and resizing move the view: the layers follow.
        onView: drawOverlays,
        // The tooltip follows its point each frame and hides once the point has glided away from the mouse.
        onHover: (index, mouseX, mouseY) => {
          l.hover = index === null ? null : { index, mouseX, mouseY };
          drawTooltip(axes());
        },
        onClick: (index) => {
          const word = live.current.words[index];
          if (word) propsRef.current.onWordClick?.(word);
        },
      });
      l.canvas.setTheme(l.theme);
      Object.defineProperty(plotDiv, '__map', { configurable: true, value: mapProbe(l) });
      l.ready = true;
      figureRef.current?.setAttribute('data-ready', 'true');
      requestDraw();
    }
    // Theme and presenter mode change CSS variables on <html>: re-read them and redraw.
    const observer = new MutationObserver(() => {
      l.theme = readTheme();
      l.canvas?.setTheme(l.theme);
      requestDraw();
    });
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['class', 'data-theme', 'style'] });
    const stage = stageRef.current;
    const detachGestures = stage
      ? attachMapGestures(stage, {
          view: () => l.canvas?.view ?? null,
          area: () => axes()?.area ?? null,
          setView: (v: ViewRange) => l.canvas?.setView(v),
          reset: { x: [...VIEW.x], y: [...VIEW.y] },
        })
      : () => {};
    return () => {
      detachGestures();
      l.ready = false;
      observer.disconnect();
      worker.terminate();
      l.worker = null;
      l.canvas?.destroy();
      l.canvas = null;
    };
    // The worker is created once; handlers read the latest props through propsRef.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const l = live.current;
    const id = l.nextId++;
    l.paramsSent = id;
    send({ type: 'set-params', id, params: { method, perplexity, learningRate, seed } });
    updateCaption();
     
  }, [method, perplexity, learningRate, seed]);

  // The snapshot's words, plus any words a search needs that are not among them (added and marked).
  const added = highlight?.added ?? null;
  useEffect(() => {
    const l = live.current;
    const extra = added && snapshot && added.dim === snapshot.dim ? added : null;
    const key = snapshot ? `${snapshot.version}:${extra?.words.join(' ') ?? ''}` : '';
    if (!snapshot || key === l.lastSentKey) {
      updateCaption();
      return;
    }
    l.lastSentKey = key;
    const inSnapshot = new Set(snapshot.words);
    const extraIdx = extra ? extra.words.map((w, i) => (inSnapshot.has(w) ? -1 : i)).filter((i) => i >= 0) : [];
    l.added = new Map(extraIdx.map((i) => [extra!.words[i]!, extra!.ranks[i]!]));
    // A copy is transferred: the snapshot stays usable by the rest of the page.
    const vectors = new Float32Array(snapshot.vectors.length + extraIdx.length * snapshot.dim);
    vectors.set(snapshot.vectors);
    extraIdx.forEach((i, j) => vectors.set(extra!.vectors.subarray(i * snapshot.dim, (i + 1) * snapshot.dim), snapshot.vectors.length + j * snapshot.dim));
    const words = [...snapshot.words, ...extraIdx.map((i) => extra!.words[i]!)];
    send({ type: 'set-vectors', id: l.nextId++, version: snapshot.version, words, vectors, dim: snapshot.dim }, [vectors.buffer]);
    updateCaption();
     
  }, [snapshot, added]);

  useEffect(() => {
    send({ type: paused ? 'pause' : 'resume', id: live.current.nextId++ });
     
  }, [paused]);

  useEffect(() => {
    live.current.lastComparisonAt = 0;
    requestDraw();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [highlight]);

  // A new legend (or an isolated entry) recolours the points: one plotly replot, then frames move in place again.
  useEffect(() => {
    const l = live.current;
    l.colouring = colourPoints(l.words, classes, isolate);
    requestDraw();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [classes, isolate]);

  // The PNG is the canvas's drawing at twice the screen's size, with the labels and highlight drawn over it.
  const download = async () => {
    const l = live.current;
    const c = l.canvas;
    if (!c || !l.theme) return;
    const p = propsRef.current;
    const scale = 2;
    try {
      const { width, height } = c.size;
      const canvas = document.createElement('canvas');
      canvas.width = Math.round(width * scale);
      canvas.height = Math.round(height * scale);
      const ctx = canvas.getContext('2d');
      if (!ctx) throw new Error('this browser cannot draw on a canvas');
      ctx.save();
      ctx.scale(scale, scale);
      c.paint(ctx, width, height);
      ctx.restore();
      const a = axes();
      drawLabelsCanvas(ctx, l.placed, l.words, l.theme, l.measure.ascent, scale);
      if (a) drawHighlightCanvas(ctx, highlightPoints(), a.toPixel, a.area, l.theme, scale);
      const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
      if (!blob) throw new Error('the PNG could not be made');
      downloadBlob(`embedding-map-${p.method}-seed${p.seed}.png`, blob, 'image/png');
    } catch (e) {
      setError(`The map could not be exported: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  return (
    <figure ref={figureRef} className="embedding-map" aria-label="Embedding map">
      <div
        ref={stageRef}
        className="embedding-map-stage"
        tabIndex={0}
        role="group"
        aria-label="Map view: drag or arrow keys to pan, wheel or + and - to zoom, 0 to fit all words"
        aria-describedby={hintId}
      >
        <div ref={plotRef} className="embedding-map-plot" />
        <svg ref={labelsRef} className="embedding-map-labels" aria-hidden="true" />
        <svg ref={highlightRef} className="embedding-map-highlight" aria-hidden="true" />
        <div ref={tooltipRef} className="embedding-map-tooltip" hidden>
          <strong />
          <span />
          <span />
        </div>
      </div>
      <p id={hintId} className="embedding-map-hint">
        Labels: as many words as fit without overlapping, most frequent first; zoom in to see more.
      </p>
      <figcaption ref={captionRef} />
      {error && <p role="alert">{error}</p>}
      <MapLegend words={legendWords} classes={classes} onClasses={setClasses} isolate={isolate} onIsolate={setIsolate} />
      {highlight && <SearchComparison search={highlight} onMap={onMap} added={highlight.added?.words ?? []} />}
      <div className="embedding-map-tools">
        <button type="button" onClick={() => void download()}>
          Download map as PNG
        </button>
      </div>
    </figure>
  );
}
