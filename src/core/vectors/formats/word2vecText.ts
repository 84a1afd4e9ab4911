// word2vec text ("count dim" header, then "word v1 ... vdim" rows), which is also fastText's .vec, and GloVe text
// (the same rows without a header; the dimension comes from the first row). Streaming: rows go straight into one
// Float32Array, sized from the header when there is one.
import { checkShape, VectorFormatError } from './errors';
import { forEachLine } from './lines';
import { RowStore } from './rowStore';
import { checkWordForText, formatRow, parseNumbersInto, splitFields, splitWordRow, type Where } from './textRows';
import type { KeyedVectors } from '../keyedVectors';
import type { ReadResult, VectorFormat } from './types';

const HEADER_FIELD = /^\d+$/;

export interface WordRowsOptions {
  fileName?: string;
  maxWords: number;
  header: boolean;
  format: VectorFormat;
}

export async function readWordRows(chunks: AsyncIterable<Uint8Array>, o: WordRowsOptions): Promise<ReadResult> {
  const { fileName, maxWords, header } = o;
  let store: RowStore | null = null;
  let declared: number | undefined;
  let rowsSeen = 0;
  let truncated = false;
  let lastLine = 0;

  await forEachLine(chunks, fileName, (line, lineNo) => {
    lastLine = lineNo;
    const fields = splitFields(line);
    if (fields.length === 0) return;
    const where: Where = { fileName, line: lineNo };
    if (header && declared === undefined) {
      if (fields.length !== 2 || !HEADER_FIELD.test(fields[0]!) || !HEADER_FIELD.test(fields[1]!)) {
        throw new VectorFormatError(`expected a header "<word count> <dimension>", found ${JSON.stringify(line.slice(0, 60))}`, where);
      }
      declared = Number(fields[0]);
      const dim = Number(fields[1]);
      checkShape(declared, dim, where, maxWords);
      store = new RowStore(dim, declared, maxWords);
      return;
    }
    if (store === null) {
      const dim = fields.length - 1;
      if (dim < 1) throw new VectorFormatError('expected a word followed by its numbers, found a single field', where);
      checkShape(0, dim, where);
      store = new RowStore(dim, null, maxWords);
    }
    if (declared !== undefined && rowsSeen >= declared) {
      throw new VectorFormatError(`more rows than the ${declared} words the header announced`, where);
    }
    const { word, start } = splitWordRow(fields, store.dim, where);
    const offset = store.nextOffset(where);
    parseNumbersInto(fields, start, store.dim, store.data, offset, where);
    store.commit(word);
    rowsSeen++;
    if (store.full) {
      // Stopped by maxWords, unless the header says this was the last row anyway.
      truncated = declared === undefined || rowsSeen < declared;
      return false;
    }
  });

  const done = store as RowStore | null;
  if (done === null) throw new VectorFormatError('the file is empty', { fileName });
  if (declared !== undefined && !done.full && rowsSeen < declared) {
    throw new VectorFormatError(`the header announced ${declared} words but the file ends after ${rowsSeen} (is it truncated?)`, {
      fileName,
      line: lastLine,
    });
  }
  return { kv: done.finish(), format: o.format, duplicates: done.duplicates, duplicateWords: done.duplicateWords, truncated, declaredCount: declared };
}

/** Words separated from numbers by spaces: a word cannot hold whitespace. */
export const TEXT_WORD_FORBIDDEN = /\s/;

/** "word v1 ... vdim" lines, each number the shortest text that reads back to the same float32. */
export function formatWordRows(kv: KeyedVectors, format: string): string[] {
  const lines = new Array<string>(kv.size);
  for (let i = 0; i < kv.size; i++) {
    const word = kv.words[i]!;
    checkWordForText(word, i, TEXT_WORD_FORBIDDEN, format);
    lines[i] = `${word} ${formatRow(kv.vectors, i * kv.dim, kv.dim, ' ')}`;
  }
  return lines;
}

/** word2vec text format (also fastText .vec): "count dim" then one row per word. */
export function writeWord2VecText(kv: KeyedVectors): string {
  return `${kv.size} ${kv.dim}\n${formatWordRows(kv, 'word2vec text').map((l) => `${l}\n`).join('')}`;
}
