// Three losses on one tiny example made of real vectors: a centre word, one true partner, a few other words.
// Cross-entropy over the candidates (softmax), the logistic loss of negative sampling, and a margin (hinge) loss.
import { useState } from 'react';
import { candidateLosses } from '../../../core/lessonModels/candidateLosses';
import type { KeyedVectors } from '../../../core/vectors/keyedVectors';
import { checkWords, UnknownWords, VectorsGate } from './VectorsGate';
import { fmt, sigmoid } from './vectorMath';
import { listAttr, numAttr, type WidgetProps } from './types';
import { useReportState } from './useReportState';

/** Opening score scale and hinge margin when the directive and the link name none. */
const DEFAULT_SCALE = 5;
const DEFAULT_MARGIN = 0.2;

function Losses({ kv, centre, cands, pos, scale, margin }: { kv: KeyedVectors; centre: string; cands: string[]; pos: number; scale: number; margin: number }) {
  const { unknown } = checkWords(kv, [centre, ...cands]);
  if (unknown.length) return <UnknownWords words={unknown} />;
  const cos = cands.map((w) => kv.similarity(centre, w));
  const { p, crossEntropy: ce, logistic: ns, hingeTerms: hinge, hinge: hingeTotal } = candidateLosses(cos, pos, scale, margin);
  const s = cos.map((c) => c * scale);
  return (
    <>
      <table aria-label="Scores and losses per candidate">
        <thead><tr><th>candidate</th><th>cosine</th><th>softmax p</th><th>σ(score)</th><th>hinge term</th></tr></thead>
        <tbody>
          {cands.map((w, i) => (
            <tr key={w}>
              <td>{i === pos ? '✓ ' : '✗ '}{w}</td><td>{fmt(cos[i])}</td><td>{fmt(p[i])}</td><td>{fmt(sigmoid(s[i]))}</td>
              <td>{i === pos ? '–' : fmt(hinge[i])}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table aria-label="Losses">
        <tbody>
          <tr><th>Cross-entropy (softmax over the {cands.length} candidates)</th><td aria-label="Cross-entropy loss">{fmt(ce)}</td></tr>
          <tr><th>Negative-sampling logistic loss</th><td aria-label="Logistic loss">{fmt(ns)}</td></tr>
          <tr><th>Margin loss (m = {margin})</th><td aria-label="Margin loss">{fmt(hingeTotal)}</td></tr>
        </tbody>
      </table>
      <p className="muted">
        The margin loss is zero for every wrong word already {margin} below the true one: only “hard” negatives still push.
        Cross-entropy never reaches zero; it keeps raising the true word's share of the probability.
      </p>
    </>
  );
}

export default function LossCompareWidget({ attrs, onState }: WidgetProps) {
  const cands = listAttr(attrs, 'candidates', ['tea', 'milk', 'chair', 'river', 'election']);
  const [centre, setCentre] = useState(attrs.centre ?? 'coffee');
  const [pos, setPos] = useState(Math.min(numAttr(attrs, 'partner', 0), cands.length - 1));
  const [scale, setScale] = useState(numAttr(attrs, 'scale', DEFAULT_SCALE));
  const [margin, setMargin] = useState(numAttr(attrs, 'margin', DEFAULT_MARGIN));
  useReportState(onState, { centre: centre.trim(), partner: String(pos), scale: String(scale), margin: String(margin) });
  const c = centre.trim().toLowerCase();
  return (
    <div>
      <div className="controls">
        <label>Centre word <input type="text" value={centre} onChange={(e) => setCentre(e.target.value)} aria-label="Centre word" /></label>
        <label>
          True partner
          <select value={pos} onChange={(e) => setPos(Number(e.target.value))} aria-label="True partner">
            {cands.map((w, i) => <option key={w} value={i}>{w}</option>)}
          </select>
        </label>
        <label>
          Score scale
          <input type="range" min={1} max={20} value={scale} onChange={(e) => setScale(Number(e.target.value))} aria-label="Score scale" />
          <output>{scale}</output>
        </label>
        <label>
          Margin
          <input type="range" min={0} max={1} step={0.05} value={margin} onChange={(e) => setMargin(Number(e.target.value))} aria-label="Margin" />
          <output>{margin.toFixed(2)}</output>
        </label>
      </div>
      {!c ? <p role="alert">Type a centre word.</p> : <VectorsGate>{(v) => <Losses kv={v.kv} centre={c} cands={cands} pos={pos} scale={scale} margin={margin} />}</VectorsGate>}
      <p className="source">Scores are cosines times the scale, so that vectors of any length give comparable numbers.</p>
    </div>
  );
}
