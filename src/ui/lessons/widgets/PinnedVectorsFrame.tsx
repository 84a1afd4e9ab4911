// Around every widget that queries word vectors: loads the vectors its directive names, shows the widget only once
// those are active, and says under it which vectors it shows.
import type { ReactNode } from 'react';
import { scoresOf, scoreText } from '../../../state/vectorScoring';
import { useVectorsStore } from '../../../state/vectorsStore';
import { usePinnedVectors } from './usePinnedVectors';

export function PinnedVectorsFrame({ spec, children }: { spec: string; children: ReactNode }) {
  const v = usePinnedVectors(spec);
  const scores = useVectorsStore((s) => s.scores);
  if (v.status === 'loading') return <p role="status">Loading the word vectors this widget shows…</p>;
  if (v.status === 'error') return <p role="alert">{v.message}</p>;
  if (v.status === 'other') {
    return (
      <p role="alert">
        This widget shows <strong>{v.pinned.label}</strong>, the vectors its lesson was written for, but{' '}
        <strong>{v.active.label}</strong> is active now.{' '}
        <button type="button" onClick={v.restore}>
          Show {v.pinned.label}
        </button>
      </p>
    );
  }
  const kv = v.active.kv;
  const size = `${kv.size.toLocaleString('en')} words × ${kv.dim} dimensions; ${scoreText(scoresOf(v.active, scores))}`;
  return (
    <>
      {children}
      <p className="source" aria-label="Vectors used" data-vectors={v.pinned?.id ?? 'lab'}>
        {v.pinned ? (
          <>
            Vectors: <strong>{v.pinned.label}</strong> ({v.pinned.corpus}; {size}), fixed by the lesson so the page shows what
            the text describes.
          </>
        ) : (
          <>
            Vectors: <strong>{v.active.label}</strong> ({size}): the lab's current vectors, as this lesson asks. Train your own
            in the <a href="#/lab">Lab</a> or pick a set on the <a href="#/playgrounds">Playgrounds</a> page, and this widget
            follows.
          </>
        )}
      </p>
    </>
  );
}
