// The shipped vectors (public/vectors/*.elv) read with the core's compact reader, once per test file: the same
// numbers the lesson widgets show when a directive pins vectors="<id>".
import { readFileSync } from 'node:fs';
import { readCompact } from '../../../src/core/vectors/formats/compact';
import type { KeyedVectors } from '../../../src/core/vectors/keyedVectors';
import type { ShippedVectorId } from '../../../src/ui/lessons/widgets/widgetSchemas';

const cache = new Map<string, KeyedVectors>();

export function shipped(id: ShippedVectorId): KeyedVectors {
  let kv = cache.get(id);
  if (!kv) {
    kv = readCompact(new Uint8Array(readFileSync(`public/vectors/${id}.elv`)), { fileName: `${id}.elv` }).kv;
    cache.set(id, kv);
  }
  return kv;
}

/** The top-n neighbour words of one word (gensim's most_similar, as the similarity widget lists them). */
export function neighbours(kv: KeyedVectors, word: string, topn = 10): string[] {
  return kv.mostSimilar({ positive: [word], topn }).map((n) => n.word);
}

/** a : b :: c : ? answers, as the analogy widget lists them. */
export function analogy(kv: KeyedVectors, a: string, b: string, c: string, method: '3cosadd' | '3cosmul' = '3cosadd', topn = 10): string[] {
  return kv.analogy(a, b, c, { method, topn }).map((n) => n.word);
}

/** The text of a lesson file, for checks that a claim's wording and its test stay together. */
export function lessonText(file: string): string {
  return readFileSync(`lessons/${file}`, 'utf8');
}
