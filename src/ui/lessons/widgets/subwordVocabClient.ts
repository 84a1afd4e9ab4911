// The page's side of src/workers/subwordVocab.worker.ts: one worker per (corpus, scheme), ended when either changes
// or the widget goes away.
import { wrap, type Remote } from 'comlink';
import type { MergeScheme } from '../../../core/text/subwords/mergeLearner';
import type { SubwordVocabApi } from '../../../workers/subwordVocab.worker';

export interface VocabSession {
  api: Remote<SubwordVocabApi>;
  ready: ReturnType<Remote<SubwordVocabApi>['prepare']>;
  end: () => void;
}

export function startVocabSession(corpus: string, scheme: MergeScheme): VocabSession {
  const worker = new Worker(new URL('../../../workers/subwordVocab.worker.ts', import.meta.url), { type: 'module', name: 'subword-vocab' });
  const api = wrap<SubwordVocabApi>(worker);
  const ready = api.prepare(new URL(`corpora/${corpus}.txt`, document.baseURI).href, scheme);
  return { api, ready, end: () => worker.terminate() };
}
