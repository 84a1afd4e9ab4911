// Opening lesson: train a tiny network with a 2-D bottleneck live and watch the codes move. Three set-ups show the
// step from an autoencoder (reconstruct the input) to word2vec (predict the neighbours from a one-hot input).
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { AE_GROUPS, buildAeData, generatedCorpus, TinyAutoencoder, type AeMode } from '../../../core/lessonModels/autoencoder';
import { Scatter } from './Scatter';
import { numAttr, type WidgetProps } from './types';
import { useReportState } from './useReportState';

/** Steps per animation frame: enough to finish a few hundred steps in a few seconds, few enough to see motion. */
const STEPS_PER_FRAME = 2;
const DEFAULT_STEPS = 400;
const MAX_WORDS = 20;
const WINDOW = 2;

const MODES: { id: AeMode; label: string }[] = [
  { id: 'onehot-self', label: 'one-hot in, same one-hot out (plain autoencoder)' },
  { id: 'cooc-self', label: 'co-occurrence row in, same row out (autoencoder on contexts)' },
  { id: 'onehot-ctx', label: 'one-hot in, neighbour words out (skip-gram)' },
];

const FRUIT = new Set(AE_GROUPS.fruit);
const DRINKS = new Set(AE_GROUPS.drinks);
const CORPUS = generatedCorpus();
const SENTENCES = CORPUS.split('\n').length;
const groupOf = (w: string) => (FRUIT.has(w) ? 1 : DRINKS.has(w) ? 2 : 0);

export default function AutoencoderWidget({ attrs, onState }: WidgetProps) {
  const data = useMemo(() => buildAeData(CORPUS, WINDOW, MAX_WORDS), []);
  const totalSteps = numAttr(attrs, 'steps', DEFAULT_STEPS);
  const [mode, setMode] = useState<AeMode>((attrs.mode as AeMode) ?? 'onehot-ctx');
  const [seed, setSeed] = useState(numAttr(attrs, 'seed', 1));
  useReportState(onState, { mode, seed: String(seed) });
  const modelRef = useRef<TinyAutoencoder | null>(null);
  const [, setFrame] = useState(0);
  const uid = useId();
  const [running, setRunning] = useState(false);
  const [steps, setSteps] = useState(0);

  if (!modelRef.current || modelRef.current.mode !== mode) modelRef.current = new TinyAutoencoder(data, mode, seed);

  const reset = (m: AeMode, s: number) => {
    modelRef.current = new TinyAutoencoder(data, m, s);
    setSteps(0);
    setRunning(false);
    setFrame((f) => f + 1);
  };

  useEffect(() => {
    if (!running) return;
    let raf = 0;
    const tick = () => {
      const model = modelRef.current!;
      let done = 0;
      for (let i = 0; i < STEPS_PER_FRAME && steps + done < totalSteps; i++, done++) model.step();
      setSteps((s) => s + done);
      setFrame((f) => f + 1);
      if (steps + done >= totalSteps) setRunning(false);
    };
    raf = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(raf);
  }, [running, steps, totalSteps]);

  const model = modelRef.current;
  const codes = model.codes();
  const points = codes.map(([x, y], i) => ({ label: data.words[i], x, y, group: groupOf(data.words[i]) }));
  return (
    <div>
      <fieldset className="controls">
        <legend>What the network learns to output</legend>
        {MODES.map((m) => (
          <label key={m.id}>
            <input type="radio" name={`${uid}-mode`} checked={mode === m.id} onChange={() => { setMode(m.id); reset(m.id, seed); }} /> {m.label}
          </label>
        ))}
      </fieldset>
      <div className="controls">
        <button type="button" className="primary" onClick={() => setRunning(!running)} disabled={steps >= totalSteps}>
          {running ? 'Pause' : steps === 0 ? 'Train' : 'Continue'}
        </button>
        <button type="button" onClick={() => reset(mode, seed)}>Reset</button>
        <label>
          Seed <input type="number" value={seed} min={1} style={{ width: '5rem' }} onChange={(e) => { const s = Number(e.target.value) || 1; setSeed(s); reset(mode, s); }} />
        </label>
        <span aria-label="Training step">step {steps} / {totalSteps}</span>
        <span aria-label="Reconstruction loss">loss {Number.isFinite(model.lastLoss) ? model.lastLoss.toFixed(3) : '–'}</span>
      </div>
      <Scatter
        points={points}
        label={`Bottleneck coordinates of ${data.words.length} words after ${steps} steps (${mode})`}
        legend={['other words', 'fruit', 'drinks']}
      />
      <p className="source">
        Data: {SENTENCES} generated sentences such as “{CORPUS.split('\n')[0]}” and “{CORPUS.split('\n')[SENTENCES - 1]}”, {data.words.length} words, window ±{WINDOW}.
        Seed {seed}.
      </p>
      <details>
        <summary>Coordinates as a table</summary>
        <table>
          <thead><tr><th>word</th><th>h₁</th><th>h₂</th></tr></thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.label}><td>{p.label}</td><td>{p.x.toFixed(3)}</td><td>{p.y.toFixed(3)}</td></tr>
            ))}
          </tbody>
        </table>
      </details>
    </div>
  );
}
