// Character n-grams of any word (fastText), how much two words share, and for a word the vectors lack, the known
// words whose n-grams overlap most: the words whose n-gram rows a fastText model would mix into its vector.
import { useDeferredValue, useMemo, useState } from 'react';
import type { KeyedVectors } from '../../../core/vectors/keyedVectors';
import { VectorsGate } from './VectorsGate';
import { bucketOf, charNgrams, ngramSimilarity, MAX_N, MIN_N } from './subwords';
import { lookalikes, SEARCH_WORDS } from './lookalikes';
import { fmt } from './vectorMath';
import type { WidgetProps } from './types';

function Lookalikes({ kv, word }: { kv: KeyedVectors; word: string }) {
  const result = useMemo(() => lookalikes(kv, word), [kv, word]);
  const known = kv.has(word);
  return (
    <div>
      <p aria-label="Vocabulary status">
        “{word}” is {known ? <strong>in</strong> : <strong>not in</strong>} these vectors
        {known ? ` (its neighbours: ${kv.mostSimilar({ positive: [word], topn: 5 }).map((x) => x.word).join(', ')}).` : '. A word2vec model has nothing to say about it; a fastText model would still build a vector from its n-grams.'}
      </p>
      {result.top.length === 0 ? (
        <p role="alert">No known word shares an n-gram with “{word}”.</p>
      ) : (
        <div className="widget-row">
          <table aria-label="Known words sharing the most n-grams">
            <thead><tr><th>known word</th><th>n-gram overlap</th></tr></thead>
            <tbody>{result.top.map((t) => <tr key={t.w}><td>{t.w}</td><td>{fmt(t.s, 2)}</td></tr>)}</tbody>
          </table>
          <div>
            <p>Their weighted mean lands next to (among the {Math.min(SEARCH_WORDS, kv.size).toLocaleString('en')} most frequent words):</p>
            <ol aria-label="Neighbours of the stand-in vector">{result.neighbours.map((x) => <li key={x.word}>{x.word} <span className="muted">{fmt(x.score, 2)}</span></li>)}</ol>
          </div>
        </div>
      )}
      <p className="source">
        Honest limits: these vectors were trained without subwords, so there are no n-gram rows to add up; the stand-in
        mixes whole words that share spelling. Real fastText learns a row per n-gram bucket and sums them.
      </p>
    </div>
  );
}

export default function SubwordWidget({ attrs }: WidgetProps) {
  const [word, setWord] = useState(attrs.word ?? 'befriendable');
  const [other, setOther] = useState(attrs.other ?? 'friendly');
  const w = word.trim().toLowerCase();
  // The look-alike search scans thousands of words: let typing stay responsive while it catches up.
  const deferredWord = useDeferredValue(w);
  const o = other.trim().toLowerCase();
  const grams = w ? charNgrams(w) : [];
  const shared = o ? new Set(charNgrams(o)) : new Set<string>();
  const bad = /\s/.test(w);
  return (
    <div>
      <div className="controls">
        <label>Word <input type="text" value={word} onChange={(e) => setWord(e.target.value)} aria-label="Word" /></label>
        <label>Compare with <input type="text" value={other} onChange={(e) => setOther(e.target.value)} aria-label="Word to compare" /></label>
      </div>
      {!w ? (
        <p role="alert">Type a word to split it into n-grams.</p>
      ) : bad ? (
        <p role="alert">Type a single word without spaces.</p>
      ) : (
        <>
          <p aria-label="N-gram count">
            “&lt;{w}&gt;” has <strong>{grams.length}</strong> character n-grams of length {MIN_N}–{MAX_N}
            {o && <> ; it shares {grams.filter((g) => shared.has(g)).length} with “{o}” (overlap {fmt(ngramSimilarity(w, o), 2)})</>}.
          </p>
          <div aria-label="N-grams" style={{ display: 'flex', flexWrap: 'wrap', gap: '0.3rem', marginBottom: '0.5rem' }}>
            {grams.map((g, i) => (
              <code key={i} title={`bucket ${bucketOf(g)}`} style={shared.has(g) ? { outline: '2px solid var(--ok)' } : undefined}>
                {g}<sub className="muted"> #{bucketOf(g)}</sub>
              </code>
            ))}
          </div>
          <p className="muted">Outlined: shared with the second word. #: the hashed bucket (of 2,000,000) whose row would hold this n-gram's vector.</p>
          <VectorsGate>{(v) => <Lookalikes kv={v.kv} word={deferredWord} />}</VectorsGate>
        </>
      )}
    </div>
  );
}
