// Semantic search over a few dozen sentences: each sentence is the mean of its word vectors, ranked by cosine to
// the query's mean vector, next to the number of shared keywords (which misses paraphrases).
import { useMemo, useState } from 'react';
import type { KeyedVectors } from '../../../core/vectors/keyedVectors';
import { VectorsGate } from './VectorsGate';
import { keywordOverlap, textVector } from './textVectors';
import { cosVec, fmt } from './vectorMath';
import type { WidgetProps } from './types';

const TOP = 6;

export const DOCUMENTS = [
  'The doctor examined the patient and prescribed medicine.',
  'Nurses work long shifts in the hospital ward.',
  'The senate passed the new tax bill after a long debate.',
  'Voters went to the polls to elect a new governor.',
  'The team won the game in the final minute.',
  'Fans cheered as the players ran onto the field.',
  'She baked bread and a cake for the children.',
  'Dinner was roast meat with potatoes and butter.',
  'The ship sailed across the ocean toward the harbor.',
  'Sailors watched the waves from the deck of the boat.',
  'The farmer planted corn and wheat in the spring.',
  'Cattle grazed in the green fields near the barn.',
  'The orchestra played a symphony to a full hall.',
  'He practiced the piano every evening before the concert.',
  'Students studied for the examination at the university.',
  'The teacher explained the lesson to the class.',
  'The army marched north and the soldiers fought bravely.',
  'The war ended when both nations signed a peace treaty.',
  'The church was full for the sunday service.',
  'The priest prayed with the family at the funeral.',
  'The company reported higher profits and sales this year.',
  'Prices rose and the market fell sharply on monday.',
  'The scientist measured the temperature of the liquid.',
  'The laboratory tested new chemicals for the experiment.',
  'Rain fell all night and the river flooded the town.',
  'Snow covered the mountains during the cold winter.',
  'The police arrested the man after the robbery.',
  'The judge sentenced the criminal to ten years in prison.',
  'The painter showed her pictures at the gallery.',
  'The novel tells the story of a young woman in paris.',
];

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

export default function SemanticSearchWidget({ attrs }: WidgetProps) {
  const [query, setQuery] = useState(attrs.query ?? 'illness and treatment');
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
