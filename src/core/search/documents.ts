// A collection of documents cut out of a line-per-sentence corpus by an index of line ranges, with a label each
// (Brown's genres). The index is built by scripts/buildDocuments.ts; the text stays in the corpus file.

export interface DocumentIndex {
  corpus: string;
  /** Label code -> readable name. */
  genres: Record<string, string>;
  docs: { id: string; genre: string; source: string; firstLine: number; lines: number }[];
}

export interface SearchDocument {
  id: string;
  genre: string;
  source: string;
  /** The document's sentences, one per corpus line. */
  sentences: string[];
}

/** The fifteen genres of the Brown corpus, by the letter in its file names (ca01 ... cr09). */
export const BROWN_GENRES: Record<string, string> = {
  a: 'press: reportage',
  b: 'press: editorial',
  c: 'press: reviews',
  d: 'religion',
  e: 'skill and hobbies',
  f: 'popular lore',
  g: 'belles-lettres',
  h: 'government documents',
  j: 'learned',
  k: 'general fiction',
  l: 'mystery fiction',
  m: 'science fiction',
  n: 'adventure fiction',
  p: 'romance fiction',
  r: 'humour',
};

/** Cuts the documents out of the corpus text; a range beyond the text is an error that names the document. */
export function documentsFromIndex(corpusText: string, index: DocumentIndex): SearchDocument[] {
  const lines = corpusText.split('\n');
  return index.docs.map((d) => {
    if (d.firstLine + d.lines > lines.length) {
      throw new RangeError(
        `document ${d.id} needs lines ${d.firstLine + 1}-${d.firstLine + d.lines} of ${index.corpus}.txt, which has ` +
          `${lines.length - 1}: the corpus and its document index were built from different versions (run npm run corpora -- --force)`,
      );
    }
    return { id: d.id, genre: d.genre, source: d.source, sentences: lines.slice(d.firstLine, d.firstLine + d.lines) };
  });
}
