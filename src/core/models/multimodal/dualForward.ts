// The image-text model's forward pass in plain TypeScript over Float32Arrays: what the page, the CLI and the bench
// use to embed captions and pictures with trained weights, without loading tfjs. It computes what encodeImagesTf
// and encodeTextsTf compute (a test holds the two together), one image at a time.
import { bagsOf, flatFeatures, KERNEL, NORM_EPSILON, POOL, type DualArchitecture, type NamedWeight } from './dualArchitecture';

type Weights = ReadonlyMap<string, NamedWeight>;

function weight(w: Weights, name: string): Float32Array {
  const v = w.get(name);
  if (!v) throw new Error(`The model has no weight "${name}".`);
  return v.values;
}

/** Inputs row-major [n, side, side, 3] (pixelsToInput) -> unit vectors [n, dim]. */
export function encodeImagesJs(w: Weights, a: DualArchitecture, input: Float32Array, n: number): Float32Array {
  const side = a.imageSize;
  const out = new Float32Array(n * a.dim);
  const flat = flatFeatures(a);
  const dense = weight(w, 'image.w');
  const denseBias = weight(w, 'image.b');
  for (let i = 0; i < n; i++) {
    let x = input.subarray(i * side * side * 3, (i + 1) * side * side * 3);
    let s = side;
    let cin = 3;
    a.channels.forEach((cout, k) => {
      const conv = conv3x3Relu(x, s, cin, weight(w, `conv${k}.w`), weight(w, `conv${k}.b`), cout);
      x = maxPool2(conv, s, cout);
      s /= POOL;
      cin = cout;
    });
    const v = out.subarray(i * a.dim, (i + 1) * a.dim);
    v.set(denseBias);
    for (let f = 0; f < flat; f++) {
      const xf = x[f]!;
      if (xf === 0) continue; // after ReLU and pooling many features are exactly 0
      const row = f * a.dim;
      for (let d = 0; d < a.dim; d++) v[d]! += xf * dense[row + d]!;
    }
    normalise(v);
  }
  return out;
}

/** Captions -> unit vectors [n, dim]: the mean of the known words' rows (zeros when no word is known). */
export function encodeTextsJs(w: Weights, a: DualArchitecture, texts: readonly string[], index: ReadonlyMap<string, number>, tokenize: (t: string) => string[]): Float32Array {
  const V = a.words.length;
  const { bags } = bagsOf(texts, index, tokenize);
  const table = weight(w, 'text.e');
  const out = new Float32Array(texts.length * a.dim);
  for (let i = 0; i < texts.length; i++) {
    const v = out.subarray(i * a.dim, (i + 1) * a.dim);
    for (let word = 0; word < V; word++) {
      const b = bags[i * V + word]!;
      if (b === 0) continue;
      for (let d = 0; d < a.dim; d++) v[d]! += b * table[word * a.dim + d]!;
    }
    normalise(v);
  }
  return out;
}

/** 'same' 3x3 convolution + bias + ReLU of one image [s, s, cin] with a [3, 3, cin, cout] kernel. */
function conv3x3Relu(x: Float32Array, s: number, cin: number, kernel: Float32Array, bias: Float32Array, cout: number): Float32Array {
  const out = new Float32Array(s * s * cout);
  const half = (KERNEL - 1) / 2;
  for (let y = 0; y < s; y++) {
    for (let xx = 0; xx < s; xx++) {
      const o = (y * s + xx) * cout;
      for (let c = 0; c < cout; c++) out[o + c] = bias[c]!;
      for (let ky = 0; ky < KERNEL; ky++) {
        const iy = y + ky - half;
        if (iy < 0 || iy >= s) continue;
        for (let kx = 0; kx < KERNEL; kx++) {
          const ix = xx + kx - half;
          if (ix < 0 || ix >= s) continue;
          const inAt = (iy * s + ix) * cin;
          const kAt = (ky * KERNEL + kx) * cin * cout;
          for (let ci = 0; ci < cin; ci++) {
            const v = x[inAt + ci]!;
            if (v === 0) continue;
            const kRow = kAt + ci * cout;
            for (let c = 0; c < cout; c++) out[o + c]! += v * kernel[kRow + c]!;
          }
        }
      }
      for (let c = 0; c < cout; c++) if (out[o + c]! < 0) out[o + c] = 0;
    }
  }
  return out;
}

/** 2x2 max-pool, stride 2, of [s, s, c]. */
function maxPool2(x: Float32Array, s: number, c: number): Float32Array {
  const h = s / POOL;
  const out = new Float32Array(h * h * c).fill(-Infinity);
  for (let y = 0; y < s; y++) {
    for (let xx = 0; xx < s; xx++) {
      const o = ((y >> 1) * h + (xx >> 1)) * c;
      const i = (y * s + xx) * c;
      for (let k = 0; k < c; k++) if (x[i + k]! > out[o + k]!) out[o + k] = x[i + k]!;
    }
  }
  return out;
}

function normalise(v: Float32Array): void {
  let n = 0;
  for (let d = 0; d < v.length; d++) n += v[d]! * v[d]!;
  const scale = 1 / (Math.sqrt(n) + NORM_EPSILON);
  for (let d = 0; d < v.length; d++) v[d]! *= scale;
}
