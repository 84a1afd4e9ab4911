// Scenes -> RGBA pixels in pure TypeScript (no canvas), so that Node (CLI, tests, bench) and the browser worker make
// the very same bytes for the same seed. Each pixel is tested at its centre against the shape: hard edges, no
// anti-aliasing, which keeps the images exact and the test of known pixels simple.
import { Rng } from '../train/rng';
import type { Colour, Position, Scene, SceneAttributes, Shape, Size } from './sceneAttributes';

/** Side of every generated image in pixels: large enough for five shapes to be told apart at two sizes, small
 *  enough that a CNN trains on thousands of them in a browser tab within minutes. */
export const IMAGE_SIZE = 32;

export interface RgbaImage {
  width: number;
  height: number;
  /** Row-major, 4 bytes per pixel, alpha always 255. */
  rgba: Uint8ClampedArray;
}

/** Background grey: dark, so that every colour (white included) stands out. */
export const BACKGROUND: readonly [number, number, number] = [24, 24, 28];

export const COLOUR_RGB: Record<Colour, readonly [number, number, number]> = {
  red: [220, 40, 40],
  green: [40, 180, 60],
  blue: [50, 90, 235],
  yellow: [230, 210, 40],
  purple: [150, 60, 200],
  white: [235, 235, 235],
};

/** Half-extent in pixels of each size before jitter. */
export const SIZE_RADIUS: Record<Size, number> = { small: 4.5, large: 8 };

/** Centre of each position before jitter, as a fraction of the image side. */
export const POSITION_CENTRE: Record<Position, readonly [number, number]> = {
  left: [0.27, 0.5],
  right: [0.73, 0.5],
  top: [0.5, 0.27],
  bottom: [0.5, 0.73],
  middle: [0.5, 0.5],
};

/** Jitter that no caption names, so that a model must learn the attribute and not one exact picture: the centre moves
 *  up to this many pixels each way, the radius up to RADIUS_JITTER, each colour channel up to COLOUR_JITTER. Small
 *  enough that "left" never reaches the middle and "small" never reaches "large". */
export const CENTRE_JITTER = 2;
export const RADIUS_JITTER = 0.8;
export const COLOUR_JITTER = 20;

/** The scene of these attributes with the geometry and colour exactly as named (no jitter). */
export function exactScene(a: SceneAttributes): Scene {
  const [fx, fy] = POSITION_CENTRE[a.position];
  return { ...a, cx: fx * IMAGE_SIZE, cy: fy * IMAGE_SIZE, radius: SIZE_RADIUS[a.size], rgb: COLOUR_RGB[a.colour] };
}

/** A scene of these attributes with seeded jitter of position, size and colour. */
export function jitteredScene(a: SceneAttributes, rng: Rng): Scene {
  const base = exactScene(a);
  const j = (amp: number) => (rng.nextFloat() * 2 - 1) * amp;
  const rgb = base.rgb.map((c) => Math.max(0, Math.min(255, Math.round(c + j(COLOUR_JITTER))))) as unknown as [number, number, number];
  return { ...base, cx: base.cx + j(CENTRE_JITTER), cy: base.cy + j(CENTRE_JITTER), radius: base.radius + j(RADIUS_JITTER), rgb };
}

/** Is the point (dx, dy), relative to the shape's centre, inside a shape of half-extent r? */
export function insideShape(shape: Shape, dx: number, dy: number, r: number): boolean {
  switch (shape) {
    case 'circle':
      return dx * dx + dy * dy <= r * r;
    case 'square': {
      // A slightly smaller half-side than the circle's radius, so that both cover a similar area.
      const h = r * SQUARE_SIDE_RATIO;
      return Math.abs(dx) <= h && Math.abs(dy) <= h;
    }
    case 'triangle':
      // Apex up: the half-width grows from 0 at the top (dy = -r) to r at the base (dy = r).
      return dy >= -r && dy <= r && Math.abs(dx) <= (dy + r) / 2;
    case 'diamond':
      return Math.abs(dx) + Math.abs(dy) <= r;
    case 'cross': {
      const arm = r * CROSS_ARM_RATIO;
      return (Math.abs(dx) <= arm && Math.abs(dy) <= r) || (Math.abs(dy) <= arm && Math.abs(dx) <= r);
    }
  }
}

/** Square half-side / radius (about the circle's area: sqrt(pi)/2 = 0.886). */
const SQUARE_SIDE_RATIO = 0.88;
/** Half-width of a cross's arm / radius: thick enough to be seen at the small size. */
const CROSS_ARM_RATIO = 0.36;

/** Draw one scene. */
export function rasterise(scene: Scene, size = IMAGE_SIZE): RgbaImage {
  const rgba = new Uint8ClampedArray(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const inside = insideShape(scene.shape, x + 0.5 - scene.cx, y + 0.5 - scene.cy, scene.radius);
      const c = inside ? scene.rgb : BACKGROUND;
      const o = (y * size + x) * 4;
      rgba[o] = c[0];
      rgba[o + 1] = c[1];
      rgba[o + 2] = c[2];
      rgba[o + 3] = 255;
    }
  }
  return { width: size, height: size, rgba };
}
