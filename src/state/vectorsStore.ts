// Which vectors the playgrounds and lessons query: the ones being trained in the lab, the shipped ones, or ones
// the user loaded. The vectors themselves stay in this tab; nothing here is persisted or sent anywhere.
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

interface VectorsState {
  active: ActiveVectors | null;
  /** Every set the user can switch between, keyed by label. */
  available: ActiveVectors[];
  setActive: (v: ActiveVectors) => void;
  /** Add (or replace by label) a set, and make it active. */
  add: (v: ActiveVectors) => void;
}

export const useVectorsStore = create<VectorsState>((set) => ({
  active: null,
  available: [],
  setActive: (active) => set({ active }),
  add: (v) =>
    set((s) => ({ active: v, available: [...s.available.filter((a) => a.label !== v.label), v] })),
}));
