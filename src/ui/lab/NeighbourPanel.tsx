// Find a word: highlight it and its k nearest neighbours on the map and list them with their cosine similarities,
// computed in the vectors' own space (raw vectors, cosine = dot / (|a| |b|); nothing is normalised or projected).
import { useEffect, useId, useState } from 'react';
import { selectWord } from '../../state/labController';
import { useLabStore } from '../../state/labStore';
import { SettingField } from './SettingField';

export function NeighbourPanel() {
  const selection = useLabStore((s) => s.selection);
  const k = useLabStore((s) => s.config.k);
  const [query, setQuery] = useState('');
  const inputId = useId();

  // A click on the map selects a word: show it in the box too.
  useEffect(() => {
    if (selection) setQuery(selection.word);
  }, [selection?.word]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    const sel = useLabStore.getState().selection;
    if (sel) void selectWord(sel.word);
  }, [k]);

  return (
    <section className="neighbour-panel" aria-label="Word search">
      <form
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          void selectWord(query);
        }}
      >
        <label htmlFor={inputId}>Find a word</label>
        <div className="button-row">
          <input id={inputId} type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder="e.g. king, water, said" autoComplete="off" />
          <button type="submit">Find</button>
          {selection && (
            <button
              type="button"
              onClick={() => {
                setQuery('');
                void selectWord('');
              }}
            >
              Clear
            </button>
          )}
        </div>
      </form>
      <SettingField name="k" />
      {selection?.error && (
        <p role="alert" className="error">
          {selection.error}
        </p>
      )}
      {selection && !selection.error && (
        <div aria-live="polite">
          <h3 className="small-heading">
            Nearest to “{selection.word}” <span className="muted small">(cosine similarity, {selection.from})</span>
          </h3>
          <ol className="neighbours" aria-label={`Neighbours of ${selection.word}`}>
            {selection.neighbours.map((n) => (
              <li key={n.word}>
                <button type="button" className="link-button" onClick={() => void selectWord(n.word)}>
                  {n.word}
                </button>
                <span className="score">{n.score.toFixed(3)}</span>
              </li>
            ))}
          </ol>
          {selection.neighbours.length === 0 && <p className="muted">No neighbours yet.</p>}
        </div>
      )}
      {!selection && <p className="muted small">Click a word on the map, or type one, to list its nearest neighbours.</p>}
    </section>
  );
}
