// The price of the full softmax: dot products per update as the vocabulary grows, against negative sampling's k+1;
// then the actual softmax probabilities and negative-sampling scores for a centre word on real vectors.
import { useMemo, useState } from 'react';
import type { KeyedVectors } from '../../../core/vectors/keyedVectors';
import { Rng } from '../../../core/train/rng';
import { VectorsGate } from './VectorsGate';
import { fmt, sigmoid } from './vectorMath';
import { numAttr, type WidgetProps } from './types';
import { useReportState } from './useReportState';
import { contextSoftmax, SCORE_SCALE, SOFTMAX_WORDS } from '../../../core/vectors/softmaxScores';

/** Slider over log10(V): from a toy vocabulary of 1,000 to a web-scale 10 million words. */
const MIN_LOG_V = 3;
const MAX_LOG_V = 7;
const TOP = 8;
/** word2vec draws negatives from counts^0.75; shipped files have no counts, so rank r stands in (Zipf: count ∝ 1/r). */
const NOISE_EXPONENT = 0.75;

function Cost({ logV, k }: { logV: number; k: number }) {
  const V = Math.round(10 ** logV);
  const ratio = V / (k + 1);
  return (
    <table aria-label="Cost per update">
      <tbody>
        <tr><th>Vocabulary size V</th><td aria-label="Vocabulary size">{V.toLocaleString('en')}</td></tr>
        <tr><th>Full softmax: dot products per update</th><td aria-label="Softmax dot products">{V.toLocaleString('en')}</td></tr>
        <tr><th>Negative sampling (k = {k}): dot products</th><td aria-label="Negative sampling dot products">{(k + 1).toLocaleString('en')}</td></tr>
        <tr><th>Softmax costs</th><td><strong>{ratio >= 10 ? Math.round(ratio).toLocaleString('en') : ratio.toFixed(1)}×</strong> more</td></tr>
      </tbody>
    </table>
  );
}

function RealProbabilities({ kv, centre, context, k, seed }: { kv: KeyedVectors; centre: string; context: string; k: number; seed: number }) {
  const n = Math.min(SOFTMAX_WORDS, kv.size);
  const c = kv.indexOf(centre);
  const o = kv.indexOf(context);
  const result = useMemo(() => {
    const soft = contextSoftmax(kv, centre, SOFTMAX_WORDS, SCORE_SCALE);
    if (!soft) return null;
    const { scores } = soft;
    const p = (i: number) => soft.p[i];
    const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[b] - scores[a]);
    const top = order.filter((i) => i !== c).slice(0, TOP).map((i) => ({ w: kv.words[i], p: p(i) }));
    const rng = new Rng(seed);
    const cum = new Float64Array(n);
    let acc = 0;
    for (let i = 0; i < n; i++) cum[i] = acc += (i + 1) ** -NOISE_EXPONENT;
    const negs: { w: string; s: number }[] = [];
    while (negs.length < k) {
      const r = rng.nextFloat() * acc;
      let lo = 0;
      let hi = n - 1;
      while (lo < hi) { const mid = (lo + hi) >> 1; if (cum[mid] < r) lo = mid + 1; else hi = mid; }
      if (lo !== c && lo !== o) negs.push({ w: kv.words[lo], s: scores[lo] });
    }
    return { top, pContext: o >= 0 && o < n ? p(o) : null, sPos: o >= 0 ? SCORE_SCALE * kv.similarity(centre, context) : null, negs };
  }, [kv, c, o, n, k, seed, centre, context]);
  if (!result) return <p role="alert">“{centre}” is not in these vectors: try another centre word.</p>;
  const nsLoss = result.sPos === null ? null : -Math.log(sigmoid(result.sPos)) + result.negs.reduce((s, x) => s - Math.log(sigmoid(-x.s)), 0);
  return (
    <div className="widget-row">
      <div>
        <p>Softmax over the {n.toLocaleString('en')} most frequent words: {n.toLocaleString('en')} dot products, then a sum.</p>
        <table aria-label="Most probable context words">
          <thead><tr><th>context word</th><th>p(word | {centre})</th></tr></thead>
          <tbody>{result.top.map((t) => <tr key={t.w}><td>{t.w}</td><td>{t.p.toExponential(2)}</td></tr>)}</tbody>
        </table>
        {result.pContext !== null ? (
          <p aria-label="Probability of the context word">p({context} | {centre}) = <strong>{result.pContext.toExponential(2)}</strong> (uniform would be {(1 / n).toExponential(2)})</p>
        ) : (
          <p role="alert">“{context}” is not among these words: pick another context word.</p>
        )}
      </div>
      <div>
        <p>Negative sampling: the true pair and {k} noise words, {k + 1} dot products, each through a sigmoid.</p>
        {result.sPos !== null && (
          <table aria-label="Negative sampling scores">
            <thead><tr><th>pair</th><th>σ(score)</th></tr></thead>
            <tbody>
              <tr><td>✓ {centre} · {context}</td><td>{fmt(sigmoid(result.sPos))}</td></tr>
              {result.negs.map((x, i) => <tr key={i}><td>✗ {centre} · {x.w}</td><td>{fmt(sigmoid(x.s))}</td></tr>)}
            </tbody>
          </table>
        )}
        {nsLoss !== null && <p>Loss for this example: <strong>{fmt(nsLoss)}</strong>. Noise words drawn with seed {seed}.</p>}
      </div>
    </div>
  );
}

export default function SoftmaxCostWidget({ attrs, onState }: WidgetProps) {
  const [logV, setLogV] = useState(numAttr(attrs, 'logV', 4));
  const [k, setK] = useState(numAttr(attrs, 'k', 5));
  const [centre, setCentre] = useState(attrs.centre ?? 'coffee');
  const [context, setContext] = useState(attrs.context ?? 'cup');
  useReportState(onState, { centre, context, logV: String(logV), k: String(k) });
  const [seed, setSeed] = useState(1);
  const c = centre.trim().toLowerCase();
  const o = context.trim().toLowerCase();
  return (
    <div>
      <div className="controls">
        <label>
          Vocabulary size
          <input type="range" min={MIN_LOG_V} max={MAX_LOG_V} step={0.5} value={logV} onChange={(e) => setLogV(Number(e.target.value))} aria-label="Vocabulary size (log scale)" />
        </label>
        <label>
          Negatives k
          <input type="range" min={1} max={20} value={k} onChange={(e) => setK(Number(e.target.value))} aria-label="Number of negative samples" />
          <output>{k}</output>
        </label>
      </div>
      <Cost logV={logV} k={k} />
      <h4>On real vectors</h4>
      <div className="controls">
        <label>Centre word <input type="text" value={centre} onChange={(e) => setCentre(e.target.value)} aria-label="Centre word" /></label>
        <label>Context word <input type="text" value={context} onChange={(e) => setContext(e.target.value)} aria-label="Context word" /></label>
        <button type="button" onClick={() => setSeed(seed + 1)}>Draw other negatives</button>
      </div>
      {c === '' || o === '' ? (
        <p role="alert">Type a centre word and a context word.</p>
      ) : (
        <VectorsGate>{(a) => <RealProbabilities kv={a.kv} centre={c} context={o} k={k} seed={seed} />}</VectorsGate>
      )}
      <p className="source">
        Shipped vector files keep only the input vectors, so the scores here are {SCORE_SCALE} × the cosine of two input
        vectors; a model in training scores with its separate output vectors. Noise words follow rank<sup>−0.75</sup>
        because the file has no counts.
      </p>
    </div>
  );
}
