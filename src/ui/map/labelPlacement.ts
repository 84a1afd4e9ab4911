// Which words get a label on the map, and where: a greedy placement that never lets two label boxes overlap.
// Pure (no DOM): the map measures each word once and hands in pixel positions; tests check the boxes directly.
//
// Order of placement: the labels that were on screen in the previous frame come first (each tries its previous
// side first), then the rest by priority (frequency rank, or a lesson's own list). That hysteresis keeps the labels
// still while the points glide: a label only goes when it now collides with one that was placed before it, and a
// new label never pushes out an old one. Boxes are kept in a uniform grid, so a frame costs O(points).

/** Sides a label may sit on, tried in this order for a new label: right of the point reads first, as in an atlas;
 *  the diagonals let labels pack into dense clusters. */
export const SIDES = ['right', 'left', 'above', 'below', 'above-right', 'below-right', 'above-left', 'below-left'] as const;
/** Diagonal labels sit this share of the gap off the point on each axis (about the gap's length overall). */
const DIAGONAL = 0.7;
export type Side = (typeof SIDES)[number];

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PlacedLabel extends Box {
  /** Index of the point (and of its word) in the input arrays. */
  index: number;
  side: Side;
}

export interface LabelInput {
  /** Point centres in px (NaN for a point off the plot or not to label). */
  px: ArrayLike<number>;
  py: ArrayLike<number>;
  /** Label sizes in px, per point. */
  width: ArrayLike<number>;
  height: number;
  /** Point indices, most important first; points not listed get no label. */
  order: ArrayLike<number>;
  /** The plot area: a label is drawn only wholly inside it. */
  area: Box;
  /** Gap between the point's centre and its label, in px (the marker's radius plus a little air). */
  gap: number;
  /** Labels of the previous frame, by point index, with the side they were on. */
  previous?: ReadonlyMap<number, Side>;
  /** Stop after this many labels (a safety cap for huge maps). */
  max?: number;
  /** Boxes already taken (e.g. the search highlight's own labels): no label may overlap them. */
  obstacles?: readonly Box[];
}

/** Grid cell size in px: about two short labels wide, so a box touches a handful of cells. */
const CELL_PX = 48;

export function labelBox(px: number, py: number, width: number, height: number, gap: number, side: Side): Box {
  switch (side) {
    case 'right':
      return { x: px + gap, y: py - height / 2, width, height };
    case 'left':
      return { x: px - gap - width, y: py - height / 2, width, height };
    case 'above':
      return { x: px - width / 2, y: py - gap - height, width, height };
    case 'below':
      return { x: px - width / 2, y: py + gap, width, height };
    case 'above-right':
      return { x: px + gap * DIAGONAL, y: py - gap * DIAGONAL - height, width, height };
    case 'below-right':
      return { x: px + gap * DIAGONAL, y: py + gap * DIAGONAL, width, height };
    case 'above-left':
      return { x: px - gap * DIAGONAL - width, y: py - gap * DIAGONAL - height, width, height };
    case 'below-left':
      return { x: px - gap * DIAGONAL - width, y: py + gap * DIAGONAL, width, height };
  }
}

/** Strict overlap: boxes that only touch along an edge do not overlap. */
export function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

class BoxGrid {
  private cells = new Map<number, Box[]>();
  constructor(private readonly area: Box) {}

  private key(cx: number, cy: number): number {
    return cy * 100_000 + cx;
  }

  private range(b: Box): [number, number, number, number] {
    const x0 = Math.floor((b.x - this.area.x) / CELL_PX);
    const x1 = Math.floor((b.x + b.width - this.area.x) / CELL_PX);
    const y0 = Math.floor((b.y - this.area.y) / CELL_PX);
    const y1 = Math.floor((b.y + b.height - this.area.y) / CELL_PX);
    return [x0, x1, y0, y1];
  }

  /** Whether the box (x, y, w, h) overlaps one already added; no allocation, as it runs up to 8 times a point. */
  collides(x: number, y: number, w: number, h: number): boolean {
    const x0 = Math.floor((x - this.area.x) / CELL_PX);
    const x1 = Math.floor((x + w - this.area.x) / CELL_PX);
    const y0 = Math.floor((y - this.area.y) / CELL_PX);
    const y1 = Math.floor((y + h - this.area.y) / CELL_PX);
    for (let cy = y0; cy <= y1; cy++) {
      for (let cx = x0; cx <= x1; cx++) {
        const list = this.cells.get(this.key(cx, cy));
        if (!list) continue;
        for (const o of list) if (x < o.x + o.width && o.x < x + w && y < o.y + o.height && o.y < y + h) return true;
      }
    }
    return false;
  }

  add(b: Box): void {
    const [x0, x1, y0, y1] = this.range(b);
    for (let cy = y0; cy <= y1; cy++) {
      for (let cx = x0; cx <= x1; cx++) {
        const k = this.key(cx, cy);
        const list = this.cells.get(k);
        if (list) list.push(b);
        else this.cells.set(k, [b]);
      }
    }
  }
}

/** Top-left corner of a label box on a side (labelBox without the allocation). */
function corner(px: number, py: number, width: number, height: number, gap: number, side: Side, out: [number, number]): void {
  const d = gap * DIAGONAL;
  switch (side) {
    case 'right': out[0] = px + gap; out[1] = py - height / 2; return;
    case 'left': out[0] = px - gap - width; out[1] = py - height / 2; return;
    case 'above': out[0] = px - width / 2; out[1] = py - gap - height; return;
    case 'below': out[0] = px - width / 2; out[1] = py + gap; return;
    case 'above-right': out[0] = px + d; out[1] = py - d - height; return;
    case 'below-right': out[0] = px + d; out[1] = py + d; return;
    case 'above-left': out[0] = px - d - width; out[1] = py - d - height; return;
    case 'below-left': out[0] = px - d - width; out[1] = py + d; return;
  }
}

export function placeLabels(input: LabelInput): PlacedLabel[] {
  const { px, py, width, height, order, area, gap, previous, max = Infinity, obstacles = [] } = input;
  const grid = new BoxGrid(area);
  for (const b of obstacles) grid.add(b);
  const out: PlacedLabel[] = [];
  const done = new Set<number>();

  const at: [number, number] = [0, 0];
  const right = area.x + area.width;
  const bottom = area.y + area.height;
  const tryPlace = (i: number, first: Side | null): boolean => {
    const x = px[i]!;
    const y = py[i]!;
    const w = width[i]!;
    if (!Number.isFinite(x) || !Number.isFinite(y)) return false;
    for (let k = first === null ? 0 : -1; k < SIDES.length; k++) {
      const side = k < 0 ? first! : SIDES[k]!;
      if (k >= 0 && side === first) continue;
      corner(x, y, w, height, gap, side, at);
      const [bx, by] = at;
      if (bx < area.x || by < area.y || bx + w > right || by + height > bottom || grid.collides(bx, by, w, height)) continue;
      const b: PlacedLabel = { x: bx, y: by, width: w, height, index: i, side };
      grid.add(b);
      out.push(b);
      return true;
    }
    return false;
  };

  // Previous labels first, in priority order, each on its previous side if it still fits there.
  if (previous && previous.size > 0) {
    for (let k = 0; k < order.length && out.length < max; k++) {
      const i = order[k]!;
      const side = previous.get(i);
      if (side === undefined) continue;
      done.add(i);
      tryPlace(i, side);
    }
  }
  for (let k = 0; k < order.length && out.length < max; k++) {
    const i = order[k]!;
    if (done.has(i)) continue;
    tryPlace(i, null);
  }
  return out;
}

/** Any two boxes that overlap, as index pairs (for tests and a debugging check). */
export function overlappingPairs(boxes: readonly Box[]): [number, number][] {
  const pairs: [number, number][] = [];
  for (let a = 0; a < boxes.length; a++) {
    for (let b = a + 1; b < boxes.length; b++) if (overlaps(boxes[a]!, boxes[b]!)) pairs.push([a, b]);
  }
  return pairs;
}
