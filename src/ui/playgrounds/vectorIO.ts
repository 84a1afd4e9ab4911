// The playgrounds' bridge to the vector readers: picks the reader for the chosen format, hands the file (or a
// download's body) to a fresh parsing worker (src/workers/vectorsLoad.worker.ts) so that a 200,000-word set does
// not freeze the page, reports progress, and cancels by ending the worker.
import { proxy, wrap } from 'comlink';
import { KeyedVectors } from '../../core/vectors/keyedVectors';
import { readCompact } from '../../core/vectors/formats';
import type { LoadFormat, LoadProgress, ParsedVectors } from '../../workers/vectorsLoad';
import type { VectorsLoadApi } from '../../workers/vectorsLoad.worker';

export type { LoadFormat, LoadProgress } from '../../workers/vectorsLoad';

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

export interface LoadedVectors {
  kv: KeyedVectors;
  truncated: boolean;
  notes: string[];
}

/**
 * A download is opened only once the parsing worker is ready: Chromium keeps downloading a response nobody reads
 * (into its HTTP cache) at full speed, so the seconds a worker takes to start could fetch tens of megabytes that the
 * word limit then throws away.
 */
export type VectorsSource =
  | { kind: 'files'; files: File[] }
  | { kind: 'download'; open: () => Promise<{ body: ReadableStream<Uint8Array>; fileName: string }> };

type Api = ReturnType<typeof wrap<VectorsLoadApi>>;

/** Runs one parse in a fresh worker; `signal` ends the worker at once. */
async function inWorker(signal: AbortSignal, call: (api: Api) => Promise<ParsedVectors>): Promise<LoadedVectors> {
  signal.throwIfAborted();
  const worker = new Worker(new URL('../../workers/vectorsLoad.worker.ts', import.meta.url), { type: 'module', name: 'vectors-load' });
  const stopped = new Promise<never>((_, reject) => {
    signal.addEventListener('abort', () => reject(signal.reason ?? new DOMException('cancelled', 'AbortError')), { once: true });
    worker.addEventListener('error', (e) => reject(new Error(`The vectors reader could not start (${e.message || 'worker error'}).`)), { once: true });
  });
  try {
    const api = wrap<VectorsLoadApi>(worker);
    await Promise.race([api.ready(), stopped]);
    const r = await Promise.race([call(api), stopped]);
    return { kv: new KeyedVectors(r.words, r.vectors, r.dim), truncated: r.truncated, notes: r.notes };
  } finally {
    worker.terminate();
  }
}

export async function readVectors(
  source: VectorsSource,
  req: { format: LoadFormat; maxWords: number },
  signal: AbortSignal,
  onProgress: (p: LoadProgress) => void,
): Promise<LoadedVectors> {
  if (!Number.isInteger(req.maxWords) || req.maxWords < 1) {
    throw new Error(`The word limit must be a whole number of at least 1, not ${req.maxWords}.`);
  }
  const progress = proxy(onProgress);
  if (source.kind === 'download') {
    let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
    // The worker asks for each chunk when its parser wants one.
    const pull = proxy(async (): Promise<Uint8Array | null> => {
      const r = await reader!.read();
      return r.done ? null : r.value;
    });
    const cancel = proxy(async () => reader?.cancel());
    try {
      return await inWorker(signal, async (api) => {
        const { body, fileName } = await source.open();
        reader = body.getReader();
        return api.parseDownload(pull, cancel, { ...req, fileName }, progress);
      });
    } finally {
      reader?.cancel().catch(() => undefined);
    }
  }
  const { files } = source;
  const projector = req.format === 'projector-tsv' || (req.format === 'auto' && files.some((f) => /\.tsv$/i.test(f.name)));
  if (projector) {
    const meta = files.find((f) => /meta/i.test(f.name));
    const vecs = files.find((f) => f !== meta);
    if (!vecs) throw new Error('Choose the vectors .tsv file too (the metadata file alone has no numbers).');
    return inWorker(signal, (api) => api.parseProjector(vecs, meta, req.maxWords, progress));
  }
  if (files.length > 1) throw new Error(`Choose one vectors file (you chose ${files.length}); only the Projector format uses two.`);
  const file = files[0];
  if (file.size === 0) throw new Error(`${file.name} is empty.`);
  return inWorker(signal, (api) => api.parseFile(file, { ...req, fileName: file.name }, progress));
}
