// The layout worker's message contract: one discriminated union each way, every request carrying an id so that
// answers produced under superseded parameters can be told apart and dropped.
import type { LayoutMethod } from '../core/project/layoutEngine';

export interface LayoutSettings {
  method: LayoutMethod;
  perplexity: number;
  /** 0 = automatic (max(N / 48, 50)). */
  learningRate: number;
  seed: number;
}

export type LayoutRequest =
  /** New vectors (row-major words.length x dim). `vectors` is transferred: the sender must not reuse it. */
  | { type: 'set-vectors'; id: number; version: number; words: string[]; vectors: Float32Array; dim: number }
  | { type: 'set-params'; id: number; params: LayoutSettings }
  | { type: 'pause'; id: number }
  | { type: 'resume'; id: number }
  /** The page has drawn (or dropped) the last frame: the worker posts the next one only after this, so frames never
   *  queue up faster than plotly can draw them on a busy machine. */
  | { type: 'frame-drawn'; id: number };

export interface LayoutFrame {
  type: 'positions';
  /** Id of the latest set-params the worker had applied when it made this frame. */
  paramsId: number;
  /** Latest snapshot version the worker has received (its layout may still follow an earlier word list). */
  version: number;
  /** The words, in the order of `positions`; sent only when they changed since the previous frame. */
  words?: string[];
  /** x0, y0, x1, y1, ... (transferred). */
  positions: Float32Array;
  iteration: number;
  /** Gradient steps (or layouts) per second over the last frames. */
  updatesPerSec: number;
  engine: string;
  method: LayoutMethod;
  note?: string;
  settled: boolean;
}

export type LayoutResponse =
  | LayoutFrame
  /** Work in progress that has no positions yet (e.g. the first P): shown as a note. */
  | { type: 'status'; paramsId: number; version: number; note: string }
  | { type: 'error'; id: number; message: string };
