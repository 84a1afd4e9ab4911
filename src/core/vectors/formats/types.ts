// Options and results shared by every reader.
import type { KeyedVectors } from '../keyedVectors';
import type { ReadControl } from './lines';

export type VectorFormat = 'word2vec-text' | 'word2vec-binary' | 'glove' | 'fasttext-vec' | 'compact' | 'projector-tsv';

export interface ReadOptions extends ReadControl {
  format?: 'auto' | VectorFormat;
  /** Stop after this many words (files are usually sorted by frequency); reading stops too. */
  maxWords?: number;
  /** Facts worth telling the user that are not errors, e.g. "skipped 3 duplicate words". */
  onInfo?: (message: string) => void;
}

export interface ReadResult {
  kv: KeyedVectors;
  format: VectorFormat;
  /** Rows skipped because their word had already appeared (the first vector is kept). */
  duplicates: number;
  /** The first few of those repeated words, by name (the note names them). */
  duplicateWords?: string[];
  /** True when maxWords stopped the reading before the end of the file. */
  truncated: boolean;
  /** The word count the file's header announced, when it has one. */
  declaredCount?: number;
  /** Free-form metadata (the compact format carries some). */
  meta?: Record<string, unknown>;
}

export function checkMaxWords(maxWords: number | undefined): number {
  if (maxWords === undefined || maxWords === Infinity) return Infinity;
  if (!(maxWords >= 1)) throw new RangeError(`maxWords must be at least 1, got ${maxWords}`);
  return Math.floor(maxWords);
}
