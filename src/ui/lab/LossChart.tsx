// The loss curve: a plotly line over training progress (in epochs). The points live outside React (labLoss.ts) and
// the chart redraws on its own cadence, only when they changed: plotting is throttled so it never competes with
// the page for the main thread.
import { useEffect, useRef } from 'react';
import type * as PlotlyNS from 'plotly.js';
import { lossSeries } from '../../state/labLoss';
import { onThemeChange, plotColours } from './plotTheme';

/** Redraw at most once a second: a loss curve does not need more, and each redraw (SVG axes and line) costs tens of
 *  ms of the main thread that the live map needs while training runs. */
export const LOSS_REDRAW_MS = 1000;

type Plotly = typeof PlotlyNS;
let plotlyPromise: Promise<Plotly> | null = null;
export function loadPlotly(): Promise<Plotly> {
  plotlyPromise ??= import('plotly.js-dist-min').then((m) => (m as unknown as { default: Plotly }).default ?? (m as unknown as Plotly));
  return plotlyPromise;
}

function layout(revision: number): Partial<PlotlyNS.Layout> {
  const c = plotColours();
  // No automargin: the fixed margins below fit the tick labels, and automargin makes every redraw measure text and
  // often lay the chart out twice (a long task on the page's main thread while the map animates).
  const axis = { color: c.fg, gridcolor: c.grid, zerolinecolor: c.grid, linecolor: c.fg, automargin: false };
  return {
    paper_bgcolor: c.bg,
    plot_bgcolor: c.bg,
    font: { color: c.fg, size: Math.round(c.fontSize * 0.8) },
    margin: { l: 50, r: 10, t: 10, b: 40 },
    xaxis: { ...axis, title: { text: 'epochs' }, rangemode: 'tozero' },
    yaxis: { ...axis, title: { text: 'loss per pair' } },
    showlegend: false,
    uirevision: 'keep',
    // The point arrays grow in place; the revision tells Plotly.react that they changed.
    datarevision: revision,
  };
}

export function LossChart() {
  const div = useRef<HTMLDivElement | null>(null);

  useEffect(() => {
    let cancelled = false;
    let drawn = -1;
    let timer: ReturnType<typeof setInterval> | undefined;
    let stopTheme = () => {};
    const el0 = div.current;
    void loadPlotly().then((Plotly) => {
      const el = div.current;
      if (cancelled || !el) return;
      const draw = (force = false) => {
        if (!force && drawn === lossSeries.version) return;
        drawn = lossSeries.version;
        const c = plotColours();
        void Plotly.react(
          el,
          [{ x: lossSeries.x, y: lossSeries.loss, type: 'scatter', mode: 'lines', line: { color: c.accent, width: 2 }, hovertemplate: 'epoch %{x:.3f}<br>loss %{y:.4f}<extra></extra>' }],
          layout(lossSeries.version),
          { displaylogo: false, responsive: true, modeBarButtonsToRemove: ['select2d', 'lasso2d'] },
        );
        el.dataset.points = String(lossSeries.x.length);
      };
      draw(true);
      timer = setInterval(() => draw(), LOSS_REDRAW_MS);
      stopTheme = onThemeChange(() => draw(true));
    });
    return () => {
      cancelled = true;
      clearInterval(timer);
      stopTheme();
      void plotlyPromise?.then((Plotly) => el0 && Plotly.purge(el0));
    };
  }, []);

  return (
    <figure className="loss-chart" aria-label="Loss curve">
      <figcaption>Loss (mean negative log-likelihood per training pair, recent window)</figcaption>
      <div ref={div} className="loss-plot" role="img" aria-label="Loss over training, in epochs" />
    </figure>
  );
}
