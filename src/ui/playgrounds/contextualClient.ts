// The page's side of src/workers/contextual.worker.ts: one worker for the page's lifetime, the shipped model loaded
// on first use (every playground and lesson widget that needs it shares it).
import { wrap, type Remote } from 'comlink';
import type { ContextualApi } from '../../workers/contextual.worker';

let session: { api: Remote<ContextualApi>; ready: ReturnType<ContextualApi['load']> } | null = null;

export function contextualModel(): { api: Remote<ContextualApi>; ready: ReturnType<ContextualApi['load']> } {
  if (!session) {
    const worker = new Worker(new URL('../../workers/contextual.worker.ts', import.meta.url), { type: 'module', name: 'contextual' });
    const api = wrap<ContextualApi>(worker);
    const ready = api.load(document.baseURI);
    // A failed load is not kept: the next caller starts again (a reload of the page after a network error).
    ready.catch(() => {
      worker.terminate();
      session = null;
    });
    session = { api, ready };
  }
  return session;
}
