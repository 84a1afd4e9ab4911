// One error type for every broken vectors file, carrying the file name and line so that the UI can say exactly
// what was wrong and where: "my.vec, line 12: expected 300 numbers after the word, found 299".

export class VectorFormatError extends Error {
  readonly fileName?: string;
  readonly line?: number;
  /** The message without the "file, line N: " prefix. */
  readonly detail: string;

  constructor(detail: string, where: { fileName?: string; line?: number } = {}) {
    const place = [where.fileName, where.line !== undefined ? `line ${where.line}` : undefined]
      .filter((p) => p !== undefined && p !== '')
      .join(', ');
    super(place ? `${place}: ${detail}` : detail);
    this.name = 'VectorFormatError';
    this.fileName = where.fileName;
    this.line = where.line;
    this.detail = detail;
  }
}

/** Refuse sets whose numbers alone would need more than this: browsers cap one ArrayBuffer near 2-4 GiB. */
export const MAX_VECTOR_BYTES = 2 ** 31;
/** No published embedding comes near this many dimensions (common ones are 25-4096); a bigger header is corrupt. */
export const MAX_DIM = 65_536;
/** The largest public vocabularies hold a few million words (fastText crawl 2M, GoogleNews 3M). */
export const MAX_WORDS = 50_000_000;
/** A text line longer than this cannot be a vectors row (65,536 dims x ~20 characters is 1.3 MB). */
export const MAX_LINE_BYTES = 16 * 2 ** 20;
/** word2vec.c caps words at 100 bytes; allow long multi-word phrases but stop scanning random bytes early. */
export const MAX_WORD_BYTES = 4096;

/**
 * Throws before allocating when count x dim float32 numbers would be absurd. `loadRows` is how many rows will
 * actually be kept (maxWords), so a 3,000,000-word GoogleNews header is fine when only 200,000 are loaded.
 */
export function checkShape(
  count: number,
  dim: number,
  where: { fileName?: string; line?: number },
  loadRows: number = count,
): void {
  if (!Number.isSafeInteger(dim) || dim <= 0) throw new VectorFormatError(`dimension must be a positive whole number, got ${dim}`, where);
  if (dim > MAX_DIM) throw new VectorFormatError(`dimension ${dim} is larger than the ${MAX_DIM} this lab accepts`, where);
  if (!Number.isSafeInteger(count) || count < 0) throw new VectorFormatError(`word count must be a whole number, got ${count}`, where);
  if (count > MAX_WORDS) throw new VectorFormatError(`${count} words is more than the ${MAX_WORDS} this lab accepts`, where);
  const rows = Math.min(count, loadRows);
  const bytes = rows * dim * 4;
  if (bytes > MAX_VECTOR_BYTES) {
    throw new VectorFormatError(
      `${rows} x ${dim} vectors would need ${(bytes / 2 ** 30).toFixed(1)} GiB, more than the ${MAX_VECTOR_BYTES / 2 ** 30} GiB limit (use maxWords to load fewer)`,
      where,
    );
  }
}
