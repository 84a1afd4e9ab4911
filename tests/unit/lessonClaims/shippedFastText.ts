// The shipped fastText model (public/vectors/brown-ft.elft) read as the subword widget reads it, for lesson claims.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastTextVectors } from '../../../src/core/models/fasttext/fastTextVectors';
import { readSubwordModel } from '../../../src/core/models/fasttext/subwordModelFile';

let cached: FastTextVectors | null = null;

export function shippedFastText(): FastTextVectors {
  cached ??= readSubwordModel(new Uint8Array(readFileSync(join(import.meta.dirname, '..', '..', '..', 'public', 'vectors', 'brown-ft.elft')))).kv;
  return cached;
}

/** The widget's neighbour list: the nearest vocabulary words to the word's vector, the word itself left out. */
export function ftNeighbours(kv: FastTextVectors, word: string, topn = 8): string[] {
  const exclude = new Set(kv.has(word) ? [kv.indexOf(word)] : []);
  return kv.nearestToVector(kv.vectorOf(word), topn, exclude).map((n) => n.word);
}

export function cosine(a: Float32Array, b: Float32Array): number {
  let ab = 0;
  let aa = 0;
  let bb = 0;
  for (let i = 0; i < a.length; i++) {
    ab += a[i]! * b[i]!;
    aa += a[i]! * a[i]!;
    bb += b[i]! * b[i]!;
  }
  return ab / Math.sqrt(aa * bb);
}
