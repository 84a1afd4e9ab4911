// The page's side of src/workers/export.worker.ts: hand the vectors (a copy, transferred) to a fresh worker, get the
// files back as Blobs, and end the worker whatever happens.
import { transfer, wrap } from 'comlink';
import type { KeyedVectors } from '../../core/vectors/keyedVectors';
import type { ExportApi, ExportedFile } from '../../workers/export.worker';

export type ExportKind = 'word2vecText' | 'projectorTsv';

export async function exportFiles(kind: ExportKind, base: string, kv: KeyedVectors): Promise<ExportedFile[]> {
  const worker = new Worker(new URL('../../workers/export.worker.ts', import.meta.url), { type: 'module', name: 'export' });
  try {
    const api = wrap<ExportApi>(worker);
    const vectors = kv.vectors.slice(0, kv.size * kv.dim);
    return await api[kind](base, [...kv.words], transfer(vectors, [vectors.buffer]), kv.dim);
  } finally {
    worker.terminate();
  }
}
