// A wevi-like view: train a tiny word2vec one example at a time on a toy corpus (or the student's own sentences)
// and watch both weight matrices, as heatmaps and as points in 2-D. "Next pair" shows the forward pass and the
// gradients; "Apply update" applies them; "Run 100 steps" fast-forwards. When the weights blow up (learning rate
// too high) the view says so, names the cause and offers the last sane state or a reset with a smaller rate.
import { useEffect, useRef, useState } from 'react';
import { TOY_CORPORA } from '../../core/text/toyCorpora';
import type { ModelKind } from '../../core/train/types';
import { ExampleView } from './ExampleView';
import { StepPlot } from './StepPlot';
import { WeightHeatmap } from './WeightHeatmap';
import {
  DEFAULT_STEP_CONFIG,
  EXPLOSION_LIMIT,
  OWN_CORPUS,
  RECENT_LOSSES,
  applyUpdate,
  createStepModel,
  hasDiverged,
  largestWeight,
  meanRecentLoss,
  nextExample,
  restoreStepState,
  saveStepState,
  type Example,
  type StepConfig,
  type StepModel,
  type StepObjective,
  type StepState,
} from './stepModel';
import { checkToySentences } from './toySentences';
import './stepper.css';

/** Steps taken by the two fast-forward buttons. */
const RUN_STEPS = 100;
const RUN_MANY_STEPS = 1000;
/** "Reset with a smaller rate" divides the learning rate by this. */
const SAFER_RATE_DIVISOR = 10;

interface View {
  example: Example | null;
  applied: boolean;
  changed: { inputRows: number[]; outputRows: number[] } | null;
}

const EMPTY_VIEW: View = { example: null, applied: false, changed: null };

/** The keys of this view (shown under its buttons); the live lab's keys rest while it is open. */
const STEP_KEYS = { next: 'n', apply: 'a', step: 'ArrowRight', run: 'g', reset: 'r' } as const;

export function StepThrough(props: { corpus?: string }) {
  // Accepts the toy corpus key ("fruit") or the lab's corpus name for it ("toy-fruit").
  const requested = props.corpus?.replace(/^toy-/, '');
  const initialCorpus = requested && TOY_CORPORA[requested] ? requested : DEFAULT_STEP_CONFIG.corpus;
  const [config, setConfig] = useState<StepConfig>({ ...DEFAULT_STEP_CONFIG, corpus: initialCorpus });
  const [ownText, setOwnText] = useState<string | null>(null);
  const [draft, setDraft] = useState('the king rules the land\nthe queen rules the land\nthe cat drinks milk\nthe dog drinks water\n');
  const [draftError, setDraftError] = useState<string | null>(null);
  const [model, setModel] = useState<StepModel>(() => createStepModel(config));
  const [view, setView] = useState<View>(EMPTY_VIEW);
  const [version, setVersion] = useState(0);
  /** The state after the last update that left the weights sane (before any explosion). */
  const lastSane = useRef<StepState>(saveStepState(model));

  const restart = (next: StepConfig, text = ownText) => {
    setConfig(next);
    const m = createStepModel(next, text ?? undefined);
    setModel(m);
    lastSane.current = saveStepState(m);
    setView(EMPTY_VIEW);
    setVersion((v) => v + 1);
  };

  const diverged = hasDiverged(model, view.example);
  const afterUpdate = () => {
    if (!hasDiverged(model, null)) lastSane.current = saveStepState(model);
    setVersion((v) => v + 1);
  };
  const onNext = () => {
    if (diverged) return;
    setView({ example: nextExample(model), applied: false, changed: null });
  };
  const onApply = () => {
    if (!view.example || view.applied || diverged) return;
    const changed = applyUpdate(model, view.example);
    afterUpdate();
    setView({ example: view.example, applied: true, changed });
  };
  const onRun = (steps: number) => {
    if (diverged) return;
    let last: Example | null = null;
    let changed = null;
    for (let i = 0; i < steps && !hasDiverged(model, last); i++) {
      last = nextExample(model);
      changed = applyUpdate(model, last);
      if (!hasDiverged(model, last)) lastSane.current = saveStepState(model);
    }
    setVersion((v) => v + 1);
    setView({ example: last, applied: true, changed });
  };
  const goBack = () => {
    restoreStepState(model, lastSane.current);
    setView(EMPTY_VIEW);
    setVersion((v) => v + 1);
  };
  const saferRate = Number((config.alpha / SAFER_RATE_DIVISOR).toPrecision(2));

  // Keys: one handler reading the latest closures through a ref.
  const keys = useRef<(e: KeyboardEvent) => void>(() => undefined);
  keys.current = (e: KeyboardEvent) => {
    if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
    const t = e.target as HTMLElement | null;
    if (t && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName) || t.closest('dialog[open]'))) return;
    const k = e.key.length === 1 ? e.key.toLowerCase() : e.key;
    const act: Record<string, () => void> = {
      [STEP_KEYS.next]: onNext,
      [STEP_KEYS.apply]: onApply,
      [STEP_KEYS.step]: () => onRun(1),
      [STEP_KEYS.run]: () => onRun(RUN_STEPS),
      [STEP_KEYS.reset]: () => restart(config),
    };
    const fn = act[k];
    if (!fn) return;
    e.preventDefault();
    fn();
  };
  useEffect(() => {
    const h = (e: KeyboardEvent) => keys.current(e);
    window.addEventListener('keydown', h);
    return () => window.removeEventListener('keydown', h);
  }, []);

  const useOwn = () => {
    const r = checkToySentences(draft);
    if (!r.ok) {
      setDraftError(r.message);
      return;
    }
    setDraftError(null);
    setOwnText(r.text);
    restart({ ...config, corpus: OWN_CORPUS }, r.text);
  };

  const toy = config.corpus === OWN_CORPUS ? null : TOY_CORPORA[config.corpus];
  const pendingIn = view.example && !view.applied ? view.example.inputIds : [];
  const pendingOut = view.example && !view.applied ? view.example.outputIds : [];
  const loss = meanRecentLoss(model);
  const biggest = largestWeight(model);
  return (
    <section className="stepper" aria-label="Step-by-step training">
      <div className="stepper-controls">
        <label>
          Toy corpus{' '}
          <select value={config.corpus} onChange={(e) => restart({ ...config, corpus: e.target.value })}>
            {Object.entries(TOY_CORPORA).map(([key, c]) => (
              <option key={key} value={key}>
                {c.title}
              </option>
            ))}
            {ownText && <option value={OWN_CORPUS}>Your sentences</option>}
          </select>
        </label>
        <label>
          Model{' '}
          <select value={config.model} onChange={(e) => restart({ ...config, model: e.target.value as ModelKind })}>
            <option value="skipgram">Skip-gram</option>
            <option value="cbow">CBOW</option>
          </select>
        </label>
        <label>
          Objective{' '}
          <select value={config.objective} onChange={(e) => restart({ ...config, objective: e.target.value as StepObjective })}>
            <option value="negative">Negative sampling ({config.negative} noise words)</option>
            <option value="softmax">Full softmax</option>
          </select>
        </label>
        <label>
          Learning rate{' '}
          <input
            type="number"
            min={0.001}
            max={2}
            step={0.01}
            value={config.alpha}
            onChange={(e) => {
              const alpha = Number(e.target.value);
              if (alpha > 0 && alpha <= 2) {
                const next = { ...config, alpha };
                setConfig(next);
                model.config = next; // takes effect from the next update; the weights are kept
              }
            }}
          />
        </label>
        <label>
          Seed{' '}
          <input
            type="number"
            min={0}
            step={1}
            value={config.seed}
            onChange={(e) => {
              const seed = Math.floor(Number(e.target.value));
              if (Number.isFinite(seed) && seed >= 0) restart({ ...config, seed });
            }}
          />
        </label>
      </div>
      <details className="stepper-own">
        <summary>Use your own sentences</summary>
        <label>
          Your sentences (one per line, at least two words each)
          <br />
          <textarea rows={5} value={draft} onChange={(e) => setDraft(e.target.value)} />
        </label>
        <div className="button-row">
          <button type="button" onClick={useOwn}>
            Train on these sentences
          </button>
        </div>
        {draftError && (
          <p role="alert" className="error">
            {draftError}
          </p>
        )}
      </details>
      <div className="stepper-buttons">
        <button type="button" className="primary" onClick={onNext} disabled={diverged} title="Key: N">
          Next pair
        </button>
        <button type="button" onClick={onApply} disabled={!view.example || view.applied || diverged} title="Key: A">
          Apply update
        </button>
        <button type="button" onClick={() => onRun(RUN_STEPS)} disabled={diverged} title="Key: G">
          Run {RUN_STEPS} steps
        </button>
        <button type="button" onClick={() => onRun(RUN_MANY_STEPS)} disabled={diverged}>
          Run {RUN_MANY_STEPS.toLocaleString('en-US')} steps
        </button>
        <button type="button" onClick={() => restart(config)} title="Key: R">
          Reset
        </button>
      </div>
      <p className="muted small">Keys: N next pair, A apply its update, → one whole step, G run {RUN_STEPS} steps, R reset.</p>
      <p className="muted">
        {toy ? toy.description : 'Your own sentences.'} {model.words.length} words, {config.dim} dimensions, seed {config.seed}. As in
        word2vec.c, skip-gram trains each context word to predict the centre word (the same pairs as centre → context, seen from
        the other side).
      </p>
      <p aria-live="polite">
        Updates applied: <strong aria-label="Updates applied">{model.steps}</strong>
        {Number.isFinite(loss) && (
          <>
            {' '}· mean loss over the last {Math.min(RECENT_LOSSES, model.recentLoss.length)}: <strong>{loss.toFixed(3)}</strong>
          </>
        )}
        {' '}· largest weight: <strong aria-label="Largest weight">{Number.isFinite(biggest) ? biggest.toPrecision(3) : String(biggest)}</strong>
      </p>
      {diverged && (
        <div role="alert" className="stepper-explosion">
          <p>
            <strong>The weights exploded</strong> after {model.steps} updates: the largest is now{' '}
            {Number.isFinite(biggest) ? biggest.toExponential(1) : String(biggest)} (in a sane run they stay below about 12; past {EXPLOSION_LIMIT} every score saturates the sigmoid and the updates
            only push the weights further out).
          </p>
          <p>
            Cause: the learning rate {config.alpha} is too large for this model. Each update overshoots the minimum, the next
            gradient is larger, and the overshoot grows until the numbers run out of range.
          </p>
          <div className="button-row wrap">
            <button type="button" className="primary" onClick={goBack}>
              Go back to the last sane state (update {lastSane.current.steps})
            </button>
            <button type="button" onClick={() => restart({ ...config, alpha: saferRate })}>
              Reset with learning rate {saferRate}
            </button>
          </div>
        </div>
      )}
      {view.example ? (
        <ExampleView model={model} example={view.example} applied={view.applied} />
      ) : (
        <p>Press "Next pair" to pick a training example from the corpus.</p>
      )}
      <div className="stepper-matrices">
        <WeightHeatmap
          title="W_in"
          description="input vectors (the embeddings)"
          words={model.words}
          values={model.wIn}
          dim={config.dim}
          pendingRows={pendingIn}
          changedRows={view.changed?.inputRows}
        />
        <WeightHeatmap
          title="W_out"
          description="output vectors (start at zero)"
          words={model.words}
          values={model.wOut}
          dim={config.dim}
          pendingRows={pendingOut.length > 20 ? [] : pendingOut}
          changedRows={view.changed && view.changed.outputRows.length <= 20 ? view.changed.outputRows : []}
        />
        <StepPlot words={model.words} wIn={model.wIn} wOut={model.wOut} dim={config.dim} version={version} highlight={view.changed?.inputRows ?? pendingIn} />
      </div>
    </section>
  );
}
