// Semantic search over a few dozen sentences: each sentence is the mean of its word vectors, ranked by cosine to
// the query's mean vector, next to the number of shared keywords (which misses paraphrases).
import { useMemo, useState } from 'react';
import type { KeyedVectors } from '../../../core/vectors/keyedVectors';
import { VectorsGate } from './VectorsGate';
import { keywordOverlap, textVector } from './textVectors';
import { cosVec, fmt } from './vectorMath';
import type { WidgetProps } from './types';
import { useReportState } from './useReportState';
import { DOCUMENTS } from './documents';

const TOP = 6;


function Results({ kv, query }: { kv: KeyedVectors; query: string }) {
  const docs = useMemo(() => DOCUMENTS.map((d) => ({ text: d, tv: textVector(kv, d) })), [kv]);
  const q = textVector(kv, query);
  if (!q.vector) {
    return <p role="alert">None of the query's words are in these vectors{q.unknown.length ? ` (unknown: ${q.unknown.join(', ')})` : ''}: try everyday words.</p>;
  }
  const ranked = docs
    .map((d) => ({ text: d.text, score: d.tv.vector ? cosVec(q.vector!, d.tv.vector) : 0, shared: keywordOverlap(query, d.text) }))
    .sort((a, b) => b.score - a.score)
    .slice(0, TOP);
  return (
    <>
      <p className="muted">Query words used: {q.used.join(', ')}{q.unknown.length > 0 && <> · not in the vectors, skipped: {q.unknown.join(', ')}</>}</p>
      <table aria-label="Search results">
        <thead><tr><th>#</th><th>sentence</th><th>cosine</th><th>shared keywords</th></tr></thead>
        <tbody>
          {ranked.map((r, i) => (
            <tr key={r.text}><td>{i + 1}</td><td>{r.text}</td><td>{fmt(r.score, 2)}</td><td>{r.shared}</td></tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

export default function SemanticSearchWidget({ attrs, onState }: WidgetProps) {
  const [query, setQuery] = useState(attrs.query ?? 'illness and treatment');
  useReportState(onState, { query: query.trim() });
  return (
    <div>
      <label className="controls" style={{ display: 'flex' }}>
        Query <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} style={{ flex: 1 }} aria-label="Search query" />
      </label>
      {query.trim() === '' ? <p role="alert">Type a query, e.g. “sick people” or “money”.</p> : <VectorsGate>{(v) => <Results kv={v.kv} query={query} />}</VectorsGate>}
      <p className="source">{DOCUMENTS.length} sentences written for this lesson; each is the mean of its words' unit vectors (common function words skipped).</p>
    </div>
  );
}
