// Recommendation by item vectors: the user's profile is the mean of the items they liked; unliked items are ranked
// by cosine to it, each with the liked item it is closest to ("because you liked ...").
import { useState } from 'react';
import type { KeyedVectors } from '../../../core/vectors/keyedVectors';
import { VectorsGate } from './VectorsGate';
import { cosVec, fmt, meanOf } from './vectorMath';
import { listAttr, type WidgetProps } from './types';

const TOP = 5;
const CATALOGUE = [
  'coffee', 'tea', 'wine', 'beer', 'milk', 'bread', 'cheese', 'butter', 'piano', 'violin', 'guitar', 'drum',
  'hammer', 'knife', 'saw', 'rope', 'shirt', 'coat', 'hat', 'shoes', 'baseball', 'football', 'golf', 'tennis',
  'novel', 'poetry', 'magazine', 'newspaper',
];

function Recommender({ kv, initial }: { kv: KeyedVectors; initial: string[] }) {
  const items = CATALOGUE.filter((w) => kv.has(w));
  const missing = CATALOGUE.filter((w) => !kv.has(w));
  const [liked, setLiked] = useState<Set<string>>(new Set(initial.filter((w) => kv.has(w))));
  const toggle = (w: string) => {
    const next = new Set(liked);
    if (next.has(w)) next.delete(w); else next.add(w);
    setLiked(next);
  };
  const likedList = [...liked];
  const profile = likedList.length ? meanOf(kv, likedList) : null;
  const recs = profile
    ? items
        .filter((w) => !liked.has(w))
        .map((w) => {
          const u = kv.unitVector(w);
          const because = likedList.map((l) => ({ l, s: kv.similarity(w, l) })).sort((a, b) => b.s - a.s)[0];
          return { w, score: cosVec(profile, u), because: because.l };
        })
        .sort((a, b) => b.score - a.score)
        .slice(0, TOP)
    : [];
  return (
    <div>
      <p className="muted">Press the items this user liked:</p>
      <div className="controls" role="group" aria-label="Catalogue">
        {items.map((w) => (
          <button key={w} type="button" aria-pressed={liked.has(w)} onClick={() => toggle(w)}>{w}</button>
        ))}
      </div>
      {profile === null ? (
        <p role="alert">Choose at least one liked item to get recommendations.</p>
      ) : (
        <table aria-label="Recommendations">
          <thead><tr><th>recommended</th><th>cosine to profile</th><th>because you liked</th></tr></thead>
          <tbody>{recs.map((r) => <tr key={r.w}><td>{r.w}</td><td>{fmt(r.score, 2)}</td><td>{r.because}</td></tr>)}</tbody>
        </table>
      )}
      <p className="source">
        Item vectors here are word vectors of the item names. A shop would learn them from baskets instead (treat each
        basket as a sentence and run skip-gram on it: “item2vec”); the ranking step is the same.
        {missing.length > 0 && ` Not in these vectors: ${missing.join(', ')}.`}
      </p>
    </div>
  );
}

export default function RecommendWidget({ attrs }: WidgetProps) {
  const initial = listAttr(attrs, 'liked', ['coffee', 'piano']);
  return <VectorsGate>{(v) => <Recommender kv={v.kv} initial={initial} />}</VectorsGate>;
}
