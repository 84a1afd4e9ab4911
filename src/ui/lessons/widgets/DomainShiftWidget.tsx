// Domain shift: the same word's neighbours in two shipped vector sets trained on different text (e.g. the Brown
// corpus of 1960s American prose against State of the Union speeches). Loading a second set does not change which
// vectors the other widgets use.
import { useEffect, useState } from 'react';
import type { KeyedVectors } from '../../../core/vectors/keyedVectors';
import { useVectorsStore } from '../../../state/vectorsStore';
import { fmt } from './vectorMath';
import type { WidgetProps } from './types';
import { useReportState } from './useReportState';

interface Entry { id: string; label: string; corpus: string }
type ShippedModule = {
  loadShippedIndex: () => Promise<Entry[]>;
  loadShipped: (id?: string) => Promise<{ kv: KeyedVectors; label: string } | null>;
  useLoadStore: { getState: () => { error: string | null } };
};
const modules = import.meta.glob<ShippedModule>('../../playgrounds/shippedVectors.ts');
/** Lesson 07 counts how many of a word's ten nearest neighbours survive between sets, so the widget lists ten. */
const TOP = 10;

type Sets = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; sets: { label: string; corpus: string; kv: KeyedVectors }[] };

/** Loads every shipped set once, restoring whatever was active before. */
async function loadAll(): Promise<{ label: string; corpus: string; kv: KeyedVectors }[]> {
  const load = Object.values(modules)[0];
  if (!load) throw new Error('This build ships no vectors, so there is nothing to compare.');
  const mod = await load();
  const index = await mod.loadShippedIndex();
  const store = useVectorsStore.getState();
  const before = store.active;
  const out: { label: string; corpus: string; kv: KeyedVectors }[] = [];
  for (const e of index) {
    const have = useVectorsStore.getState().available.find((a) => a.label === e.label);
    const v = have ?? (await mod.loadShipped(e.id));
    if (!v) throw new Error(mod.useLoadStore.getState().error ?? `Could not load ${e.label}.`);
    out.push({ label: e.label, corpus: e.corpus, kv: v.kv });
  }
  if (before) useVectorsStore.getState().setActive(before);
  return out;
}

let shared: Promise<{ label: string; corpus: string; kv: KeyedVectors }[]> | null = null;

export default function DomainShiftWidget({ attrs, onState }: WidgetProps) {
  const [sets, setSets] = useState<Sets>({ status: 'loading' });
  const [word, setWord] = useState(attrs.word ?? 'state');
  useReportState(onState, { word: word.trim() });
  useEffect(() => {
    let alive = true;
    shared ??= loadAll();
    shared.then(
      (s) => alive && setSets({ status: 'ready', sets: s }),
      (e: unknown) => {
        shared = null;
        if (alive) setSets({ status: 'error', message: e instanceof Error ? e.message : String(e) });
      },
    );
    return () => { alive = false; };
  }, []);
  const w = word.trim().toLowerCase();
  return (
    <div>
      <label className="controls">Word <input type="text" value={word} onChange={(e) => setWord(e.target.value)} aria-label="Word to compare" /></label>
      {sets.status === 'loading' && <p role="status">Loading the shipped vector sets…</p>}
      {sets.status === 'error' && <p role="alert">{sets.message}</p>}
      {sets.status === 'ready' && sets.sets.length < 2 && <p role="alert">Only one vector set is shipped, so there is no second domain to compare with.</p>}
      {!w && <p role="alert">Type a word.</p>}
      {sets.status === 'ready' && w && (
        <div className="widget-row">
          {sets.sets.map((s) => (
            <div key={s.label}>
              <h4>{s.label}</h4>
              {s.kv.has(w) ? (
                <ol aria-label={`Neighbours in ${s.label}`}>
                  {s.kv.mostSimilar({ positive: [w], topn: TOP }).map((n) => <li key={n.word}>{n.word} <span className="muted">{fmt(n.score, 2)}</span></li>)}
                </ol>
              ) : <p role="alert">“{w}” is not in these vectors.</p>}
              <p className="source">Trained on: {s.corpus}; {s.kv.size.toLocaleString('en')} words.</p>
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
