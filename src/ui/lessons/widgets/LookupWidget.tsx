// The embedding layer is a lookup table: multiplying a one-hot row vector by the matrix E picks out one row.
import { useState } from 'react';
import type { KeyedVectors } from '../../../core/vectors/keyedVectors';
import { checkWords, UnknownWords, VectorsGate } from './VectorsGate';
import { fmt } from './vectorMath';
import { numAttr, type WidgetProps } from './types';
import { useReportState } from './useReportState';
import { LOOKUP_DEFAULT_WORDS, wordList } from './widgetSchemas';

interface TableProps {
  kv: KeyedVectors;
  words: string[];
  dims: number;
  pick: number;
  setPick: (i: number) => void;
}

function Table({ kv, words, dims, pick, setPick }: TableProps) {
  const { unknown } = checkWords(kv, words);
  if (unknown.length) return <UnknownWords words={unknown} />;
  const d = Math.min(dims, kv.dim);
  const rows = words.map((w) => Array.from(kv.vector(w).subarray(0, d)));
  // one-hot x E, computed as a real product (sum over rows), to show it equals the looked-up row.
  const product = Array.from({ length: d }, (_, j) => rows.reduce((s, r, i) => s + (i === pick ? 1 : 0) * r[j], 0));
  return (
    <div>
      <div className="controls" role="group" aria-label="Word to look up">
        {words.map((w, i) => (
          <button key={w} type="button" aria-pressed={i === pick} onClick={() => setPick(i)}>{w}</button>
        ))}
      </div>
      <div className="widget-row" style={{ alignItems: 'center' }}>
        <table aria-label="One-hot vector">
          <thead><tr><th>one-hot x</th></tr></thead>
          <tbody>{words.map((w, i) => <tr key={w}><td>{i === pick ? <strong>1</strong> : 0} <span className="muted">({w})</span></td></tr>)}</tbody>
        </table>
        <table aria-label="Embedding matrix">
          <thead><tr><th>E</th>{rows[0].map((_, j) => <th key={j}>d{j + 1}</th>)}</tr></thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={i} data-picked={i === pick ? 'true' : undefined} style={i === pick ? { outline: '3px solid var(--accent)' } : undefined}>
                <th>{words[i]}</th>{r.map((x, j) => <td key={j}>{fmt(x, 2)}</td>)}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p aria-label="Product">
        xᵀE = [{product.map((x) => fmt(x, 2)).join(', ')}] = row “{words[pick]}”: {words.length * d} multiplications, {words.length * d - d} of them by zero. A lookup gives the same row without any.
      </p>
      <p className="source">The first {d} of {kv.dim} dimensions of the real vectors of these words.</p>
    </div>
  );
}

export default function LookupWidget({ attrs, onState }: WidgetProps) {
  const words = wordList(attrs.words, LOOKUP_DEFAULT_WORDS);
  // The picked row lives here, not in the table, so the step's link keeps it (pick="queen") and reopens it.
  const [pick, setPick] = useState(() => Math.max(0, words.indexOf(attrs.pick ?? '')));
  useReportState(onState, { pick: words[pick] ?? '' });
  return <VectorsGate>{(v) => <Table kv={v.kv} words={words} dims={numAttr(attrs, 'dims', 5)} pick={pick} setPick={setPick} />}</VectorsGate>;
}
