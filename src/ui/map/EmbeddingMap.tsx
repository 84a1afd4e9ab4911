// The live map of the embedding: the layout runs in src/workers/layout.worker.ts, frames arrive up to ~15 times a
// second and go straight to plotly through refs (no React render per frame). A frame that only moves the points moves
// them in plotly's own arrays and redraws the WebGL scene (movePoints.ts), without a plotly replot; each drawn frame
// is acknowledged, and the worker posts the next one only then. React renders this component only when its props
// change. DOM contract (tests, bench): <figure aria-label="Embedding map" data-points={N} data-frames={drawn}
// data-replots={frames drawn through plotly rather than in place} data-ready> (data-ready once plotly and its WebGL context are up).
import { useEffect, useRef, useState } from 'react';
import type { PlotlyHTMLElement } from 'plotly.js-dist-min';
import type { LayoutMethod } from '../../core/project/layoutEngine';
import type { LayoutRequest, LayoutResponse } from '../../workers/layoutMessages';
import { nextRanges, toView, VIEW, type Ranges } from './axisRange';
import { downloadBlob } from '../lab/download';
import { mapCaption } from './caption';
import { drawHighlightCanvas, drawHighlightSvg, type PlotArea, type ToPixel } from './highlightLayer';
import { movePointsInPlace } from './movePoints';
import { mapLayout, mapTraces, PLOT_CONFIG, readTheme, warmupTraces, type HighlightPoints, type MapTheme } from './mapFigure';
import './embeddingMap.css';

type PlotlyModule = (typeof import('plotly.js-dist-min'))['default'];

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
  highlight?: { word: string; neighbours: string[] } | null;
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
}

const sameShape = (a: DrawnShape | null, b: DrawnShape) =>
  a !== null && a.words === b.words && a.dimmed === b.dimmed && a.theme === b.theme && a.method === b.method;

function sameWords(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** onStats is called at most this often: it is meant for a text readout, not for animation. */
const STATS_INTERVAL_MS = 250;

interface Live {
  worker: Worker | null;
  plotly: PlotlyModule | null;
  /** newPlot has finished: until then frames are kept, not drawn (react() during newPlot can stall). */
  ready: boolean;
  words: string[];
  index: Map<string, number>;
  positions: Float32Array | null;
  ranges: Ranges | null;
  frames: number;
  /** Frames that went through a plotly restyle or react (the rest moved the points in place). */
  replots: number;
  iteration: number;
  note?: string;
  paramsSent: number;
  nextId: number;
  drawing: boolean;
  drawQueued: boolean;
  drawPending: boolean;
  /** What the plot last drawn was made of besides positions: when a frame changes only positions, plotly gets a
   *  restyle of x and y (no new traces, text or layout to diff). */
  drawnShape: DrawnShape | null;
  revision: number;
  lastStatsAt: number;
  theme: MapTheme | null;
  lastVersion: number;
}

export function EmbeddingMap(props: EmbeddingMapProps) {
  const { snapshot, method, perplexity, learningRate, seed, highlight, paused } = props;
  const figureRef = useRef<HTMLElement>(null);
  const plotRef = useRef<HTMLDivElement>(null);
  const highlightRef = useRef<SVGSVGElement>(null);
  const captionRef = useRef<HTMLElement>(null);
  const propsRef = useRef(props);
  const [error, setError] = useState<string | null>(null);
  const live = useRef<Live>({
    worker: null, plotly: null, ready: false, words: [], index: new Map(), positions: null, ranges: null, frames: 0, replots: 0, iteration: 0,
    paramsSent: 0, nextId: 1, drawing: false, drawQueued: false, drawPending: false, drawnShape: null, revision: 0, lastStatsAt: 0,
    theme: null, lastVersion: -1,
  });

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
    });
  };

  const highlightPoints = (): HighlightPoints | null => {
    const h = propsRef.current.highlight;
    const l = live.current;
    if (!h || !l.positions) return null;
    const out: HighlightPoints = { x: [], y: [], words: [], isCentre: [] };
    const r = l.ranges ?? VIEW;
    for (const w of [h.word, ...h.neighbours]) {
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

  /** Plot coordinates to px inside the plot div, through plotly's axes (they follow the user's pan and zoom). */
  const axes = (): { toPixel: ToPixel; area: PlotArea } | null => {
    type Axis = { l2p?: (v: number) => number; _offset?: number; _length?: number };
    const fl = (plotRef.current as unknown as { _fullLayout?: { xaxis?: Axis; yaxis?: Axis } } | null)?._fullLayout;
    const xa = fl?.xaxis;
    const ya = fl?.yaxis;
    if (!xa?.l2p || !ya?.l2p || xa._offset === undefined || ya._offset === undefined || !xa._length || !ya._length) return null;
    const [x0, y0] = [xa._offset, ya._offset];
    return {
      toPixel: (x, y) => [x0 + xa.l2p!(x), y0 + ya.l2p!(y)],
      area: { left: x0, top: y0, width: xa._length, height: ya._length },
    };
  };

  const drawHighlight = () => {
    const svg = highlightRef.current;
    const theme = live.current.theme;
    if (!svg || !theme) return;
    const a = axes();
    drawHighlightSvg(svg, highlightPoints(), a?.toPixel ?? (() => null), a?.area ?? null, theme);
  };

  /** Tells the layout worker that the last frame is on screen (or was dropped), so it may post the next one. */
  const ackFrame = () => send({ type: 'frame-drawn', id: live.current.nextId++ });

  const draw = () => {
    const l = live.current;
    const div = plotRef.current;
    if (!l.plotly || !l.ready || !div || !l.positions || l.positions.length !== 2 * l.words.length) {
      ackFrame();
      return;
    }
    if (l.drawing) {
      l.drawQueued = true;
      return;
    }
    l.drawing = true;
    const n = l.words.length;
    const xs = new Float32Array(n);
    const ys = new Float32Array(n);
    l.ranges = nextRanges(l.ranges, l.positions);
    const r = l.ranges ?? VIEW;
    for (let i = 0; i < n; i++) {
      const [x, y] = toView(r, l.positions[2 * i]!, l.positions[2 * i + 1]!);
      xs[i] = x;
      ys[i] = y;
    }
    l.theme ??= readTheme();
    const p = propsRef.current;
    const shape: DrawnShape = { words: l.words, dimmed: Boolean(p.highlight), theme: l.theme, method: p.method };
    let drawn: Promise<unknown>;
    if (sameShape(l.drawnShape, shape) && movePointsInPlace(div, xs, ys)) {
      // Only the points moved: moved in plotly's own arrays and the WebGL scene redrawn, no replot.
      drawn = Promise.resolve();
    } else if (sameShape(l.drawnShape, shape)) {
      // The same, through plotly's public API, should its internals ever not be as movePoints.ts expects.
      drawn = l.plotly.restyle(div, { x: [xs], y: [ys] } as never, [0]);
      l.replots++;
    } else {
      const titles: [string, string] | null = p.method === 'pca' ? ['PC 1', 'PC 2'] : null;
      const traces = mapTraces(xs, ys, l.words, shape.dimmed, l.theme);
      const layout = mapLayout(VIEW, l.theme, titles, ++l.revision);
      drawn = l.plotly.react(div, traces, layout, PLOT_CONFIG);
      l.replots++;
    }
    l.drawnShape = null; // until this draw succeeds, the next one rebuilds everything
    drawn
      .then(() => {
        l.drawnShape = shape;
        l.frames++;
        drawHighlight();
        updateCaption();
      })
      .catch((e: unknown) => setError(`The map could not be drawn: ${e instanceof Error ? e.message : String(e)}`))
      .finally(() => {
        l.drawing = false;
        if (l.drawQueued) {
          l.drawQueued = false;
          requestDraw();
        } else ackFrame();
      });
  };

  // Drawn in a task of its own, not in requestAnimationFrame: inside rAF the plotly work and the compositor's
  // read-back of the WebGL canvas (software WebGL) add up to one long task.
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
    }
    l.positions = msg.positions;
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

  // The worker and plotly live as long as the component.
  useEffect(() => {
    const l = live.current;
    const plotDiv = plotRef.current;
    const worker = new Worker(new URL('../../workers/layout.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = onWorkerMessage;
    worker.onerror = (e) => setError(`The layout worker failed: ${e.message || 'could not start'}`);
    l.worker = worker;
    l.lastVersion = -1;
    let cancelled = false;
    import('plotly.js-dist-min')
      .then((mod) => {
        if (cancelled) return;
        l.plotly = mod.default ?? (mod as unknown as PlotlyModule);
        const div = plotRef.current as (HTMLDivElement & Partial<PlotlyHTMLElement>) | null;
        if (!div) return;
        l.theme = readTheme();
        return l.plotly.newPlot(div, warmupTraces(l.theme), mapLayout(VIEW, l.theme, null, 0), PLOT_CONFIG).then(() => {
          if (cancelled) return;
          l.ready = true;
          figureRef.current?.setAttribute('data-ready', 'true');
          const gd = div as unknown as PlotlyHTMLElement;
          gd.on('plotly_click', (ev) => {
            const pt = ev.points[0];
            if (!pt || pt.curveNumber !== 0) return;
            const word = live.current.words[pt.pointIndex];
            if (word) propsRef.current.onWordClick?.(word);
          });
          // Panning, zooming and resizing move the axes: the highlight layer follows.
          gd.on('plotly_relayouting', drawHighlight);
          gd.on('plotly_relayout', drawHighlight);
          gd.on('plotly_afterplot', drawHighlight);
          requestDraw();
        });
      })
      .catch((e: unknown) => setError(`Plotting could not load: ${e instanceof Error ? e.message : String(e)}`));
    // Theme and presenter mode change CSS variables on <html>: re-read them and redraw.
    const observer = new MutationObserver(() => {
      l.theme = readTheme();
      // Before the first snapshot there is nothing to draw but the empty plot (and its warm-up point, which must
      // stay the background's colour): restyle that directly.
      if (l.ready && l.plotly && plotDiv && !l.positions) {
        void l.plotly.react(plotDiv, warmupTraces(l.theme), mapLayout(VIEW, l.theme, null, ++l.revision), PLOT_CONFIG);
        return;
      }
      requestDraw();
    });
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['class', 'data-theme', 'style'] });
    return () => {
      cancelled = true;
      l.ready = false;
      observer.disconnect();
      worker.terminate();
      l.worker = null;
      if (plotDiv && l.plotly) l.plotly.purge(plotDiv);
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

  useEffect(() => {
    const l = live.current;
    if (!snapshot || snapshot.version === l.lastVersion) {
      updateCaption();
      return;
    }
    l.lastVersion = snapshot.version;
    // A copy is transferred: the snapshot stays usable by the rest of the page.
    const vectors = snapshot.vectors.slice();
    send(
      { type: 'set-vectors', id: l.nextId++, version: snapshot.version, words: snapshot.words.slice(), vectors, dim: snapshot.dim },
      [vectors.buffer],
    );
    updateCaption();
     
  }, [snapshot]);

  useEffect(() => {
    send({ type: paused ? 'pause' : 'resume', id: live.current.nextId++ });
     
  }, [paused]);

  useEffect(() => {
    requestDraw();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [highlight]);

  // The PNG is plotly's image of the plot with the highlight layer drawn over it, as on screen.
  const download = async () => {
    const l = live.current;
    const div = plotRef.current;
    if (!l.plotly || !div || !l.theme) return;
    const p = propsRef.current;
    const scale = 2;
    try {
      const url = await l.plotly.toImage(div, { format: 'png', width: div.clientWidth, height: div.clientHeight, scale } as never);
      const image = new Image();
      image.src = url;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.naturalWidth;
      canvas.height = image.naturalHeight;
      const ctx = canvas.getContext('2d');
      if (!ctx) throw new Error('this browser cannot draw on a canvas');
      ctx.drawImage(image, 0, 0);
      const a = axes();
      if (a) drawHighlightCanvas(ctx, highlightPoints(), a.toPixel, a.area, l.theme, canvas.width / div.clientWidth);
      const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
      if (!blob) throw new Error('the PNG could not be made');
      downloadBlob(`embedding-map-${p.method}-seed${p.seed}.png`, blob, 'image/png');
    } catch (e) {
      setError(`The map could not be exported: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  return (
    <figure ref={figureRef} className="embedding-map" aria-label="Embedding map">
      <div className="embedding-map-stage">
        <div ref={plotRef} className="embedding-map-plot" />
        <svg ref={highlightRef} className="embedding-map-highlight" aria-hidden="true" />
      </div>
      <figcaption ref={captionRef} />
      {error && <p role="alert">{error}</p>}
      <div className="embedding-map-tools">
        <button type="button" onClick={() => void download()}>
          Download map as PNG
        </button>
      </div>
    </figure>
  );
}
