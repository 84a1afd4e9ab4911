// Words from users or files are text, never markup. Plotly reads a small HTML subset in every string it draws
// (trace text and hover text, tick labels of categories, axis titles, annotations): "<b>x</b>" turns bold, a
// "<span style=...>" can paint huge coloured text over the plot, "<a href>" becomes a link. Every string that comes
// from a user or a file goes through plotText before it reaches plotly; plotly turns the entities back into the
// literal characters when it draws.

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/** The string as plotly will show it literally: &, < and > as entities (plotly decodes exactly these). */
export function plotText(s: string): string {
  return s.replace(/[&<>]/g, (c) => ENTITIES[c]!);
}

/** plotText over a list (trace text, category values). */
export function plotTexts(words: readonly string[]): string[] {
  return words.map(plotText);
}
