// A plotly figure that follows the theme and stays accessible: the figure has a name and a text summary (the same
// numbers are always in a table next to it); plotly is loaded on first use, from this site's own bundle.
import { useEffect, useRef, useState } from 'react';
import type { Data, Layout } from 'plotly.js-dist-min';
import { useUiStore } from '../../state/uiStore';

function themeColours() {
  const css = getComputedStyle(document.documentElement);
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  return { fg: v('--fg', '#111'), bg: v('--bg', '#fff'), grid: v('--border', '#999'), accent: v('--accent', '#1d4ed8') };
}

export function Plot(props: { label: string; summary: string; data: Data[]; layout?: Partial<Layout>; height?: number }) {
  const ref = useRef<HTMLDivElement>(null);
  const theme = useUiStore((s) => s.theme);
  const presenter = useUiStore((s) => s.presenter);
  const [error, setError] = useState<string | null>(null);
  const [drawn, setDrawn] = useState(0);
  const { data, layout, height } = props;
  useEffect(() => {
    let cancelled = false;
    const el = ref.current;
    void import('plotly.js-dist-min')
      .then((mod) => {
        if (cancelled || !el) return;
        const Plotly = (mod as unknown as { default?: typeof mod }).default ?? mod;
        const c = themeColours();
        const fontSize = presenter ? 18 : 13;
        return Plotly.react(
          el,
          data,
          {
            height: height ?? 420,
            margin: { l: 50, r: 20, t: 30, b: 50 },
            paper_bgcolor: c.bg,
            plot_bgcolor: c.bg,
            font: { color: c.fg, size: fontSize },
            ...layout,
            xaxis: { gridcolor: c.grid, zerolinecolor: c.grid, ...(layout?.xaxis ?? {}) },
            yaxis: { gridcolor: c.grid, zerolinecolor: c.grid, ...(layout?.yaxis ?? {}) },
          },
          { responsive: true, displaylogo: false },
        ).then(() => !cancelled && setDrawn((d) => d + 1));
      })
      .catch((e: unknown) => !cancelled && setError(e instanceof Error ? e.message : String(e)));
    return () => {
      cancelled = true;
    };
  }, [data, layout, height, theme, presenter]);
  useEffect(() => {
    const el = ref.current;
    return () => {
      if (el) void import('plotly.js-dist-min').then((mod) => ((mod as unknown as { default?: typeof mod }).default ?? mod).purge(el));
    };
  }, []);
  return (
    <figure className="plot" aria-label={props.label} data-drawn={drawn}>
      <div ref={ref} />
      <figcaption className="muted">{props.summary}</figcaption>
      {error && <p role="alert">The plot could not be drawn: {error}</p>}
    </figure>
  );
}
