// Word labels over the map: an SVG layer like highlightLayer.ts (a frame moves a few attributes, never a plotly
// replot), filled by the greedy placement of labelPlacement.ts. Words are set with textContent, never as markup.
// The same labels are drawn on a 2-D canvas for the PNG export.
import type { PlacedLabel } from './labelPlacement';
import type { MapTheme } from './mapFigure';

const SVG = 'http://www.w3.org/2000/svg';

/** Label text relative to the root font size: small enough that many fit, large enough to read (12 px at 16). */
export const LABEL_FONT_SCALE = 0.75;
/** Air on each side of a label's text inside its box, in px, so that two neighbouring labels never touch. */
export const LABEL_PAD_PX = 1;
/** Width of the background-coloured halo around label text, so it reads over points. */
const HALO_PX = 2.5;

export const labelFontPx = (theme: MapTheme) => Math.round(theme.fontPx * LABEL_FONT_SCALE);
const fontOf = (px: number) => `${px}px system-ui, sans-serif`;

/** Text widths by font and word, measured once: a frame only looks them up. */
export class TextMeasure {
  private ctx: CanvasRenderingContext2D | null = null;
  private cache = new Map<string, number>();
  private font = '';
  height = 0;
  ascent = 0;

  setFont(px: number): void {
    const font = fontOf(px);
    if (font === this.font) return;
    this.font = font;
    this.cache.clear();
    this.ctx ??= document.createElement('canvas').getContext('2d');
    if (!this.ctx) return;
    this.ctx.font = font;
    const m = this.ctx.measureText('Hg');
    // The font's own box (what an SVG text's bounding box spans), not just these glyphs' ink.
    this.ascent = m.fontBoundingBoxAscent || px * 0.9;
    this.height = Math.ceil(this.ascent + (m.fontBoundingBoxDescent || px * 0.25)) + 2 * LABEL_PAD_PX;
  }

  /** Box width for a word: its text plus the padding on both sides. */
  width(word: string): number {
    let w = this.cache.get(word);
    if (w === undefined) {
      w = Math.ceil(this.ctx ? this.ctx.measureText(word).width : word.length * 7) + 2 * LABEL_PAD_PX;
      this.cache.set(word, w);
    }
    return w;
  }
}

/** Draw the placed labels into `svg` (which covers the plot div exactly), reusing one <text> per word. */
export function drawLabelsSvg(svg: SVGSVGElement, placed: readonly PlacedLabel[], words: readonly string[], theme: MapTheme, ascent: number, dimmed: boolean): void {
  const px = labelFontPx(theme);
  const existing = new Map<string, SVGTextElement>();
  for (const t of Array.from(svg.children) as SVGTextElement[]) existing.set(t.dataset.word ?? '', t);
  const keep = new Set<SVGTextElement>();
  svg.setAttribute('font-size', String(px));
  svg.setAttribute('fill', theme.fg);
  svg.setAttribute('stroke', theme.bg);
  svg.setAttribute('stroke-width', String(HALO_PX));
  svg.setAttribute('opacity', dimmed ? '0.55' : '1');
  for (const p of placed) {
    const word = words[p.index]!;
    let t = existing.get(word);
    if (!t) {
      t = document.createElementNS(SVG, 'text');
      t.dataset.word = word;
      t.setAttribute('class', 'map-label');
      t.setAttribute('paint-order', 'stroke');
      t.textContent = word;
      svg.append(t);
    }
    t.setAttribute('x', (p.x + LABEL_PAD_PX).toFixed(1));
    t.setAttribute('y', (p.y + LABEL_PAD_PX + ascent).toFixed(1));
    keep.add(t);
  }
  for (const t of existing.values()) if (!keep.has(t)) t.remove();
}

/** The same labels on a 2-D canvas already holding the plot's image at `scale` canvas px per screen px. */
export function drawLabelsCanvas(ctx: CanvasRenderingContext2D, placed: readonly PlacedLabel[], words: readonly string[], theme: MapTheme, ascent: number, scale: number): void {
  ctx.save();
  ctx.scale(scale, scale);
  ctx.font = fontOf(labelFontPx(theme));
  ctx.textAlign = 'left';
  ctx.textBaseline = 'alphabetic';
  ctx.lineJoin = 'round';
  ctx.lineWidth = HALO_PX;
  ctx.strokeStyle = theme.bg;
  ctx.fillStyle = theme.fg;
  for (const p of placed) {
    const word = words[p.index]!;
    const x = p.x + LABEL_PAD_PX;
    const y = p.y + LABEL_PAD_PX + ascent;
    ctx.strokeText(word, x, y);
    ctx.fillText(word, x, y);
  }
  ctx.restore();
}
