// Warm start: continuing a word2vec model on new text instead of starting from random. The new corpus brings its own
// vocabulary (and with it its own unigram noise distribution); every word it shares with the old model starts from
// the old model's rows - the input vector and, when kept, the output (context) vector of negative sampling - and
// the new words start as word2vec starts them (small random input rows, zero output rows).
//
// Keeping the output vectors matters: the input vectors were trained to score well against those particular output
// vectors, so resetting the outputs to zero makes the first updates of the continued run push the input vectors
// around just to rebuild a context space, and much of what the old model knew is overwritten.

export interface WarmStart {
  /** The old model's words, row order of `input` and `output`. */
  words: readonly string[];
  dim: number;
  /** words.length x dim input vectors (syn0). */
  input: Float32Array;
  /** words.length x dim output vectors of negative sampling (syn1neg), or null to start them at zero. */
  output: Float32Array | null;
}

export interface WarmRows {
  /** For each new vocabulary id, the old model's row, or -1 for a word the old model did not know. */
  rowOf: Int32Array;
  /** New words that start from an old row. */
  shared: number;
}

/** Matches the new vocabulary against the old model's words, checking the shapes on the way. */
export function warmRows(vocabWords: readonly string[], warm: WarmStart, dim: number): WarmRows {
  if (warm.dim !== dim) throw new RangeError(`the warm start has ${warm.dim}-dimensional vectors, and the new model ${dim}: use the same dimension`);
  if (warm.input.length !== warm.words.length * dim) throw new RangeError(`the warm start's input vectors hold ${warm.input.length} numbers, not ${warm.words.length} x ${dim}`);
  if (warm.output && warm.output.length !== warm.input.length) throw new RangeError(`the warm start's output vectors hold ${warm.output.length} numbers, not ${warm.words.length} x ${dim}`);
  const old = new Map<string, number>();
  warm.words.forEach((w, i) => {
    if (!old.has(w)) old.set(w, i);
  });
  const rowOf = new Int32Array(vocabWords.length);
  let shared = 0;
  vocabWords.forEach((w, i) => {
    const r = old.get(w) ?? -1;
    rowOf[i] = r;
    if (r >= 0) shared++;
  });
  return { rowOf, shared };
}

/** Copies the old rows into weight matrices laid out with `stride` floats per row (SIMD padding allowed). */
export function copyWarmRows(rows: WarmRows, from: Float32Array, to: Float32Array, dim: number, stride: number): void {
  for (let i = 0; i < rows.rowOf.length; i++) {
    const r = rows.rowOf[i]!;
    if (r >= 0) to.set(from.subarray(r * dim, (r + 1) * dim), i * stride);
  }
}
