// The searched word and its neighbours, drawn in an SVG layer over the plotly map rather than as a plotly trace.
// With a plotly trace, every frame of a live layout needed a full replot to move eleven labels (50-160 ms of main
// thread per frame, measured with 400-2,000 words); here a frame moves a few SVG attributes. The same drawing is
// repeated on a 2-D canvas for the PNG export, so the download shows what the screen shows.
import type { Box } from './labelPlacement';
import type { HighlightPoints, MapTheme } from './mapFigure';

const SVG = 'http://www.w3.org/2000/svg';

/** Point size relative to the root font size, as for the map's points (mapFigure.ts), and how much larger these are. */
const MARKER_PER_FONT_PX = 0.38;
const NEIGHBOUR_SCALE = 2.2;
const CENTRE_SCALE = 2.2 * 1.3;

/** Screen position of a point in the plot's own coordinates; null while plotly has no axes. */
export type ToPixel = (x: number, y: number) => [number, number] | null;

/** Plot area in px inside the plot div (the part the axes span), for clipping. */
export interface PlotArea {
  left: number;
  top: number;
  width: number;
  height: number;
}

interface Mark {
  word: string;
  x: number;
  y: number;
  centre: boolean;
}

function marks(points: HighlightPoints, toPixel: ToPixel): Mark[] {
  const out: Mark[] = [];
  for (let i = 0; i < points.words.length; i++) {
    const p = toPixel(points.x[i]!, points.y[i]!);
    if (p) out.push({ word: points.words[i]!, x: p[0], y: p[1], centre: points.isCentre[i]! });
  }
  // The chosen word last, so that it is drawn on top of its neighbours.
  return out.sort((a, b) => Number(a.centre) - Number(b.centre));
}

/** The boxes the highlight's word labels take on screen (text centred above each mark), so that the map's other
 *  labels keep clear of them. `textWidth` measures a word at the theme's font size. */
export function highlightTextBoxes(points: HighlightPoints, toPixel: ToPixel, theme: MapTheme, textWidth: (w: string) => number): Box[] {
  return marks(points, toPixel).map((m) => {
    const w = textWidth(m.word) + 6; // the 3 px halo on both sides
    const baseline = m.y - radius(theme, m.centre) - 3;
    return { x: m.x - w / 2, y: baseline - theme.fontPx * 1.05, width: w, height: theme.fontPx * 1.35 };
  });
}

function radius(theme: MapTheme, centre: boolean): number {
  return (Math.round(theme.fontPx * MARKER_PER_FONT_PX) * (centre ? CENTRE_SCALE : NEIGHBOUR_SCALE)) / 2;
}

/** Draw (or clear, with points null) the highlight into `svg`, which covers the plot div exactly. */
export function drawHighlightSvg(svg: SVGSVGElement, points: HighlightPoints | null, toPixel: ToPixel, area: PlotArea | null, theme: MapTheme): void {
  const list = points && area ? marks(points, toPixel) : [];
  let clip = svg.querySelector('clipPath rect');
  let group = svg.querySelector<SVGGElement>('g.map-highlight');
  if (!clip || !group) {
    svg.replaceChildren();
    const defs = document.createElementNS(SVG, 'defs');
    const clipPath = document.createElementNS(SVG, 'clipPath');
    const id = `map-highlight-clip-${Math.random().toString(36).slice(2)}`;
    clipPath.setAttribute('id', id);
    clip = document.createElementNS(SVG, 'rect');
    clipPath.append(clip);
    defs.append(clipPath);
    group = document.createElementNS(SVG, 'g');
    group.setAttribute('class', 'map-highlight');
    group.setAttribute('clip-path', `url(#${id})`);
    svg.append(defs, group);
  }
  if (area) {
    clip.setAttribute('x', String(area.left));
    clip.setAttribute('y', String(area.top));
    clip.setAttribute('width', String(area.width));
    clip.setAttribute('height', String(area.height));
  }
  // One <g> per word, reused between frames (only its position changes while the layout runs).
  const existing = new Map<string, SVGGElement>();
  for (const g of Array.from(group.children) as SVGGElement[]) existing.set(g.dataset.word ?? '', g);
  const keep = new Set<SVGGElement>();
  for (const m of list) {
    let g = existing.get(m.word);
    if (!g) {
      g = document.createElementNS(SVG, 'g');
      g.dataset.word = m.word;
      g.append(document.createElementNS(SVG, 'circle'), document.createElementNS(SVG, 'text'));
    }
    const circle = g.children[0] as SVGCircleElement;
    const text = g.children[1] as SVGTextElement;
    const r = radius(theme, m.centre);
    g.setAttribute('class', m.centre ? 'map-highlight-word centre' : 'map-highlight-word');
    circle.setAttribute('cx', m.x.toFixed(1));
    circle.setAttribute('cy', m.y.toFixed(1));
    circle.setAttribute('r', r.toFixed(1));
    circle.setAttribute('fill', m.centre ? theme.danger : theme.ok);
    circle.setAttribute('stroke', theme.bg);
    circle.setAttribute('stroke-width', '1');
    text.setAttribute('x', m.x.toFixed(1));
    text.setAttribute('y', (m.y - r - 3).toFixed(1));
    text.setAttribute('text-anchor', 'middle');
    text.setAttribute('fill', theme.fg);
    text.setAttribute('stroke', theme.bg);
    text.setAttribute('stroke-width', '3');
    text.setAttribute('paint-order', 'stroke');
    text.setAttribute('font-size', String(theme.fontPx));
    if (text.textContent !== m.word) text.textContent = m.word;
    group.append(g); // appending in order keeps the chosen word on top
    keep.add(g);
  }
  for (const g of existing.values()) if (!keep.has(g)) g.remove();
}

/** The same drawing on a 2-D canvas already holding the plot's image at `scale` canvas px per screen px. */
export function drawHighlightCanvas(ctx: CanvasRenderingContext2D, points: HighlightPoints | null, toPixel: ToPixel, area: PlotArea, theme: MapTheme, scale: number): void {
  if (!points) return;
  ctx.save();
  ctx.scale(scale, scale);
  ctx.beginPath();
  ctx.rect(area.left, area.top, area.width, area.height);
  ctx.clip();
  ctx.font = `${theme.fontPx}px system-ui, sans-serif`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'alphabetic';
  ctx.lineJoin = 'round';
  for (const m of marks(points, toPixel)) {
    const r = radius(theme, m.centre);
    ctx.beginPath();
    ctx.arc(m.x, m.y, r, 0, 2 * Math.PI);
    ctx.fillStyle = m.centre ? theme.danger : theme.ok;
    ctx.fill();
    ctx.strokeStyle = theme.bg;
    ctx.lineWidth = 1;
    ctx.stroke();
    ctx.lineWidth = 3;
    ctx.strokeText(m.word, m.x, m.y - r - 3);
    ctx.fillStyle = theme.fg;
    ctx.fillText(m.word, m.x, m.y - r - 3);
  }
  ctx.restore();
}
