// The image-text model's architecture: the shapes of its weights, their seeded start, and how pixels and captions
// become the network's inputs. Pure TypeScript (no tfjs), so that the page can load a model without loading tfjs.
//
// Image encoder: a small CNN. Three blocks of (3x3 convolution, ReLU, 2x2 max-pool) take a 32x32 RGB image to a
// 4x4 grid of features; the grid is flattened (so "where" survives: left and right land in different columns) and
// one dense layer maps it into the shared space.
// Text encoder: a bag of word embeddings, the mean of the caption's word rows. Why not a GRU: a scene holds one
// object, so the order of the caption's words carries no information (each attribute is one word of its own
// vocabulary), and the mean of word vectors composes by construction: "red" and "triangle" trained apart add up to
// "red triangle" never seen together, which is what the held-out pairs test. A two-object scene ("a red circle left
// of a blue square") would need word order, and a GRU: said as a limitation in docs/multimodal.md.
// Both outputs are L2-normalised, so that a dot product is a cosine.
import { Rng } from '../../train/rng';

/** Channels of the three convolution blocks: the smallest that still tells five shapes and six colours apart at two
 *  sizes (measured in docs/multimodal.md); each doubles the cost of the block it feeds. */
export const DEFAULT_CHANNELS: readonly number[] = [8, 16, 16];
/** Side of every convolution kernel. */
export const KERNEL = 3;
/** Side (and stride) of every max-pool window. */
export const POOL = 2;
/** Added to a norm before dividing, so that an empty caption (no known word) gives a zero vector, not NaN. */
export const NORM_EPSILON = 1e-8;

export interface DualArchitecture {
  /** The text encoder's vocabulary (row i of txt.e is words[i]). */
  words: readonly string[];
  dim: number;
  imageSize: number;
  channels: readonly number[];
}

/** A named weight: shape and row-major values. */
export interface NamedWeight {
  name: string;
  shape: number[];
  values: Float32Array;
}

/** Names and shapes of every weight, in a fixed order (the order of the saved file). */
export function weightShapes(a: DualArchitecture): { name: string; shape: number[] }[] {
  const out: { name: string; shape: number[] }[] = [];
  let cin = 3;
  a.channels.forEach((cout, k) => {
    out.push({ name: `conv${k}.w`, shape: [KERNEL, KERNEL, cin, cout] }, { name: `conv${k}.b`, shape: [cout] });
    cin = cout;
  });
  out.push({ name: 'image.w', shape: [flatFeatures(a), a.dim] }, { name: 'image.b', shape: [a.dim] });
  out.push({ name: 'text.e', shape: [a.words.length, a.dim] });
  return out;
}

export function flatFeatures(a: DualArchitecture): number {
  const side = a.imageSize / POOL ** a.channels.length;
  if (!Number.isInteger(side) || side < 1) throw new Error(`An image of ${a.imageSize} pixels cannot be pooled ${a.channels.length} times by ${POOL}.`);
  return side * side * a.channels[a.channels.length - 1]!;
}

/** Seeded start: He-normal for layers followed by ReLU, Glorot-like for the dense projection, small word rows,
 *  zero biases. Drawn from the project's own generator, so every backend starts from the same numbers. */
export function initialWeights(a: DualArchitecture, seed: number): NamedWeight[] {
  const rng = new Rng(seed);
  return weightShapes(a).map(({ name, shape }) => {
    const n = shape.reduce((x, y) => x * y, 1);
    const values = new Float32Array(n);
    if (!name.endsWith('.b')) {
      const fanIn = name === 'text.e' ? a.dim : shape.slice(0, -1).reduce((x, y) => x * y, 1);
      const std = name.startsWith('conv') ? Math.sqrt(2 / fanIn) : Math.sqrt(1 / fanIn);
      gaussianInto(values, std, rng);
    }
    return { name, shape, values };
  });
}

function gaussianInto(out: Float32Array, std: number, rng: Rng): void {
  for (let i = 0; i < out.length; i += 2) {
    const u = 1 - rng.nextFloat(); // (0, 1]: the log stays finite
    const r = Math.sqrt(-2 * Math.log(u)) * std;
    const t = 2 * Math.PI * rng.nextFloat();
    out[i] = r * Math.cos(t);
    if (i + 1 < out.length) out[i + 1] = r * Math.sin(t);
  }
}

/** RGBA bytes -> the network's input: RGB scaled to [-0.5, 0.5], row-major [n, side, side, 3]. */
export function pixelsToInput(images: readonly { width: number; height: number; rgba: ArrayLike<number> }[], side: number): Float32Array {
  const out = new Float32Array(images.length * side * side * 3);
  images.forEach((img, n) => {
    if (img.width !== side || img.height !== side) throw new Error(`Image ${n + 1} is ${img.width}x${img.height}; this model reads ${side}x${side} images.`);
    const base = n * side * side * 3;
    for (let p = 0; p < side * side; p++) {
      for (let c = 0; c < 3; c++) out[base + p * 3 + c] = img.rgba[p * 4 + c]! / 255 - 0.5;
    }
  });
  return out;
}

/** Captions -> rows of word weights (the mean of the known words); `unknown` lists words outside the vocabulary. */
export function bagsOf(texts: readonly string[], index: ReadonlyMap<string, number>, tokenize: (t: string) => string[]): { bags: Float32Array; unknown: string[] } {
  const V = index.size;
  const bags = new Float32Array(texts.length * V);
  const unknown = new Set<string>();
  texts.forEach((t, n) => {
    const ids: number[] = [];
    for (const word of tokenize(t)) {
      const id = index.get(word);
      if (id === undefined) unknown.add(word);
      else ids.push(id);
    }
    for (const id of ids) bags[n * V + id]! += 1 / ids.length;
  });
  return { bags, unknown: [...unknown] };
}
