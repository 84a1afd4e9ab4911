// The page's side of src/workers/scorecard.worker.ts: one worker per scoring run, terminated to cancel.
import { proxy, transfer, wrap } from 'comlink';
import type { KeyedVectors } from '../../core/vectors/keyedVectors';
import type { Scorecard, ScorecardProgress } from '../../core/scorecard/scorecard';
import type { ScorecardApi } from '../../workers/scorecard.worker';

export interface ScoringRun {
  result: Promise<Scorecard>;
  cancel: () => void;
}

export function startScoring(kv: KeyedVectors, name: string, onProgress: (p: ScorecardProgress) => void): ScoringRun {
  const worker = new Worker(new URL('../../workers/scorecard.worker.ts', import.meta.url), { type: 'module', name: 'scorecard' });
  const api = wrap<ScorecardApi>(worker);
  const vectors = kv.vectors.slice(0, kv.size * kv.dim);
  const result = api.score(document.baseURI, name, [...kv.words], transfer(vectors, [vectors.buffer]), kv.dim, proxy(onProgress));
  const done = () => worker.terminate();
  result.then(done, done);
  return { result, cancel: done };
}
