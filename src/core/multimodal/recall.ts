// Retrieval quality of a shared space: recall@k both ways over a test set where caption i belongs to image i and no
// two captions are equal (the test split has one picture per caption), and the chance level beside it.
//   text -> image: rank all images by cosine to caption i; a hit at k if image i is among the first k.
//   image -> text: rank all captions by cosine to image i; a hit at k if caption i is among the first k.
// Queries can be limited to a subset (the held-out colour-shape pairs), still ranked against the whole gallery, so
// that a held-out caption must beat every seen one too.

export const RECALL_KS = [1, 5, 10] as const;

export interface RecallRow {
  /** recall@k for k of RECALL_KS, as fractions 0..1. */
  textToImage: number[];
  imageToText: number[];
  /** The expected recall@k of a random ranking: k / gallery size. */
  chance: number[];
  queries: number;
  gallery: number;
}

/** texts, images: unit vectors, row-major n x dim, row i of each belonging together. */
export function recallAtK(texts: Float32Array, images: Float32Array, dim: number, queries?: readonly number[], ks: readonly number[] = RECALL_KS): RecallRow {
  const n = texts.length / dim;
  if (images.length !== texts.length) throw new Error(`${n} captions but ${images.length / dim} images: recall needs one image per caption.`);
  const qs = queries ?? Array.from({ length: n }, (_, i) => i);
  const t2i = ks.map(() => 0);
  const i2t = ks.map(() => 0);
  for (const q of qs) {
    const a = rankOfTrue(texts, images, dim, q, n);
    const b = rankOfTrue(images, texts, dim, q, n);
    ks.forEach((k, j) => {
      if (a < k) t2i[j]!++;
      if (b < k) i2t[j]!++;
    });
  }
  const m = Math.max(1, qs.length);
  return { textToImage: t2i.map((h) => h / m), imageToText: i2t.map((h) => h / m), chance: ks.map((k) => Math.min(1, k / n)), queries: qs.length, gallery: n };
}

/** 0-based rank of row q of `gallery` among all rows by cosine to row q of `query`; ties count against the true one
 *  (an all-equal ranking is not a hit at 1). */
export function rankOfTrue(query: Float32Array, gallery: Float32Array, dim: number, q: number, n: number): number {
  const score = (j: number) => {
    let s = 0;
    for (let d = 0; d < dim; d++) s += query[q * dim + d]! * gallery[j * dim + d]!;
    return s;
  };
  const truth = score(q);
  let rank = 0;
  for (let j = 0; j < n; j++) if (j !== q && score(j) >= truth) rank++;
  return rank;
}

/** Indices of the top k rows of `gallery` by dot product with `v`, best first. */
export function topK(v: Float32Array, gallery: Float32Array, dim: number, k: number): { index: number; score: number }[] {
  const n = gallery.length / dim;
  const all: { index: number; score: number }[] = [];
  for (let j = 0; j < n; j++) {
    let s = 0;
    for (let d = 0; d < dim; d++) s += v[d]! * gallery[j * dim + d]!;
    all.push({ index: j, score: s });
  }
  all.sort((x, y) => y.score - x.score || x.index - y.index);
  return all.slice(0, k);
}
