// The scorecards measured in this tab, one per set of vectors (by label), kept while the user switches vectors or
// visits another page, so that two or more sets can be compared. Nothing here is persisted.
import { create } from 'zustand';
import type { Scorecard } from '../core/scorecard/scorecard';

interface ScorecardState {
  cards: Scorecard[];
  /** Add a card, replacing an earlier one of the same name. */
  put: (card: Scorecard) => void;
  remove: (name: string) => void;
  clear: () => void;
}

export const useScorecardStore = create<ScorecardState>((set) => ({
  cards: [],
  put: (card) => set((s) => ({ cards: [...s.cards.filter((c) => c.name !== card.name), card] })),
  remove: (name) => set((s) => ({ cards: s.cards.filter((c) => c.name !== name) })),
  clear: () => set({ cards: [] }),
}));
