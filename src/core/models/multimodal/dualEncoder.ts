// The two encoders of the image-text model as a forward pass on tfjs tensors (training differentiates it); the
// architecture itself is described in dualArchitecture.ts.
import * as tf from '@tensorflow/tfjs';
import { flatFeatures, KERNEL, NORM_EPSILON, POOL, type DualArchitecture } from './dualArchitecture';


export type WeightTensors = Record<string, tf.Tensor>;

/**
 * Backends that run tfjs's own convolution and max-pool kernels, gradients included (Conv2DBackpropFilter,
 * MaxPoolGrad): one dispatch each. The CPU backends keep the im2col and reshape-max forms below (wasm lacks those
 * gradient kernels; cpu and wasm trained the shipped weights). Measured on Chromium's software WebGPU, batch 64 of
 * 32x32 pictures (docs/webgpu.md): the reshape-max pool took 19 s forward against 0.1-0.6 s for tf.maxPool, a
 * six-dimensional reduction being the slowest thing a GPU backend does. Both forms compute the same function
 * (tests/unit/dualEncoder.test.ts holds them equal).
 */
const GPU_BACKENDS: ReadonlySet<string> = new Set(['webgl', 'webgpu']);

/** Images [n, side, side, 3] (values from pixelsToInput) -> unit vectors [n, dim]. */
export function encodeImagesTf(w: WeightTensors, a: DualArchitecture, images: tf.Tensor4D): tf.Tensor2D {
  return tf.tidy(() => {
    let x: tf.Tensor4D = images;
    const gpu = GPU_BACKENDS.has(tf.getBackend());
    for (let k = 0; k < a.channels.length; k++) {
      const kernel = w[`conv${k}.w`] as tf.Tensor4D;
      const conv = gpu ? tf.conv2d(x, kernel, 1, 'same') : conv3x3(x, kernel);
      const act = tf.relu(tf.add(conv, w[`conv${k}.b`]!)) as tf.Tensor4D;
      x = gpu ? tf.maxPool(act, POOL, POOL, 'valid') : maxPool2(act);
    }
    const flat = tf.reshape(x, [images.shape[0], flatFeatures(a)]);
    return l2Normalise(tf.add(tf.matMul(flat, w['image.w'] as tf.Tensor2D), w['image.b']!));
  });
}

/** Bags [n, V] (rows of word weights summing to 1, from bagsOf) -> unit vectors [n, dim]. */
export function encodeTextsTf(w: WeightTensors, bags: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => l2Normalise(tf.matMul(bags, w['text.e'] as tf.Tensor2D)));
}

/**
 * A 3x3 'same' convolution written as im2col: the nine shifted copies of the zero-padded input, side by side along
 * the channels, times the kernel as one matrix. Why not tf.conv2d: the tfjs wasm backend has no kernel for the
 * filter gradient (Conv2DBackpropFilter), so training would not run on wasm; pad, slice, concat and matMul have
 * gradients on every backend, and the one large matMul is what wasm (XNNPACK) does fastest.
 */
export function conv3x3(x: tf.Tensor4D, kernel: tf.Tensor4D): tf.Tensor4D {
  const [n, h, wd, cin] = x.shape;
  const cout = kernel.shape[3];
  const half = (KERNEL - 1) / 2;
  const padded = tf.pad(x, [[0, 0], [half, half], [half, half], [0, 0]]);
  const shifts: tf.Tensor4D[] = [];
  // Row-major over (dy, dx), then channels: the order of a [3, 3, cin, cout] kernel reshaped to [9 cin, cout].
  for (let dy = 0; dy < KERNEL; dy++) for (let dx = 0; dx < KERNEL; dx++) shifts.push(tf.slice(padded, [0, dy, dx, 0], [n, h, wd, cin]));
  const patches = tf.reshape(tf.concat(shifts, 3), [n * h * wd, KERNEL * KERNEL * cin]);
  const out = tf.matMul(patches, tf.reshape(kernel, [KERNEL * KERNEL * cin, cout]));
  return tf.reshape(out, [n, h, wd, cout]);
}

/** 2x2 max-pool with stride 2, as a reshape and a max (gradients on every backend, wasm included). */
export function maxPool2(x: tf.Tensor4D): tf.Tensor4D {
  const [n, h, wd, c] = x.shape;
  return tf.max(tf.reshape(x, [n, h / POOL, POOL, wd / POOL, POOL, c]), [2, 4]) as tf.Tensor4D;
}

function l2Normalise(x: tf.Tensor2D): tf.Tensor2D {
  return tf.div(x, tf.add(tf.norm(x, 'euclidean', 1, true), NORM_EPSILON));
}

