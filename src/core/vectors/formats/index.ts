// One entry point for every vectors file: detect the format, stream it into a KeyedVectors, report what happened.
import type { KeyedVectors } from '../keyedVectors';
import { readCompact } from './compact';
import { detectFormat, DETECT_BYTES } from './detect';
import { MAX_VECTOR_BYTES, VectorFormatError } from './errors';
import { chunksOf, concatBytes, PeekableChunks, type ByteInput } from './lines';
import { readProjectorTsv } from './projector';
import { namedDuplicates } from './rowStore';
import { checkMaxWords, type ReadOptions, type ReadResult } from './types';
import { readWord2VecBinary } from './word2vecBinary';
import { readWordRows } from './word2vecText';

export { VectorFormatError, MAX_VECTOR_BYTES, MAX_DIM, MAX_WORDS } from './errors';
export type { ByteInput, ReadControl } from './lines';
export type { ReadOptions, ReadResult, VectorFormat } from './types';
export { detectFormat } from './detect';
export { readCompact, writeCompact, isCompact } from './compact';
export { readProjectorTsv, writeProjectorTsv } from './projector';
export { writeWord2VecText } from './word2vecText';
export { writeWord2VecBinary } from './word2vecBinary';
export { writeGloveText } from './glove';

/** Human names for the formats, for labels and messages. */
export const FORMAT_NAMES: Record<ReadResult['format'], string> = {
  'word2vec-text': 'word2vec text',
  'word2vec-binary': 'word2vec binary',
  glove: 'GloVe text',
  'fasttext-vec': 'fastText .vec',
  compact: 'Embedding Lab compact',
  'projector-tsv': 'Embedding Projector TSV',
};

async function collect(chunks: AsyncIterable<Uint8Array>, fileName?: string): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let total = 0;
  for await (const c of chunks) {
    total += c.length;
    if (total > MAX_VECTOR_BYTES) throw new VectorFormatError('the file is larger than the memory limit', { fileName });
    parts.push(c);
  }
  return concatBytes(parts);
}

/** Reads any supported vectors file and says which format it was, how many duplicates were skipped, and more. */
export async function readVectorsWithInfo(input: ByteInput, o: ReadOptions = {}): Promise<ReadResult> {
  const maxWords = checkMaxWords(o.maxWords);
  const { fileName } = o;
  const source = new PeekableChunks(chunksOf(input, { onProgress: o.onProgress, signal: o.signal }));
  const format = !o.format || o.format === 'auto' ? detectFormat(await source.peek(DETECT_BYTES), fileName) : o.format;
  let result: ReadResult;
  switch (format) {
    case 'word2vec-text':
    case 'fasttext-vec':
      result = await readWordRows(source.chunks(), { fileName, maxWords, header: true, format });
      break;
    case 'glove':
      result = await readWordRows(source.chunks(), { fileName, maxWords, header: false, format });
      break;
    case 'word2vec-binary':
      result = await readWord2VecBinary(source.chunks(), { fileName, maxWords, onInfo: o.onInfo });
      break;
    case 'projector-tsv':
      result = await readProjectorTsv(source.chunks(), undefined, { fileName, maxWords, onInfo: o.onInfo });
      break;
    case 'compact': {
      const { kv, meta, count } = readCompact(await collect(source.chunks(), fileName), { fileName, maxWords });
      result = { kv, format, duplicates: 0, truncated: kv.size < count, declaredCount: count, meta };
      break;
    }
    default: {
      const unknown: never = format;
      throw new VectorFormatError(`unknown format ${JSON.stringify(unknown)}`, { fileName });
    }
  }
  if (result.duplicates > 0 && format !== 'projector-tsv') {
    const named = namedDuplicates(result.duplicates, result.duplicateWords ?? []);
    o.onInfo?.(`skipped ${result.duplicates} duplicate word${result.duplicates === 1 ? '' : 's'} (${named}; the first vector of each is kept)`);
  }
  return result;
}

export async function readVectors(input: ByteInput, o: ReadOptions = {}): Promise<KeyedVectors> {
  return (await readVectorsWithInfo(input, o)).kv;
}
