// The page's side of src/workers/recommend.worker.ts: one worker per run; cancelling terminates it.
import { proxy, wrap } from 'comlink';
import type { RecommendApi, RecommendOutcome, RecommendProgress } from '../../../workers/recommend.worker';

export interface RecommendRun {
  done: Promise<RecommendOutcome>;
  cancel: () => void;
}

export function startRecommendRun(seeds: number[], sessions: number, onProgress: (p: RecommendProgress) => void): RecommendRun {
  const worker = new Worker(new URL('../../../workers/recommend.worker.ts', import.meta.url), { type: 'module', name: 'recommend' });
  const api = wrap<RecommendApi>(worker);
  let cancelled = false;
  let reject: (e: Error) => void = () => {};
  const stopped = new Promise<never>((_, r) => {
    reject = r;
  });
  const done = Promise.race([api.run(seeds, sessions, proxy(onProgress)), stopped]).finally(() => worker.terminate());
  return {
    done,
    cancel: () => {
      if (cancelled) return;
      cancelled = true;
      worker.terminate();
      reject(new Error('cancelled'));
    },
  };
}
