// Wraps a widget that needs real vectors: shows loading and error states and names the vectors in use.
import type { ReactNode } from 'react';
import { scoresOf, scoreText } from '../../../state/vectorScoring';
import { useVectorsStore, type ActiveVectors } from '../../../state/vectorsStore';
import { useLessonVectors } from './useLessonVectors';

export function VectorsGate({ children }: { children: (active: ActiveVectors) => ReactNode }) {
  const v = useLessonVectors();
  const scores = useVectorsStore((s) => s.scores);
  if (v.status === 'loading') return <p role="status">Loading word vectors…</p>;
  if (v.status === 'error') return <p role="alert">{v.message}</p>;
  const kv = v.active.kv;
  return (
    <>
      {children(v.active)}
      <p className="source" aria-label="Vectors used">
        Vectors: {v.active.label} · {kv.size.toLocaleString('en')} words × {kv.dim} dimensions ·{' '}
        {scoreText(scoresOf(v.active, scores))} (change them on the{' '}
        <a href="#/playgrounds">Playgrounds</a> page or train your own in the <a href="#/lab">Lab</a>)
      </p>
    </>
  );
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
