// Cosine similarity of two words, taken apart: dot product, lengths, cosine, angle; plus a third word to compare.
import { useMemo, useState } from 'react';
import type { KeyedVectors } from '../../../core/vectors/keyedVectors';
import { checkWords, UnknownWords, VectorsGate } from './VectorsGate';
import { cosVec, dotVec, fmt, normVec } from './vectorMath';
import type { WidgetProps } from './types';
import { useReportState } from './useReportState';
import { ANISOTROPY_WORDS, centredCosine, meanUnitVector, randomPairMedians } from '../../../core/vectors/anisotropy';

function Angle({ deg }: { deg: number }) {
  const r = 60;
  const a = (deg * Math.PI) / 180;
  return (
    <svg viewBox="-10 -75 150 85" width={150} role="img" aria-label={`Angle of ${deg.toFixed(0)} degrees`}>
      <line x1={0} y1={0} x2={r * 2} y2={0} stroke="var(--accent)" strokeWidth={3} />
      <line x1={0} y1={0} x2={r * 2 * Math.cos(a)} y2={-r * 2 * Math.sin(a) * (deg <= 90 ? 1 : 1)} stroke="var(--danger)" strokeWidth={3} />
      <text x={20} y={-6}>{deg.toFixed(0)}°</text>
    </svg>
  );
}

function Result({ kv, a, b, c }: { kv: KeyedVectors; a: string; b: string; c: string }) {
  // Computed once per set of vectors (5,000 pairs), not on every keystroke.
  const mean = useMemo(() => meanUnitVector(kv), [kv]);
  const base = useMemo(() => randomPairMedians(kv), [kv]);
  const { unknown } = checkWords(kv, [a, b, c]);
  if (unknown.length) return <UnknownWords words={unknown} />;
  const va = kv.vector(a);
  const vb = kv.vector(b);
  const cos = cosVec(va, vb);
  const deg = (Math.acos(Math.max(-1, Math.min(1, cos))) * 180) / Math.PI;
  const cosC = c ? kv.similarity(a, c) : null;
  return (
    <div className="widget-row">
      <div>
        <table aria-label="Cosine similarity">
          <tbody>
            <tr><th>a · b</th><td>{fmt(dotVec(va, vb))}</td></tr>
            <tr><th>‖a‖</th><td>{fmt(normVec(va))}</td></tr>
            <tr><th>‖b‖</th><td>{fmt(normVec(vb))}</td></tr>
            <tr><th>cos(a, b) = a·b / (‖a‖‖b‖)</th><td className="big" aria-label="Cosine value">{fmt(cos)}</td></tr>
          </tbody>
        </table>
        {cosC !== null && (
          <p aria-label="Comparison">
            cos({a}, {c}) = <strong>{fmt(cosC)}</strong>: “{cosC > cos ? c : b}” is closer to “{a}”.
          </p>
        )}
      </div>
      <div>
        <p aria-label="Random pairs">
          Random pairs of the {Math.min(ANISOTROPY_WORDS, kv.size).toLocaleString('en')} most frequent words: median cosine{' '}
          <strong>{fmt(base.raw, 2)}</strong>; after subtracting the mean vector, <strong>{fmt(base.centred, 2)}</strong>.
        </p>
        <p aria-label="Centred cosine">
          cos({a}, {b}) after centring: <strong>{fmt(centredCosine(kv, a, b, mean))}</strong>
        </p>
      </div>
      <div><Angle deg={deg} /><p className="muted">The angle between the two {kv.dim}-dimensional arrows, drawn flat.</p></div>
    </div>
  );
}

export default function CosineWidget({ attrs, onState }: WidgetProps) {
  const [a, setA] = useState(attrs.a ?? 'cat');
  const [b, setB] = useState(attrs.b ?? 'dog');
  const [c, setC] = useState(attrs.c ?? 'airplane');
  useReportState(onState, { a, b, c });
  const na = a.trim().toLowerCase();
  const nb = b.trim().toLowerCase();
  const nc = c.trim().toLowerCase();
  return (
    <div>
      <div className="controls">
        <label>Word a <input type="text" value={a} onChange={(e) => setA(e.target.value)} aria-label="Word a" /></label>
        <label>Word b <input type="text" value={b} onChange={(e) => setB(e.target.value)} aria-label="Word b" /></label>
        <label>Compare with <input type="text" value={c} onChange={(e) => setC(e.target.value)} aria-label="Third word (optional)" /></label>
      </div>
      {!na || !nb ? <p role="alert">Type two words to compare.</p> : <VectorsGate>{(v) => <Result kv={v.kv} a={na} b={nb} c={nc} />}</VectorsGate>}
    </div>
  );
}
