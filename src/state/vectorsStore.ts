// Which vectors the playgrounds and lessons query: the shipped ones, ones the user loaded, or the ones trained in
// the lab. Switching is always the user's visible choice: the lab adds its vectors to the list as they train but
// never makes them active by itself. The vectors stay in this tab; nothing here is persisted or sent anywhere.
import { create } from 'zustand';
import type { KeyedVectors } from '../core/vectors/keyedVectors';

export type VectorsOrigin = 'trained' | 'shipped' | 'loaded';

export interface ActiveVectors {
  kv: KeyedVectors;
  origin: VectorsOrigin;
  /** Short human label: "Brown skip-gram (shipped)", "my-vectors.txt (first 50,000 words)". */
  label: string;
  /** Free-form facts shown beside the vectors: training settings, evaluation scores, source file. */
  details?: Record<string, string | number>;
}

/** Measured quality of a set on the project's evaluation sets (data/eval). */
export type VectorScores =
  | { status: 'none' }
  | { status: 'scoring' }
  | { status: 'done'; analogy: number; spearman: number }
  | { status: 'error'; message: string };

interface VectorsState {
  active: ActiveVectors | null;
  /** Every set the user can switch between, keyed by label. */
  available: ActiveVectors[];
  /** Scores measured in this tab, per set of vectors (shipped sets carry theirs in `details`). */
  scores: ReadonlyMap<KeyedVectors, VectorScores>;
  setActive: (v: ActiveVectors) => void;
  /** Add (or replace by label) a set, and make it active: for sets the user chose to load. */
  add: (v: ActiveVectors) => void;
  /** Add (or replace) a set without switching to it, unless it replaces the active one (a newer snapshot of it). */
  offer: (v: ActiveVectors, replaces?: string) => void;
}

export const useVectorsStore = create<VectorsState>((set) => ({
  active: null,
  available: [],
  scores: new Map(),
  setActive: (active) => set({ active }),
  add: (v) =>
    set((s) => ({ active: v, available: [...s.available.filter((a) => a.label !== v.label), v] })),
  offer: (v, replaces) =>
    set((s) => {
      const old = s.active && (s.active.label === v.label || s.active.label === replaces);
      return {
        active: old ? v : s.active,
        available: [...s.available.filter((a) => a.label !== v.label && a.label !== replaces), v],
      };
    }),
}));
