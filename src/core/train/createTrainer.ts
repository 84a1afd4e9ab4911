// The one entry point every caller (lab worker, CLI, bench, tests) uses to get a trainer for an engine name. The
// TensorFlow.js engine is imported on demand so that the cpu path never loads tfjs (a large bundle).
import type { EncodedCorpus } from '../text/corpus';
import { collectCorpus, isCorpusStream, type CorpusStream } from '../text/corpusStream';
import { createCpuTrainer, type CpuKernelChoice } from './cpuEngine';
import type { EmbeddingTrainer, EngineName, TrainConfig } from './types';
import type { WarmStart } from './warmStart';

export interface CreateTrainerOptions {
  onLog?: (msg: string) => void;
  /** cpu engine only: force the JavaScript or WebAssembly kernel (default: WebAssembly SIMD when available). */
  kernel?: CpuKernelChoice;
  /** cpu engine only: continue an old model (its input and, if given, output rows) instead of a random start. */
  warmStart?: WarmStart;
}

/** Node's Hogwild runner, kept out of browser bundles: the path is computed so bundlers do not follow it. */
const HOGWILD_MODULE = './hogwildNode';

function isNode(): boolean {
  return typeof process !== 'undefined' && typeof process.versions?.node === 'string';
}

const TFJS_BACKEND_OF = {
  'tfjs-webgpu': 'webgpu',
  'tfjs-webgl': 'webgl',
  'tfjs-wasm': 'wasm',
  'tfjs-cpu': 'cpu',
} as const;

export async function createTrainer(
  corpus: EncodedCorpus | CorpusStream,
  config: TrainConfig,
  engine: EngineName = 'cpu',
  opts: CreateTrainerOptions = {},
): Promise<EmbeddingTrainer> {
  if (engine === 'cpu') {
    if (config.threads > 1 && isNode()) {
      const mod = (await import(/* @vite-ignore */ HOGWILD_MODULE)) as typeof import('./hogwildNode');
      return mod.createHogwildTrainer(corpus, config, opts);
    }
    return createCpuTrainer(corpus, config, opts);
  }
  if (opts.warmStart) throw new Error(`A warm start (continuing an old model) runs on the cpu engine only, not on ${engine}.`);
  const backend = (TFJS_BACKEND_OF as Record<string, (typeof TFJS_BACKEND_OF)[keyof typeof TFJS_BACKEND_OF] | undefined>)[engine];
  if (!backend) throw new Error(`Unknown engine "${String(engine)}": expected cpu, ${Object.keys(TFJS_BACKEND_OF).join(', ')}.`);
  const { createTfjsTrainer } = await import('./tfjsEngine');
  // The TensorFlow.js engine batches pairs from the whole corpus: a streamed one is gathered (as word ids, about
  // two thirds of the text's size) before training.
  const whole = isCorpusStream(corpus) ? await collectCorpus(corpus) : corpus;
  return createTfjsTrainer(whole, config, backend, { onLog: opts.onLog });
}
