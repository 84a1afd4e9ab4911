// What a reload of the lab keeps, said honestly. The settings live in the link and come back; the model being
// trained lives only in the tab and does not (the page asks before leaving while it holds unsaved training, see
// src/ui/lab/SavedModels.tsx); the user's own text is never in a link, so it must be chosen again.

/** True when this page load is the browser's reload of the same address (not a link opened fresh). */
export function isReload(nav: { type?: string } | undefined = performanceNavigation()): boolean {
  return nav?.type === 'reload';
}

function performanceNavigation(): { type?: string } | undefined {
  if (typeof performance === 'undefined' || typeof performance.getEntriesByType !== 'function') return undefined;
  return performance.getEntriesByType('navigation')[0] as { type?: string } | undefined;
}

/** The sentence shown after a reload of the lab; `ownText` when the link names the user's own text. */
export function reloadAccount(ownText: boolean): string {
  const base =
    'The page was reloaded: the settings came back from the link, but a model that was training is not restored ' +
    '(it lived only in this tab; use "Save model" to keep one across reloads).';
  return ownText ? `${base} Your own text is not in the link either: choose the .txt file again to train on it.` : base;
}

/**
 * Whether leaving the page would lose training: a model trained in this tab that has learned from more words
 * than when it was last saved (or never saved).
 */
export function hasUnsavedTraining(s: { modelSource: string; wordsDone: number; savedAtWords: number | null }): boolean {
  return s.modelSource === 'training' && s.wordsDone > 0 && (s.savedAtWords === null || s.wordsDone > s.savedAtWords);
}
