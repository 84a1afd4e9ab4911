// Plot colours from the page's CSS variables, so charts follow the light, dark and presenter themes.
export interface PlotColours {
  bg: string;
  fg: string;
  muted: string;
  grid: string;
  accent: string;
  fontSize: number;
}

export function plotColours(): PlotColours {
  const cs = getComputedStyle(document.documentElement);
  const v = (name: string, fallback: string) => cs.getPropertyValue(name).trim() || fallback;
  return {
    bg: v('--bg', '#ffffff'),
    fg: v('--fg', '#111827'),
    muted: v('--muted', '#4b5563'),
    grid: v('--border', '#9ca3af'),
    accent: v('--accent', '#1d4ed8'),
    fontSize: parseFloat(cs.fontSize) || 16,
  };
}

/** Call `cb` when the theme or presenter mode changes (attributes on <html>). */
export function onThemeChange(cb: () => void): () => void {
  const obs = new MutationObserver(cb);
  obs.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme', 'class'] });
  return () => obs.disconnect();
}
