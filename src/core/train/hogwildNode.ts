// Hogwild training in Node: `threads` - 1 worker_threads plus the calling thread train disjoint sentence slices on
// one set of weights in shared WebAssembly memory, without locks (word2vec.c and gensim do the same with threads).
// Faster, not deterministic: the order in which threads touch a row varies from run to run.
// Node only: createTrainer imports this module dynamically, and only when it runs under Node with threads > 1.
import { Worker } from 'node:worker_threads';
import type { EncodedCorpus } from '../text/corpus';
import { isCorpusStream, type CorpusStream } from '../text/corpusStream';
import { CpuTrainer, type CpuEngineOptions, type ParallelRunner, type SliceResult, type SliceSchedule } from './cpuEngine';
import { Rng } from './rng';
import { setupArgs } from './wasmKernel';
import type { TrainConfig } from './types';

/** Room made when a streamed piece outgrows the shared buffers: a little more than needed, so growth is rare. */
const PIECE_GROWTH = 1.25;
/** Mixed into the seed so helper streams differ from the main thread's stream of the same seed ("hwld"). */
const HELPER_SEED_SALT = 0x68776c64;

interface Pending {
  resolve: (r: SliceResult) => void;
  reject: (e: Error) => void;
}

function sharedCopy(a: Int32Array | Float32Array): SharedArrayBuffer {
  const sab = new SharedArrayBuffer(Math.max(4, a.byteLength));
  new Uint8Array(sab).set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
  return sab;
}

class HogwildPool implements ParallelRunner {
  readonly helpers: number;
  private readonly workers: Worker[] = [];
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  /** The corpus (or the current piece of a streamed one) as the helpers see it, in shared memory. */
  private pieceIds: Int32Array;
  private pieceOffsets: Int32Array;
  private pieceRaw: Int32Array;
  private failure: Error | null = null;

  constructor(trainer: CpuTrainer, corpus: EncodedCorpus | CorpusStream, helpers: number, seeds: number[][]) {
    this.helpers = helpers;
    const kernel = trainer.wasm!;
    // A streamed corpus sends its pieces as they are read (usePiece); the helpers start with none.
    const start = isCorpusStream(corpus) ? null : corpus;
    const shared = {
      ...this.sharedPiece(start),
      keep: trainer.keep ? sharedCopy(trainer.keep) : null,
    };
    this.pieceIds = new Int32Array(shared.ids);
    this.pieceOffsets = new Int32Array(shared.offsets);
    this.pieceRaw = new Int32Array(shared.rawLengths);
    for (let t = 1; t <= helpers; t++) {
      const { args, sen } = setupArgs(kernel.layout, trainer.kernelParams, t);
      const worker = new Worker(new URL('./hogwild/worker.mjs', import.meta.url), {
        workerData: {
          module: kernel.module, memory: kernel.memory, setupArgs: args, sen, maxSentence: trainer.kernelParams.maxSentence,
          ...shared, seed: seeds[t - 1],
        },
      });
      worker.on('message', (msg: { id?: number } & SliceResult) => {
        if (msg.id === undefined) return;
        const p = this.pending.get(msg.id);
        this.pending.delete(msg.id);
        p?.resolve(msg);
      });
      worker.on('error', (e) => this.fail(e instanceof Error ? e : new Error(String(e))));
      this.workers.push(worker);
    }
  }

  private sharedPiece(piece: EncodedCorpus | null): { ids: SharedArrayBuffer; offsets: SharedArrayBuffer; rawLengths: SharedArrayBuffer } {
    return {
      ids: sharedCopy(piece ? piece.ids : new Int32Array(0)),
      offsets: sharedCopy(piece ? piece.offsets : new Int32Array(1)),
      rawLengths: sharedCopy(piece ? piece.rawLengths : new Int32Array(0)),
    };
  }

  /**
   * Copies a streamed corpus's next piece into the shared buffers the helpers read. The buffers are reused (grown
   * when a piece does not fit), so memory does not depend on how many pieces a pass has; a fresh buffer per piece
   * would leave each helper's garbage collector to free them, whenever it happens to run. Safe without locks: the
   * trainer moves to the next piece only after every helper has finished its slice of this one.
   */
  usePiece(piece: EncodedCorpus): void {
    if (piece.ids.length > this.pieceIds.length || piece.offsets.length > this.pieceOffsets.length) {
      const grow = (n: number) => new SharedArrayBuffer(Math.max(4, Math.ceil(n * PIECE_GROWTH)) * 4);
      const ids = grow(piece.ids.length);
      const offsets = grow(piece.offsets.length);
      const rawLengths = grow(piece.rawLengths.length);
      this.pieceIds = new Int32Array(ids);
      this.pieceOffsets = new Int32Array(offsets);
      this.pieceRaw = new Int32Array(rawLengths);
      // Messages to a worker arrive in order, so its next slice reads the new buffers.
      for (const w of this.workers) w.postMessage({ type: 'piece', ids, offsets, rawLengths });
    }
    this.pieceIds.set(piece.ids);
    this.pieceOffsets.set(piece.offsets);
    this.pieceRaw.set(piece.rawLengths);
  }

  async ready(): Promise<void> {
    await Promise.all(
      this.workers.map(
        (w) =>
          new Promise<void>((resolve, reject) => {
            const onMessage = (m: { type?: string }) => {
              if (m.type !== 'ready') return;
              w.off('message', onMessage);
              resolve();
            };
            w.on('message', onMessage);
            w.once('error', reject);
          }),
      ),
    );
    // Idle helpers must not keep the process alive (a caller that forgets dispose() still exits); run() holds them.
    for (const w of this.workers) w.unref();
  }

  run(slices: readonly { from: number; to: number }[], schedule: SliceSchedule): Promise<SliceResult[]> {
    if (this.failure) return Promise.reject(this.failure);
    return Promise.all(
      slices.map((slice, k) => {
        const worker = this.workers[k];
        const id = this.nextId++;
        worker.ref();
        return new Promise<SliceResult>((resolve, reject) => {
          this.pending.set(id, {
            resolve: (r) => {
              worker.unref();
              resolve(r);
            },
            reject,
          });
          worker.postMessage({ type: 'run', id, ...slice, ...schedule });
        });
      }),
    );
  }

  private fail(e: Error): void {
    this.failure = new Error(`A Hogwild training thread failed: ${e.message}`);
    for (const p of this.pending.values()) p.reject(this.failure);
    this.pending.clear();
  }

  dispose(): void {
    for (const w of this.workers) void w.terminate();
    this.workers.length = 0;
  }
}

/**
 * A cpu trainer whose work is shared by config.threads threads. Falls back to one thread (and says so through
 * onLog) when WebAssembly SIMD with shared memory is not available.
 */
export async function createHogwildTrainer(
  corpus: EncodedCorpus | CorpusStream,
  config: Readonly<TrainConfig>,
  opts: CpuEngineOptions = {},
): Promise<CpuTrainer> {
  const threads = config.threads;
  const trainer = new CpuTrainer(corpus, config, { ...opts, sharedThreads: threads });
  if (!trainer.wasm || trainer.wasm.threads < threads) {
    opts.onLog?.(`Hogwild threads need WebAssembly SIMD with shared memory; training on 1 thread instead of ${threads}.`);
    return trainer;
  }
  // Seeds for the helpers' two random streams, drawn from the trainer's seeded stream (runs stay reproducible in
  // what is drawn, though Hogwild's interleaving is not).
  const seedRng = new Rng(config.seed ^ HELPER_SEED_SALT);
  const seeds = Array.from({ length: threads - 1 }, () => {
    const words = Array.from({ length: 8 }, () => seedRng.nextU32() | 0);
    words[0] |= 1; // xoshiro's all-zero state never moves; a set bit rules it out
    words[4] |= 1;
    return words;
  });
  const pool = new HogwildPool(trainer, corpus, threads - 1, seeds);
  await pool.ready();
  trainer.attachParallel(pool);
  opts.onLog?.(`cpu engine: ${threads} Hogwild threads over shared WebAssembly memory (not deterministic).`);
  return trainer;
}
