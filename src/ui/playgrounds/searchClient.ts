// The page's side of src/workers/search.worker.ts: one worker per set of vectors, ended on cancel or when the
// vectors change (a new set needs new document vectors anyway).
import { transfer, wrap, type Remote } from 'comlink';
import type { KeyedVectors } from '../../core/vectors/keyedVectors';
import type { SearchApi } from '../../workers/search.worker';

export interface SearchSession {
  api: Remote<SearchApi>;
  ready: Promise<{ documents: number; genres: number }>;
  end: () => void;
}

export function startSearchSession(kv: KeyedVectors): SearchSession {
  const worker = new Worker(new URL('../../workers/search.worker.ts', import.meta.url), { type: 'module', name: 'search' });
  const api = wrap<SearchApi>(worker);
  const vectors = kv.vectors.slice(0, kv.size * kv.dim);
  const ready = api.prepare(document.baseURI, [...kv.words], transfer(vectors, [vectors.buffer]), kv.dim);
  return { api, ready, end: () => worker.terminate() };
}
