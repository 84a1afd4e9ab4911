// Beside the map, for a searched word: its neighbours in the vectors' own space and its neighbours on the 2-D map, so a
// student sees which neighbours the projection keeps and which it loses; and the same cosines after centring the
// vectors, with a short note on why raw word2vec cosines run high.
import { useId, useState } from 'react';
import type { MapSearch } from './searchNeighbours';

export function SearchComparison({ search, onMap, added }: { search: MapSearch; onMap: readonly string[]; added: readonly string[] }) {
  const [centred, setCentred] = useState(false);
  const switchId = useId();
  const original = centred && search.centred ? search.centred : search.neighbours;
  const onMapSet = new Set(onMap);
  const originalSet = new Set(original.map((n) => n.word));
  const kept = original.filter((n) => onMapSet.has(n.word)).length;
  const addedSet = new Set(added);
  return (
    <section className="search-comparison" aria-label={`Vectors and map compared for ${search.word}`}>
      <h3 className="small-heading">
        “{search.word}”: what the map keeps
      </h3>
      <div className="comparison-columns">
        <div>
          <h4 className="small-heading">In the vectors ({centred ? 'centred cosine' : 'cosine'})</h4>
          <ol aria-label={`Nearest in the vectors to ${search.word}`}>
            {original.map((n) => (
              <li key={n.word} className={onMapSet.has(n.word) ? 'kept' : 'lost'}>
                {n.word}
                {addedSet.has(n.word) && <span className="muted small"> (added)</span>} <span className="score">{n.cosine.toFixed(3)}</span>
              </li>
            ))}
          </ol>
        </div>
        <div>
          <h4 className="small-heading">On the map (2-D distance)</h4>
          <ol aria-label={`Nearest on the map to ${search.word}`}>
            {onMap.map((w) => (
              <li key={w} className={originalSet.has(w) ? 'kept' : 'lost'}>
                {w}
              </li>
            ))}
          </ol>
        </div>
      </div>
      <p className="small" aria-live="polite">
        The map keeps {kept} of {original.length} neighbours (words in both lists are in bold). Neighbours missing from
        the map were among the N most frequent words or added for this search (diamonds); a 2-D picture cannot keep
        every neighbourhood of a space with many dimensions.
      </p>
      {search.centred && (
        <div className="centring">
          <input id={switchId} type="checkbox" checked={centred} onChange={(e) => setCentred(e.target.checked)} />
          <label htmlFor={switchId}>Centre the vectors (subtract the mean vector) before the cosine</label>
          <p className="muted small">
            Why raw cosines run high: word2vec vectors share a common direction (negative sampling pushes every word
            away from the same frequent context words), so even unrelated words point roughly the same way and can
            score 0.8 or more. Subtracting the mean vector removes that shared part; the cosines then spread around 0,
            and what stays high is closer to real similarity. The map and the list beside the search still use the
            raw vectors.
          </p>
        </div>
      )}
    </section>
  );
}
