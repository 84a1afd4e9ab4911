// The vectors a lesson widget queries: the set the user chose in the Playgrounds header (shipped by default; the
// Lab's trained vectors only once chosen there, never by themselves). VectorsGate names them and their scores under
// each widget. When nothing is active yet, the shipped vectors are loaded through the playgrounds helper's
// ensureShippedVectors(). The module is looked up with import.meta.glob so a build without it still works and the
// widget says what is missing instead of failing.
import { useEffect, useState } from 'react';
import { useVectorsStore, type ActiveVectors } from '../../../state/vectorsStore';

type ShippedModule = {
  ensureShippedVectors: () => Promise<unknown>;
  useLoadStore?: { getState: () => { error: string | null } };
};
const shippedModules = import.meta.glob<ShippedModule>('../../playgrounds/shippedVectors.ts');

export type LessonVectors =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; active: ActiveVectors };

let pending: Promise<void> | null = null;

/** Make sure some vectors are active; shared by every widget on the page so the file is fetched once. */
export function ensureVectors(): Promise<void> {
  if (useVectorsStore.getState().active) return Promise.resolve();
  if (!pending) {
    const load = Object.values(shippedModules)[0];
    pending = (async () => {
      if (!load) throw new Error('This build has no shipped vectors. Train vectors in the Lab first; lessons use the active vectors.');
      const mod = await load();
      await mod.ensureShippedVectors();
      if (!useVectorsStore.getState().active) {
        throw new Error(mod.useLoadStore?.getState().error ?? 'The shipped vectors could not be loaded.');
      }
    })();
    pending.catch(() => {
      pending = null; // let a later attempt retry
    });
  }
  return pending;
}

export function useLessonVectors(): LessonVectors {
  const active = useVectorsStore((s) => s.active);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (active) return;
    let alive = true;
    ensureVectors().catch((e: unknown) => {
      if (alive) setError(e instanceof Error ? e.message : String(e));
    });
    return () => {
      alive = false;
    };
  }, [active]);
  if (active) return { status: 'ready', active };
  if (error) return { status: 'error', message: error };
  return { status: 'loading' };
}
