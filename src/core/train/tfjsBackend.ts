// Choosing and starting a TensorFlow.js backend, the same way in a browser worker and in Node.
// The backend packages are imported only when asked for, so that Node (CLI, tests) never loads WebGPU code and the
// browser bundle fetches one wasm file only when the wasm backend is actually used.
import * as tf from '@tensorflow/tfjs';

export type TfjsBackendName = 'webgpu' | 'webgl' | 'wasm' | 'cpu';

export const TFJS_BACKENDS: readonly TfjsBackendName[] = ['webgpu', 'webgl', 'wasm', 'cpu'];

/** Raised when the asked-for backend cannot start here; the message says why and what to pick instead. */
export class BackendUnavailableError extends Error {
  readonly backend: TfjsBackendName;
  constructor(backend: TfjsBackendName, message: string) {
    super(message);
    this.name = 'BackendUnavailableError';
    this.backend = backend;
  }
}

/** True in Node (CLI, unit tests), where the wasm backend finds its .wasm files next to its own code. */
export function isNode(): boolean {
  const p = (globalThis as { process?: { versions?: { node?: string } } }).process;
  return typeof p?.versions?.node === 'string';
}

const HINTS: Record<TfjsBackendName, string> = {
  webgpu:
    'WebGPU needs a browser that exposes navigator.gpu with an adapter (Chrome/Edge 113+; headless Chromium needs ' +
    '--enable-unsafe-webgpu). Choose tfjs-webgl, tfjs-wasm or the cpu engine instead.',
  webgl: 'WebGL2 is not available here (no GPU context, e.g. in Node). Choose tfjs-wasm or the cpu engine instead.',
  wasm: 'The WebAssembly backend failed to load its .wasm file. Choose tfjs-cpu or the cpu engine instead.',
  cpu: 'The TensorFlow.js cpu backend failed to start.',
};

async function registerBackend(name: TfjsBackendName): Promise<void> {
  if (name === 'webgpu') {
    if (isNode()) throw new BackendUnavailableError(name, `The tfjs webgpu backend does not run in Node. ${HINTS.webgpu}`);
    await import('@tensorflow/tfjs-backend-webgpu');
  } else if (name === 'wasm') {
    // In a browser the .wasm files must be handed over as bundled asset URLs (a Vite-only `?url` import kept in its
    // own module so the core stays importable from Node). In Node the package finds them next to its own code.
    if (!isNode()) await import('./tfjsWasmPaths.browser');
    await import('@tensorflow/tfjs-backend-wasm');
  }
  // 'webgl' and 'cpu' are registered by '@tensorflow/tfjs' itself.
  if (name === 'webgl') {
    // Unpacked textures: packing (4 values per texel) adds pack/unpack shaders around reshapes and batched matmuls,
    // which made the engine's first chunk 3x slower (shader compilation) and later chunks 2-4x slower on
    // SwiftShader (measured: 28.5 s -> 8.6 s, then ~4.4 s -> ~1.4 s per 1,000 toy words at d = 100, batch 1,024).
    // The flag only concerns this JavaScript realm: the trainer worker's own copy of tfjs.
    tf.env().set('WEBGL_PACK', false);
  }
}

/**
 * Make `name` the active tfjs backend and wait until it is ready. Returns the backend tfjs reports afterwards
 * (always `name`: a silent fallback to another backend is an error, since the lab shows which backend runs).
 */
export async function activateTfjsBackend(name: TfjsBackendName): Promise<string> {
  if (!TFJS_BACKENDS.includes(name)) {
    throw new Error(`Unknown TensorFlow.js backend "${String(name)}": expected one of ${TFJS_BACKENDS.join(', ')}.`);
  }
  if (tf.getBackend() === name) return name;
  try {
    await registerBackend(name);
  } catch (e) {
    if (e instanceof BackendUnavailableError) throw e;
    throw new BackendUnavailableError(name, `Could not load the tfjs ${name} backend (${errorText(e)}). ${HINTS[name]}`);
  }
  let ok: boolean;
  try {
    ok = await tf.setBackend(name);
    await tf.ready();
  } catch (e) {
    throw new BackendUnavailableError(name, `The tfjs ${name} backend failed to start (${errorText(e)}). ${HINTS[name]}`);
  }
  if (!ok || tf.getBackend() !== name) {
    throw new BackendUnavailableError(name, `The tfjs ${name} backend is not available here. ${HINTS[name]}`);
  }
  return name;
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
