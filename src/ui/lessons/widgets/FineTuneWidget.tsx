// Transfer and fine-tuning: start from the shipped vectors, keep training on a short domain text for a few
// seconds in this tab, and compare a word's neighbours before and after.
import { useEffect, useRef, useState } from 'react';
import { KeyedVectors } from '../../../core/vectors/keyedVectors';
import { DOMAIN_TEXT, FineTuner, FINE_TUNE_DEFAULTS } from './fineTune';
import { VectorsGate } from './VectorsGate';
import { fmt } from './vectorMath';
import type { WidgetProps } from './types';

/** Sentences per slice: a few milliseconds of work, so the page stays responsive while training. */
const SENTENCES_PER_SLICE = 20;
const TOP = 8;

function Tuner({ kv, initialWord }: { kv: KeyedVectors; initialWord: string }) {
  const [text, setText] = useState(DOMAIN_TEXT);
  const [word, setWord] = useState(initialWord);
  const [epochs, setEpochs] = useState(FINE_TUNE_DEFAULTS.epochs);
  const [state, setState] = useState<{ phase: 'idle' | 'running' | 'done' | 'cancelled'; progress: number; after: KeyedVectors | null; newWords: string[] }>({ phase: 'idle', progress: 0, after: null, newWords: [] });
  const cancel = useRef(false);
  useEffect(() => () => { cancel.current = true; }, []);

  const start = () => {
    cancel.current = false;
    const tuner = new FineTuner(kv, text, { ...FINE_TUNE_DEFAULTS, epochs });
    if (tuner.done) { setState({ phase: 'idle', progress: 0, after: null, newWords: [] }); return; }
    setState({ phase: 'running', progress: 0, after: null, newWords: tuner.newWords });
    const slice = () => {
      if (cancel.current) { setState((s) => ({ ...s, phase: 'cancelled' })); return; }
      tuner.run(SENTENCES_PER_SLICE);
      if (tuner.done) {
        setState({ phase: 'done', progress: 1, after: new KeyedVectors(tuner.words, tuner.vectors, tuner.dim), newWords: tuner.newWords });
      } else {
        setState((s) => ({ ...s, progress: tuner.progress }));
        setTimeout(slice, 0);
      }
    };
    setTimeout(slice, 0);
  };

  const w = word.trim().toLowerCase();
  const sentences = text.split('\n').filter((l) => l.trim()).length;
  const before = w && kv.has(w) ? kv.mostSimilar({ positive: [w], topn: TOP, restrict: FINE_TUNE_DEFAULTS.keep }) : null;
  const after = w && state.after?.has(w) ? state.after.mostSimilar({ positive: [w], topn: TOP }) : null;
  const beforeSet = new Set(before?.map((n) => n.word));
  const drift = w && state.after?.has(w) && kv.has(w) ? cosineBetween(kv.vector(w), state.after.vector(w)) : null;
  return (
    <div>
      <label>
        Domain text (one sentence per line)
        <textarea rows={6} value={text} onChange={(e) => setText(e.target.value)} style={{ width: '100%' }} aria-label="Domain text" />
      </label>
      <div className="controls">
        <label>Word to watch <input type="text" value={word} onChange={(e) => setWord(e.target.value)} aria-label="Word to watch" /></label>
        <label>
          Epochs
          <input type="range" min={5} max={100} step={5} value={epochs} onChange={(e) => setEpochs(Number(e.target.value))} aria-label="Epochs" />
          <output>{epochs}</output>
        </label>
        {state.phase === 'running' ? (
          <button type="button" onClick={() => { cancel.current = true; }}>Cancel</button>
        ) : (
          <button type="button" className="primary" onClick={start} disabled={sentences === 0}>Fine-tune</button>
        )}
        {state.phase === 'running' && <progress value={state.progress} max={1} aria-label="Fine-tuning progress" />}
        {state.phase === 'cancelled' && <span role="status">Cancelled: the shipped vectors are unchanged.</span>}
      </div>
      {sentences === 0 && <p role="alert">Type some domain text first.</p>}
      {!w ? <p role="alert">Type a word to watch.</p> : (
        <div className="widget-row">
          <div>
            <h4>Before (shipped vectors)</h4>
            {before ? <ol aria-label="Neighbours before">{before.map((n) => <li key={n.word}>{n.word} <span className="muted">{fmt(n.score, 2)}</span></li>)}</ol>
              : <p role="alert">“{w}” is not in the shipped vectors{state.after?.has(w) ? ': it is a new word learned only from the domain text.' : '.'}</p>}
          </div>
          <div>
            <h4>After fine-tuning</h4>
            {state.phase === 'done' ? (
              after ? (
                <>
                  <ol aria-label="Neighbours after">{after.map((n) => <li key={n.word}>{beforeSet.has(n.word) ? n.word : <strong>{n.word}</strong>} <span className="muted">{fmt(n.score, 2)}</span></li>)}</ol>
                  {drift !== null && <p aria-label="Drift">cos(before, after) for “{w}”: <strong>{fmt(drift, 2)}</strong>. Bold: new neighbours.</p>}
                </>
              ) : <p role="alert">“{w}” does not occur in the domain text or the vectors.</p>
            ) : <p className="muted">Press “Fine-tune” to train on the text above.</p>}
          </div>
        </div>
      )}
      <p className="source">
        A compact skip-gram loop written for this lesson (negative sampling, k = {FINE_TUNE_DEFAULTS.negative}, window {FINE_TUNE_DEFAULTS.window}, learning rate {FINE_TUNE_DEFAULTS.alpha} decaying, seed {FINE_TUNE_DEFAULTS.seed}),
        over the {FINE_TUNE_DEFAULTS.keep.toLocaleString('en')} most frequent shipped words plus any new words
        {state.newWords.length > 0 && <> (new here: {state.newWords.slice(0, 12).join(', ')}{state.newWords.length > 12 ? '…' : ''})</>}. Only words in the text move.
      </p>
    </div>
  );
}

function cosineBetween(a: Float32Array, b: Float32Array): number {
  let s = 0, na = 0, nb = 0;
  for (let d = 0; d < a.length; d++) { s += a[d] * b[d]; na += a[d] * a[d]; nb += b[d] * b[d]; }
  return na && nb ? s / Math.sqrt(na * nb) : 0;
}

export default function FineTuneWidget({ attrs }: WidgetProps) {
  return <VectorsGate>{(v) => <Tuner kv={v.kv} initialWord={attrs.word ?? 'cell'} />}</VectorsGate>;
}
