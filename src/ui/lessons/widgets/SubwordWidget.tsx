// fastText's answer for any word, seen or not, on a real model (brown-ft.elft, trained by the lab's fastText): the
// rows its vector is the mean of (its own row when the word is known, one per character n-gram), how much of the
// vector each contributes, its nearest words, and a second word beside it (a misspelling next to its correct form).
// Used as the lessons' "subword" widget and as the "Unseen words" playground.
import { useDeferredValue, useMemo, useState } from 'react';
import type { FastTextVectors } from '../../../core/models/fasttext/fastTextVectors';
import { useShippedFastText, type FastTextState, type ShippedFastText } from './subwords';
import { cosVec, fmt } from './vectorMath';
import type { WidgetProps } from './types';

const NEIGHBOURS = 8;
/** Parts listed: a long word has ~30 n-grams; the rest are summed in one line. */
const PARTS_SHOWN = 16;
/** Width of the share bars at a share of 1 (percent of the column). */
const BAR_FULL = 100;

function checkWord(raw: string): { word: string; problem: string | null } {
  const word = raw.trim().toLowerCase();
  if (!word) return { word, problem: 'Type a word.' };
  if (/\s/.test(word)) return { word, problem: 'Type a single word without spaces.' };
  return { word, problem: null };
}

function Neighbours({ kv, word, v, label }: { kv: FastTextVectors; word: string; v: Float32Array; label: string }) {
  const exclude = useMemo(() => new Set(kv.has(word) ? [kv.indexOf(word)] : []), [kv, word]);
  const near = useMemo(() => kv.nearestToVector(v, NEIGHBOURS, exclude), [kv, v, exclude]);
  return (
    <ol aria-label={label}>
      {near.map((x) => (
        <li key={x.word}>
          {x.word} <span className="muted">{fmt(x.score, 2)}</span>
        </li>
      ))}
    </ol>
  );
}

function Status({ kv, word, parts }: { kv: FastTextVectors; word: string; parts: number }) {
  const known = kv.has(word);
  return (
    <p aria-label={`Vocabulary status of ${word}`}>
      “{word}” is {known ? <strong>in</strong> : <strong>not in</strong>} the vocabulary ({kv.size.toLocaleString('en')} words):
      its vector is the mean of {known ? `its own row and ${parts - 1}` : parts} n-gram row{parts === 2 && known ? '' : 's'}.
    </p>
  );
}

function Explorer({ model, word, other }: { model: ShippedFastText; word: string; other: string }) {
  const kv = model.kv;
  const c = useMemo(() => kv.composition(word), [kv, word]);
  const o = useMemo(() => (other ? kv.composition(other) : null), [kv, other]);
  if (c.parts.length === 0) {
    return <p role="alert">“{word}” is too short to have n-grams of {kv.params.minn} or more characters, and it is not in the vocabulary.</p>;
  }
  const sorted = [...c.parts].sort((a, b) => b.share - a.share);
  const rest = sorted.slice(PARTS_SHOWN);
  return (
    <>
      <Status kv={kv} word={word} parts={c.parts.length} />
      <div className="widget-row">
        <table aria-label="Parts of the vector">
          <caption className="muted">Each part's share: (row / n) · v / |v|², so the shares add up to 1.</caption>
          <thead>
            <tr><th>part</th><th>share</th></tr>
          </thead>
          <tbody>
            {sorted.slice(0, PARTS_SHOWN).map((p, i) => (
              <tr key={`${p.label}-${i}`}>
                <td><code>{p.kind === 'word' ? `${p.label} (word)` : p.label}</code></td>
                <td>
                  <span aria-hidden="true" style={{ display: 'inline-block', height: '0.7em', marginRight: '0.3em', background: p.share >= 0 ? 'var(--accent, #36c)' : 'var(--bad, #c33)', width: `${Math.min(BAR_FULL, Math.abs(p.share) * BAR_FULL * 2)}px` }} />
                  {fmt(p.share, 3)}
                </td>
              </tr>
            ))}
            {rest.length > 0 && (
              <tr><td className="muted">{rest.length} more</td><td>{fmt(rest.reduce((s, p) => s + p.share, 0), 3)}</td></tr>
            )}
          </tbody>
        </table>
        <div>
          <p>Nearest words to “{word}”:</p>
          <Neighbours kv={kv} word={word} v={c.vector} label={`Neighbours of ${word}`} />
        </div>
        {o && o.parts.length > 0 && (
          <div>
            <p>Nearest words to “{other}”:</p>
            <Neighbours kv={kv} word={other} v={o.vector} label={`Neighbours of ${other}`} />
          </div>
        )}
      </div>
      {o && o.parts.length > 0 && (
        <p aria-label="Cosine between the two words">
          cosine(“{word}”, “{other}”) = <strong>{fmt(cosVec(c.vector, o.vector), 3)}</strong>; they share{' '}
          {c.parts.filter((p) => p.kind === 'ngram' && o.parts.some((q) => q.label === p.label)).length} n-grams.
        </p>
      )}
    </>
  );
}

/** A model other than the shipped one (the lab's saved fastText model), with the name to show for it. */
export interface OwnSubwordModel {
  label: string;
  kv: FastTextVectors;
}

export function SubwordExplorer({ word: initialWord, other: initialOther, onChange, model }: {
  word: string;
  other: string;
  onChange?: (word: string, other: string) => void;
  /** Use this model instead of the shipped one. */
  model?: OwnSubwordModel | null;
}) {
  const shipped = useShippedFastText();
  const own = useMemo<FastTextState | null>(() => (model ? { status: 'ready', model: { kv: model.kv, meta: { label: model.label } } } : null), [model]);
  const state = own ?? shipped;
  const [word, setWord] = useState(initialWord);
  const [other, setOther] = useState(initialOther);
  const w = checkWord(useDeferredValue(word));
  const o = checkWord(useDeferredValue(other));
  const set = (nextWord: string, nextOther: string): void => {
    setWord(nextWord);
    setOther(nextOther);
    onChange?.(nextWord, nextOther);
  };
  const meta = state.status === 'ready' ? state.model.meta : null;
  return (
    <div>
      <div className="controls">
        <label>Word <input type="text" value={word} onChange={(e) => set(e.target.value, other)} aria-label="Word" /></label>
        <label>Compare with <input type="text" value={other} onChange={(e) => set(word, e.target.value)} aria-label="Word to compare" /></label>
      </div>
      {state.status === 'loading' && <p role="status">Loading the fastText model…</p>}
      {state.status === 'error' && <p role="alert">{state.message}</p>}
      {state.status === 'ready' && (w.problem ? <p role="alert">{w.problem}</p> : <Explorer model={state.model} word={w.word} other={o.problem ? '' : o.word} />)}
      {meta && own && state.status === 'ready' && (
        <p className="source" aria-label="Model used">
          Model: {String(meta.label)} · {state.model.kv.params.bucket.toLocaleString('en')} n-gram buckets, n-grams of{' '}
          {state.model.kv.params.minn}–{state.model.kv.params.maxn} characters · trained in this lab and saved in this browser.
        </p>
      )}
      {meta && !own && (
        <p className="source" aria-label="Model used">
          Model: {String(meta.label ?? 'fastText')} · {state.status === 'ready' ? `${state.model.kv.params.bucket.toLocaleString('en')} n-gram buckets, n-grams of ${state.model.kv.params.minn}–${state.model.kv.params.maxn} characters` : ''} ·
          trained by this lab's fastText (scripts/buildShippedFastText.ts), stored in int8. A small model on a million words: its
          neighbours for unseen words lean on spelling (shared endings, shared stems) more than on meaning.
        </p>
      )}
    </div>
  );
}

export default function SubwordWidget({ attrs, onState }: WidgetProps) {
  return (
    <SubwordExplorer word={attrs.word ?? 'befriendable'} other={attrs.other ?? 'friendly'}
      onChange={(word, other) => onState?.({ word: word.trim(), other: other.trim() })} />
  );
}
