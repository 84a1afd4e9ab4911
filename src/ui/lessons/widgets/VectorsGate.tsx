// Wraps the part of a widget that needs real vectors: shows loading and error states. The frame around the widget
// (PinnedVectorsFrame) has already made the vectors its directive names active, and says which they are.
import type { ReactNode } from 'react';
import type { ActiveVectors } from '../../../state/vectorsStore';
import { useLessonVectors } from './useLessonVectors';

export function VectorsGate({ children }: { children: (active: ActiveVectors) => ReactNode }) {
  const v = useLessonVectors();
  if (v.status === 'loading') return <p role="status">Loading word vectors…</p>;
  if (v.status === 'error') return <p role="alert">{v.message}</p>;
  // Which vectors these are is said once, under the widget, by PinnedVectorsFrame.
  return <>{children(v.active)}</>;
}

/** Splits a typed word list into known and unknown words, lower-cased and trimmed. */
export function checkWords(kv: { has(w: string): boolean }, words: string[]): { known: string[]; unknown: string[] } {
  const known: string[] = [];
  const unknown: string[] = [];
  for (const raw of words) {
    const w = raw.trim().toLowerCase();
    if (!w) continue;
    (kv.has(w) ? known : unknown).push(w);
  }
  return { known, unknown };
}

export function UnknownWords({ words }: { words: string[] }) {
  if (words.length === 0) return null;
  return (
    <p role="alert">
      Not in these vectors: {words.map((w) => `"${w}"`).join(', ')}. Try a more common word (the vocabulary holds words
      seen at least a few times in the training text).
    </p>
  );
}
