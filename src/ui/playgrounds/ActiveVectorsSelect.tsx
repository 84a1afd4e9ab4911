// The one visible choice of which vectors the playgrounds and lessons use, in the Playgrounds header: every set
// available in this tab (shipped, loaded, trained in the Lab) and the shipped sets not fetched yet, each with its
// measured scores. Vectors trained in the Lab are listed here but used only once chosen.
import { useEffect, useId, useState } from 'react';
import { scoresOf, scoreText, scoreVectors } from '../../state/vectorScoring';
import { useVectorsStore, type ActiveVectors } from '../../state/vectorsStore';
import { ensureShippedVectors, loadShipped, loadShippedIndex, useLoadStore, type ShippedEntry } from './shippedVectors';

const ORIGIN_WORDS: Record<ActiveVectors['origin'], string> = { shipped: 'shipped', loaded: 'loaded', trained: 'trained in the Lab' };

/** Shipped scores as listed in index.json, for sets not fetched yet. */
function shippedScoreText(e: ShippedEntry): string {
  const a = e.scores['analogy accuracy'];
  const s = e.scores['similarity Spearman'];
  return a !== undefined && s !== undefined ? scoreText({ status: 'done', analogy: a, spearman: s }) : 'not scored yet';
}

export function ActiveVectorsSelect() {
  const { active, available, scores, setActive } = useVectorsStore();
  const index = useLoadStore((s) => s.index);
  const [announce, setAnnounce] = useState('');
  const id = useId();

  useEffect(() => {
    loadShippedIndex().catch(() => undefined); // the Vectors tab reports a missing index; here it only adds options
    void ensureShippedVectors(); // the default choice, unless the user chose other vectors already
  }, []);

  const notFetched = (index ?? []).filter((e) => !available.some((a) => a.label === e.label));
  const choose = async (value: string) => {
    if (value.startsWith('s:')) {
      const v = await loadShipped(value.slice(2));
      if (v) setAnnounce(`Now using ${v.label}: ${scoreText(scoresOf(v, useVectorsStore.getState().scores))}.`);
      return;
    }
    const v = available.find((a) => `a:${a.label}` === value);
    if (!v) return;
    setActive(v);
    setAnnounce(`Now using ${v.label} (${ORIGIN_WORDS[v.origin]}).`);
    await scoreVectors(v);
  };
  const activeScore = active ? scoresOf(active, scores) : null;

  return (
    <div className="active-vectors-select">
      <label htmlFor={id}>Vectors in use</label>{' '}
      <select id={id} value={active ? `a:${active.label}` : ''} onChange={(e) => void choose(e.target.value)}>
        {!active && <option value="">none yet (loading the shipped vectors…)</option>}
        {available.map((a) => (
          <option key={`a:${a.label}`} value={`a:${a.label}`}>
            {a.label} ({ORIGIN_WORDS[a.origin]}) · {scoreText(scoresOf(a, scores))}
          </option>
        ))}
        {notFetched.map((e) => (
          <option key={`s:${e.id}`} value={`s:${e.id}`}>
            {e.label} (shipped) · {shippedScoreText(e)}
          </option>
        ))}
      </select>
      {active && activeScore && (
        <span className="small muted">
          {' '}
          Scores on the project’s evaluation sets (analogy accuracy, similarity Spearman):{' '}
          <span data-testid="active-vectors-scores">{scoreText(activeScore)}</span>
          {(activeScore.status === 'none' || activeScore.status === 'error') && (
            <>
              {' '}
              <button type="button" onClick={() => void scoreVectors(active)}>
                Score these vectors
              </button>
            </>
          )}
        </span>
      )}
      <p role="status" className="small">
        {announce}
      </p>
    </div>
  );
}
