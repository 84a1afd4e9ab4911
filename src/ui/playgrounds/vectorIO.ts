// The playgrounds' bridge to the vector readers in src/core/vectors/formats: picks the reader for the chosen
// format, streams the file with progress and cancel, and turns every failure into a sentence a student can act on.
import type { KeyedVectors } from '../../core/vectors/keyedVectors';
import { readCompact, readProjectorTsv, readVectorsWithInfo } from '../../core/vectors/formats';

export type LoadFormat = 'auto' | 'word2vec-text' | 'word2vec-binary' | 'glove' | 'fasttext-vec' | 'projector-tsv';

export const FORMAT_OPTIONS: { value: LoadFormat; label: string }[] = [
  { value: 'auto', label: 'Detect automatically' },
  { value: 'word2vec-text', label: 'word2vec text (header line "count dim")' },
  { value: 'word2vec-binary', label: 'word2vec binary (.bin)' },
  { value: 'glove', label: 'GloVe text (no header line)' },
  { value: 'fasttext-vec', label: 'fastText .vec' },
  { value: 'projector-tsv', label: 'Embedding Projector TSV (vectors.tsv + optional metadata.tsv)' },
];

export function decodeCompact(bytes: Uint8Array, fileName: string): { kv: KeyedVectors; meta: Record<string, unknown> } {
  return readCompact(bytes, { fileName });
}

export async function readVectorsFile(
  files: File[],
  req: { format: LoadFormat; maxWords: number },
  signal: AbortSignal,
  onProgress: (bytesRead: number) => void,
): Promise<KeyedVectors> {
  if (!Number.isInteger(req.maxWords) || req.maxWords < 1) {
    throw new Error(`The word limit must be a whole number of at least 1, not ${req.maxWords}.`);
  }
  const projector = req.format === 'projector-tsv' || (req.format === 'auto' && files.some((f) => /\.tsv$/i.test(f.name)));
  if (projector) {
    const meta = files.find((f) => /meta/i.test(f.name));
    const vecs = files.find((f) => f !== meta);
    if (!vecs) throw new Error('Choose the vectors .tsv file too (the metadata file alone has no numbers).');
    const metaBytes = meta ? new Uint8Array(await meta.arrayBuffer()) : undefined;
    const r = await readProjectorTsv(vecs.stream() as ReadableStream<Uint8Array>, metaBytes, {
      maxWords: req.maxWords,
      fileName: vecs.name,
      metadataFileName: meta?.name,
      onProgress,
      signal,
    });
    return r.kv;
  }
  if (files.length > 1) throw new Error(`Choose one vectors file (you chose ${files.length}); only the Projector format uses two.`);
  const file = files[0];
  if (file.size === 0) throw new Error(`${file.name} is empty.`);
  const r = await readVectorsWithInfo(file.stream() as ReadableStream<Uint8Array>, {
    format: req.format,
    maxWords: req.maxWords,
    fileName: file.name,
    onProgress,
    signal,
  });
  return r.kv;
}
