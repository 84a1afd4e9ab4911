// What a generated scene can contain: one shape with a colour, a size and a position. Captions name exactly these
// four attributes, so every attribute a caption states is visible in the picture and nothing else is.

export const SHAPES = ['circle', 'square', 'triangle', 'diamond', 'cross'] as const;
export const COLOURS = ['red', 'green', 'blue', 'yellow', 'purple', 'white'] as const;
export const SIZES = ['small', 'large'] as const;
export const POSITIONS = ['left', 'right', 'top', 'bottom', 'middle'] as const;

export type Shape = (typeof SHAPES)[number];
export type Colour = (typeof COLOURS)[number];
export type Size = (typeof SIZES)[number];
export type Position = (typeof POSITIONS)[number];

/** The attributes a caption states (the image adds jitter that no caption mentions). */
export interface SceneAttributes {
  shape: Shape;
  colour: Colour;
  size: Size;
  position: Position;
}

/** A scene ready to draw: its attributes plus the exact geometry and colour the seeded jitter chose. */
export interface Scene extends SceneAttributes {
  /** Centre in pixels (0 = left/top edge of the image). */
  cx: number;
  cy: number;
  /** Half the shape's extent in pixels. */
  radius: number;
  rgb: readonly [number, number, number];
}

/** Every combination of the four attributes, in a fixed order (shape, colour, size, position). */
export function allAttributeCombinations(): SceneAttributes[] {
  const out: SceneAttributes[] = [];
  for (const shape of SHAPES) for (const colour of COLOURS) for (const size of SIZES) for (const position of POSITIONS) out.push({ shape, colour, size, position });
  return out;
}

/** "red triangle": the colour-shape pair, the unit held out of training to test composition. */
export function colourShapeKey(a: Pick<SceneAttributes, 'colour' | 'shape'>): string {
  return `${a.colour} ${a.shape}`;
}
