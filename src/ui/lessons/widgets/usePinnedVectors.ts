// The vectors a widget's directive names: vectors="brown-sotu-sg100" (a shipped set, loaded and made active when
// the widget opens, so the page shows exactly what the lesson text was written against) or vectors="lab" (whatever
// is active: the lab's model, or a set picked in the Playgrounds). A pinned set that is no longer active (the
// student switched vectors meanwhile) is reported with a button to bring it back, never swapped silently.
import { useCallback, useEffect, useState } from 'react';
import { useVectorsStore, type ActiveVectors } from '../../../state/vectorsStore';
import { ensureVectors } from './useLessonVectors';
import { LAB_VECTORS } from './widgetSchemas';

interface ShippedEntry {
  id: string;
  label: string;
  corpus: string;
}
type ShippedModule = {
  loadShippedIndex: () => Promise<ShippedEntry[]>;
  loadShipped: (id?: string) => Promise<ActiveVectors | null>;
  useLoadStore: { getState: () => { error: string | null } };
};
const shippedModules = import.meta.glob<ShippedModule>('../../playgrounds/shippedVectors.ts');

export type PinnedVectors =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'other'; pinned: ShippedEntry; active: ActiveVectors; restore: () => void }
  | { status: 'ready'; active: ActiveVectors; pinned: ShippedEntry | null };

// Several widgets on one page may pin the same set: one load each, since a second load would cancel the first.
const inFlight = new Map<string, Promise<ShippedEntry>>();

async function shippedModule(): Promise<ShippedModule> {
  const load = Object.values(shippedModules)[0];
  if (!load) throw new Error('This build has no shipped vectors, so this widget cannot show the vectors its lesson names.');
  return load();
}

/** Loads the shipped set `id` (if it is not the active one already) and makes it active. */
export function activateShipped(id: string): Promise<ShippedEntry> {
  let p = inFlight.get(id);
  if (!p) {
    p = (async () => {
      const mod = await shippedModule();
      const entry = (await mod.loadShippedIndex()).find((e) => e.id === id);
      if (!entry) throw new Error(`The lesson asks for vectors "${id}", which vectors/index.json does not list.`);
      if (useVectorsStore.getState().active?.label !== entry.label) {
        const v = await mod.loadShipped(id);
        if (!v) throw new Error(mod.useLoadStore.getState().error ?? `Could not load ${entry.label}.`);
      }
      return entry;
    })();
    inFlight.set(id, p);
    void p.finally(() => inFlight.delete(id)).catch(() => undefined);
  }
  return p;
}

export function usePinnedVectors(spec: string): PinnedVectors {
  const active = useVectorsStore((s) => s.active);
  const [pinned, setPinned] = useState<ShippedEntry | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const lab = spec === LAB_VECTORS;

  const load = useCallback(() => {
    let alive = true;
    setLoading(true);
    setError(null);
    const work = lab ? ensureVectors().then(() => null) : activateShipped(spec);
    work.then(
      (entry) => {
        if (!alive) return;
        setPinned(entry);
        setLoading(false);
      },
      (e: unknown) => {
        if (!alive) return;
        setError(e instanceof Error ? e.message : String(e));
        setLoading(false);
      },
    );
    return () => {
      alive = false;
    };
  }, [lab, spec]);
  useEffect(load, [load]);

  if (error) return { status: 'error', message: error };
  if (loading || !active) return { status: 'loading' };
  if (pinned && active.label !== pinned.label) return { status: 'other', pinned, active, restore: () => void load() };
  return { status: 'ready', active, pinned };
}
