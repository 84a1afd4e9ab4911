// A small canvas chart of several curves (linesPlot.ts) that stays cheap to redraw while a model trains: no plotly,
// no React work beyond its props. Accessible: the figure has a name, the canvas (role img) a text summary, the
// legend is a list of words (solid or dashed, not colour alone), and hovering reads out the nearest point.
// DOM contract (tests): <figure aria-label={label} data-drawn={draws} data-points={n}>.
// "Show the values" opens a table of every point (built only while open, so training pays nothing for it): the
// numbers behind the curves for a screen reader, and for tests that compare two runs at the same x.
import { useEffect, useRef, useState } from 'react';
import { fitCanvasToBox, nearestIndex, type CanvasSize, type Extent, type Frame } from '../lab/lossPlot';
import { onThemeChange, plotColours } from '../lab/plotTheme';
import { drawLinesPlot, type LinesStyle, type Series } from './linesPlot';

/** Second and further series colours after the accent: fixed hues that read on the light and dark themes. */
const EXTRA_COLOURS = ['#d97706', '#059669', '#db2777'];

function style(): LinesStyle {
  const c = plotColours();
  return { bg: c.bg, fg: c.fg, grid: c.grid, colours: [c.accent, ...EXTRA_COLOURS], fontPx: Math.round(c.fontSize * 0.8) };
}

export interface LinesChartProps {
  label: string;
  /** What the curves show, in words and numbers: the canvas's accessible name and the caption. */
  summary: string;
  x: readonly number[];
  series: readonly Series[];
  titles: { x: string; y: string };
  height: number;
}

export function LinesChart({ label, summary, x, series, titles, height }: LinesChartProps) {
  const figureRef = useRef<HTMLElement>(null);
  const boxRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const readoutRef = useRef<HTMLParagraphElement>(null);
  const draws = useRef(0);
  // The latest props, read by the draw function that the resize and theme observers call.
  const latest = useRef({ x, series, titles });
  const redraw = useRef<() => void>(() => {});
  const [valuesOpen, setValuesOpen] = useState(false);

  useEffect(() => {
    const box = boxRef.current;
    const canvas = canvasRef.current;
    // Kept in main memory: with software compositing a GPU canvas is read back on the main thread every frame.
    const ctx = canvas?.getContext('2d', { willReadFrequently: true });
    if (!box || !canvas || !ctx) return;
    let size: CanvasSize = { w: 0, h: 0, ratio: 1 };
    let colours = style();
    let geometry: { frame: Frame; extent: Extent } | null = null;
    const draw = () => {
      if (size.w === 0 || size.h === 0) return;
      const { x, series, titles } = latest.current;
      geometry = drawLinesPlot(ctx, x, series, titles, size.w, size.h, size.ratio, colours);
      draws.current += 1;
      figureRef.current?.setAttribute('data-drawn', String(draws.current));
      figureRef.current?.setAttribute('data-points', String(x.length));
    };
    const resize = () => {
      const next = fitCanvasToBox(canvas, box, size);
      if (!next) return;
      size = next;
      draw();
    };
    const observer = new ResizeObserver(resize);
    observer.observe(box);
    resize();
    redraw.current = draw;
    const stopTheme = onThemeChange(() => {
      colours = style();
      draw();
    });
    const onMove = (e: PointerEvent) => {
      const out = readoutRef.current;
      const { x, series, titles } = latest.current;
      if (!out || !geometry || series.length === 0) return;
      const i = nearestIndex({ x, loss: series[0]!.y }, geometry.frame, geometry.extent, e.clientX - canvas.getBoundingClientRect().left);
      out.textContent = i < 0 ? '' : `${titles.x} ${x[i]!.toLocaleString('en-US')} · ${series.map((s) => `${s.name} ${s.y[i]?.toFixed(3) ?? '-'}`).join(' · ')}`;
    };
    const onLeave = () => {
      if (readoutRef.current) readoutRef.current.textContent = '';
    };
    canvas.addEventListener('pointermove', onMove);
    canvas.addEventListener('pointerleave', onLeave);
    return () => {
      observer.disconnect();
      stopTheme();
      redraw.current = () => {};
      canvas.removeEventListener('pointermove', onMove);
      canvas.removeEventListener('pointerleave', onLeave);
    };
  }, []);

  // New points (or series): one redraw, about a millisecond.
  useEffect(() => {
    latest.current = { x, series, titles };
    redraw.current();
  }, [x, series, titles]);

  return (
    <figure ref={figureRef} className="plot lines-chart" aria-label={label} data-drawn="0" data-points="0">
      <div ref={boxRef} className="lines-plot" style={{ height }}>
        <canvas ref={canvasRef} role="img" aria-label={summary} />
      </div>
      <ul className="lines-legend" aria-label={`Legend of ${label.toLowerCase()}`}>
        {series.map((s, k) => (
          <li key={s.name}>
            <svg width="28" height="10" aria-hidden="true">
              <line x1="1" y1="5" x2="27" y2="5" strokeWidth="3" stroke={k === 0 ? 'var(--accent)' : EXTRA_COLOURS[(k - 1) % EXTRA_COLOURS.length]} strokeDasharray={s.dashed ? '6 4' : undefined} />
            </svg>
            {s.name}: {s.dashed ? 'dashed' : 'solid'} line
          </li>
        ))}
      </ul>
      <p ref={readoutRef} className="lines-readout" aria-hidden="true" />
      <figcaption className="muted">{summary}</figcaption>
      <details onToggle={(e) => setValuesOpen(e.currentTarget.open)}>
        <summary>Show the values</summary>
        {valuesOpen && (
          <div className="table-scroll" tabIndex={0} role="region" aria-label={`Values of ${label.toLowerCase()}, scrollable`}>
            <table aria-label={`Values of ${label.toLowerCase()}`}>
              <thead>
                <tr>
                  <th scope="col">{titles.x}</th>
                  {series.map((s) => <th key={s.name} scope="col">{s.name}</th>)}
                </tr>
              </thead>
              <tbody>
                {x.map((xi, i) => (
                  <tr key={i}>
                    <th scope="row">{xi.toLocaleString('en-US')}</th>
                    {series.map((s) => <td key={s.name} className="num">{Number.isFinite(s.y[i]) ? s.y[i]!.toFixed(4) : '-'}</td>)}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </details>
    </figure>
  );
}
