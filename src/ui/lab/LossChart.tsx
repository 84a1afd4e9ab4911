// The loss curve: a canvas drawn by lossPlot.ts from points that live outside React (labLoss.ts). It redraws a few
// times a second, only when the points changed, without a React render; hovering reads out the nearest point.
// DOM contract (tests): <figure aria-label="Loss curve" data-points={n} data-first data-last> holding a canvas with
// role img (data-first / data-last: the first and last plotted loss).
import { useEffect, useRef } from 'react';
import { lossSeries } from '../../state/labLoss';
import { drawLossPlot, fitCanvasToBox, nearestIndex, type CanvasSize, type Extent, type Frame, type LossPlotStyle } from './lossPlot';
import { onThemeChange, plotColours } from './plotTheme';

/** How often the chart looks for new points. A redraw costs about a millisecond, so this is about smoothness only. */
export const LOSS_REDRAW_MS = 250;

function style(): LossPlotStyle {
  const c = plotColours();
  return { bg: c.bg, fg: c.fg, grid: c.grid, line: c.accent, raw: c.muted, fontPx: Math.round(c.fontSize * 0.8) };
}

function summary(): string {
  const n = lossSeries.x.length;
  if (n === 0) return 'Loss over training, in epochs: no points yet.';
  const first = lossSeries.loss[0]!;
  const last = lossSeries.loss[n - 1]!;
  return `Loss over training, in epochs: ${first.toFixed(3)} at the start, ${last.toFixed(3)} at epoch ${lossSeries.x[n - 1]!.toFixed(2)}.`;
}

/** The current curve as a PNG of the given size, in the page's theme (for the Export panel). */
export function lossCurvePng(width: number, height: number): Promise<Blob> {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) return Promise.reject(new Error('This browser cannot draw on a canvas.'));
  const s = style();
  drawLossPlot(ctx, lossSeries, width, height, 1, { ...s, fontPx: Math.round(height / 40) });
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('The PNG could not be made.'))), 'image/png'));
}

export function LossChart() {
  const figureRef = useRef<HTMLElement>(null);
  const boxRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const readoutRef = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    const box = boxRef.current;
    const canvas = canvasRef.current;
    // A canvas kept in main memory: with software compositing (no GPU, as on CI and many laptops) a GPU-backed
    // canvas is read back to the CPU on the main thread at every frame that changed it.
    const ctx = canvas?.getContext('2d', { willReadFrequently: true });
    if (!box || !canvas || !ctx) return;
    let drawn = -1;
    let geometry: { frame: Frame; extent: Extent } | null = null;
    let size: CanvasSize = { w: 0, h: 0, ratio: 1 };
    let colours = style();

    const draw = (force = false) => {
      if (!force && drawn === lossSeries.version) return;
      if (size.w === 0 || size.h === 0) return;
      drawn = lossSeries.version;
      geometry = drawLossPlot(ctx, lossSeries, size.w, size.h, size.ratio, colours);
      figureRef.current?.setAttribute('data-points', String(lossSeries.x.length));
      // The first and last plotted loss, for tests that check the curve falls without racing the live readout.
      figureRef.current?.setAttribute('data-first', String(lossSeries.loss[0] ?? ''));
      figureRef.current?.setAttribute('data-last', String(lossSeries.loss[lossSeries.loss.length - 1] ?? ''));
      canvas.setAttribute('aria-label', summary());
    };
    const resize = () => {
      const next = fitCanvasToBox(canvas, box, size);
      if (!next) return;
      size = next;
      draw(true);
    };
    const observer = new ResizeObserver(resize);
    observer.observe(box);
    resize();
    const timer = setInterval(() => draw(), LOSS_REDRAW_MS);
    const stopTheme = onThemeChange(() => {
      colours = style();
      draw(true);
    });

    const onMove = (e: PointerEvent) => {
      const out = readoutRef.current;
      if (!out || !geometry) return;
      const rect = canvas.getBoundingClientRect();
      const i = nearestIndex(lossSeries, geometry.frame, geometry.extent, e.clientX - rect.left);
      out.textContent = i < 0 ? '' : `epoch ${lossSeries.x[i]!.toFixed(3)} · loss ${lossSeries.loss[i]!.toFixed(4)}`;
    };
    const onLeave = () => {
      if (readoutRef.current) readoutRef.current.textContent = '';
    };
    canvas.addEventListener('pointermove', onMove);
    canvas.addEventListener('pointerleave', onLeave);
    return () => {
      observer.disconnect();
      clearInterval(timer);
      stopTheme();
      canvas.removeEventListener('pointermove', onMove);
      canvas.removeEventListener('pointerleave', onLeave);
    };
  }, []);

  return (
    <figure ref={figureRef} className="loss-chart" aria-label="Loss curve" data-points="0">
      <figcaption>Loss per training pair: raw (thin) and smoothed (thick, moving average); the axis spans the curve after its steep start.</figcaption>
      <div ref={boxRef} className="loss-plot">
        <canvas ref={canvasRef} role="img" aria-label="Loss over training, in epochs: no points yet." />
      </div>
      <p ref={readoutRef} className="loss-readout" aria-hidden="true" />
    </figure>
  );
}
