// The page's side of src/workers/imageText.worker.ts: one worker for the playground's lifetime.
import { wrap, type Remote } from 'comlink';
import type { ImageTextApi } from '../../workers/imageText.worker';

export interface ImageTextSession {
  api: Remote<ImageTextApi>;
  end: () => void;
}

export function startImageTextSession(): ImageTextSession {
  const worker = new Worker(new URL('../../workers/imageText.worker.ts', import.meta.url), { type: 'module', name: 'image-text' });
  return { api: wrap<ImageTextApi>(worker), end: () => worker.terminate() };
}
