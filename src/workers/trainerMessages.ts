// The typed contract between the lab page and the trainer worker: one discriminated union each way.
// Every session (one start .. reset) has a number; the page drops messages from older sessions, so a late progress
// message from a run that was reset can never overwrite the new one. Queries carry a request id for the same reason.
import type { MatrixView, ModelConfig, ProgressUnit } from '../core/models/types';
import type { EngineName } from '../core/train/types';
import type { PairsReadout } from './pairsReadout';

export type EngineChoice = 'auto' | EngineName;

export type CorpusSource =
  /** A corpus shipped with the lab; the worker fetches it itself (same origin) so the page never holds the text. */
  | { kind: 'bundled'; name: string; url: string }
  /** The user's own text, read in the page and transferred (never copied, never sent anywhere). */
  | { kind: 'bytes'; name: string; bytes: ArrayBuffer; /** One word per Chinese or Japanese character. */ splitCharacters?: boolean };

/** How fast to train: full speed, or throttled for a lecture (words per chunk, pause between chunks). */
export interface Speed {
  /** 0 = adaptive chunks of about CHUNK_TARGET_MS. */
  maxWordsPerChunk: number;
  delayMs: number;
}

export type Phase = 'idle' | 'loading' | 'vocab' | 'encoding' | 'probing' | 'training' | 'paused' | 'done' | 'failed';

export type ToWorker =
  | {
      type: 'start';
      session: number;
      /** Which registered model, its common settings and its own parameters (src/core/models/registry.ts). */
      model: ModelConfig;
      engine: EngineChoice;
      source: CorpusSource;
      mapN: number;
      speed: Speed;
      /** Load, build and create the trainer, then wait (used by "Step" before any start). */
      startPaused: boolean;
    }
  | { type: 'pause' }
  | { type: 'resume' }
  | { type: 'step' }
  | { type: 'stop' }
  | { type: 'setSpeed'; speed: Speed }
  | { type: 'setMapN'; mapN: number }
  | { type: 'requestVectors'; id: number }
  /** The model in its own file format (ModelSpec.save), for models whose vectors alone lose something. */
  | { type: 'requestModelFile'; id: number }
  | { type: 'queryNeighbours'; id: number; word: string; k: number };

export interface ProgressMsg {
  type: 'progress';
  session: number;
  epoch: number;
  epochs: number;
  /** What wordsDone / wordsTotal / wordsPerSec count: corpus tokens for word2vec, co-occurrence cells for GloVe. */
  unit: ProgressUnit;
  wordsDone: number;
  wordsTotal: number;
  loss: number;
  lr: number;
  /** Words processed per wall-clock second lately, pauses between throttled chunks included (what a watcher sees). */
  wordsPerSec: number;
  seconds: number;
  done: boolean;
}

export interface CorpusInfo {
  name: string;
  rawTokens: number;
  sentences: number;
  vocabSize: number;
}

/** One sentence of the lab's live guesses: its words, which one is hidden, and the model's top guesses for it. */
export interface MaskedPredictionRow {
  words: string[];
  position: number;
  guesses: { token: string; p: number }[];
}

export type ErrorKind = 'divergence' | 'backend' | 'input' | 'corpus' | 'crash' | 'query';

export type FromWorker =
  | { type: 'status'; session: number; phase: Phase; text: string; fraction?: number }
  | { type: 'corpus'; session: number; info: CorpusInfo }
  | { type: 'engine'; session: number; engine: EngineName; note: string }
  | ProgressMsg
  | { type: 'snapshot'; session: number; words: string[]; dim: number; vectors: Float32Array; version: number }
  | { type: 'vectors'; session: number; id?: number; words: string[]; dim: number; vectors: Float32Array; epoch: number; done: boolean }
  /** What the model approximates next to its fit (GloVe's log co-occurrences), for models that have one. */
  | { type: 'matrix'; session: number; view: MatrixView }
  /** A contextual model's guesses for a hidden word in a few fixed sentences, refreshed with the map snapshots. */
  | { type: 'predictions'; session: number; rows: MaskedPredictionRow[] }
  /** How organised the space is (the syllabus pairs near each other), every few seconds and at pauses. */
  | { type: 'readout'; session: number; pairs: PairsReadout }
  | { type: 'neighbours'; id: number; word: string; neighbours: { word: string; score: number }[] }
  /** The answer to requestModelFile: the model id and its file, or null when plain vectors keep all of it. */
  | { type: 'modelFile'; session: number; id: number; model: string; bytes: Uint8Array | null }
  | { type: 'error'; session: number; id?: number; kind: ErrorKind; message: string; suggestedAlpha?: number };

/** The fallback order when an engine cannot start: each backend tries the next, ending at the typed-array engine. */
export const ENGINE_FALLBACK: Record<EngineName, EngineName | null> = {
  'tfjs-webgpu': 'tfjs-webgl',
  'tfjs-webgl': 'tfjs-wasm',
  'tfjs-wasm': 'cpu',
  'tfjs-cpu': 'cpu',
  cpu: null,
};
