// Sentence vectors as the mean of their words' unit vectors: the simplest semantic-search baseline.
import type { KeyedVectors } from '../../../core/vectors/keyedVectors';
import { tokenize } from '../../../core/text/tokenize';

/** Words that carry little topic and would pull every sentence vector toward the same place. */
export const STOPWORDS = new Set(
  'the a an of to in and or is are was were be been it its this that these those on at by for with as from his her their our your my i you he she we they them me us not no but so if then than there here what which who whom do does did have has had will would can could should may might must shall into over about up down out'.split(' '),
);

export interface TextVector {
  vector: Float32Array | null;
  used: string[];
  unknown: string[];
}

export function textVector(kv: KeyedVectors, text: string): TextVector {
  const used: string[] = [];
  const unknown: string[] = [];
  const v = new Float32Array(kv.dim);
  for (const w of tokenize(text)) {
    if (STOPWORDS.has(w)) continue;
    if (!kv.has(w)) { unknown.push(w); continue; }
    used.push(w);
    const u = kv.unitVector(w);
    for (let d = 0; d < kv.dim; d++) v[d] += u[d];
  }
  return { vector: used.length ? v : null, used, unknown };
}

export function keywordOverlap(a: string, b: string): number {
  const A = new Set(tokenize(a).filter((w) => !STOPWORDS.has(w)));
  let n = 0;
  for (const w of new Set(tokenize(b))) if (A.has(w)) n++;
  return n;
}
