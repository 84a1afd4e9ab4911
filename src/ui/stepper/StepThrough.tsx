// A wevi-like view: train a tiny word2vec one example at a time on a toy corpus and watch both weight matrices.
// "Next pair" shows the forward pass and the gradients; "Apply update" applies them; "Run 100 steps" fast-forwards.
import { useState } from 'react';
import { TOY_CORPORA } from '../../core/text/toyCorpora';
import type { ModelKind } from '../../core/train/types';
import { ExampleView } from './ExampleView';
import { WeightHeatmap } from './WeightHeatmap';
import {
  DEFAULT_STEP_CONFIG,
  RECENT_LOSSES,
  applyUpdate,
  hasDiverged,
  createStepModel,
  meanRecentLoss,
  nextExample,
  type Example,
  type StepConfig,
  type StepModel,
  type StepObjective,
} from './stepModel';
import './stepper.css';

/** Steps taken by the two fast-forward buttons. */
const RUN_STEPS = 100;
const RUN_MANY_STEPS = 1000;

interface View {
  example: Example | null;
  applied: boolean;
  changed: { inputRows: number[]; outputRows: number[] } | null;
}

export function StepThrough(props: { corpus?: string }) {
  // Accepts the toy corpus key ("fruit") or the lab's corpus name for it ("toy-fruit").
  const requested = props.corpus?.replace(/^toy-/, '');
  const initialCorpus = requested && TOY_CORPORA[requested] ? requested : DEFAULT_STEP_CONFIG.corpus;
  const [config, setConfig] = useState<StepConfig>({ ...DEFAULT_STEP_CONFIG, corpus: initialCorpus });
  const [model, setModel] = useState<StepModel>(() => createStepModel(config));
  const [view, setView] = useState<View>({ example: null, applied: false, changed: null });

  const restart = (next: StepConfig) => {
    setConfig(next);
    setModel(createStepModel(next));
    setView({ example: null, applied: false, changed: null });
  };

  const onNext = () => {
    setView({ example: nextExample(model), applied: false, changed: null });
  };
  const onApply = () => {
    if (!view.example || view.applied) return;
    const changed = applyUpdate(model, view.example);
    setView({ example: view.example, applied: true, changed });
  };
  const onRun = (steps: number) => {
    let last: Example | null = null;
    let changed = null;
    for (let i = 0; i < steps && !hasDiverged(model, last); i++) {
      last = nextExample(model);
      changed = applyUpdate(model, last);
    }
    setView({ example: last, applied: true, changed });
  };
  const diverged = hasDiverged(model, view.example);

  const toy = TOY_CORPORA[config.corpus];
  const pendingIn = view.example && !view.applied ? view.example.inputIds : [];
  const pendingOut = view.example && !view.applied ? view.example.outputIds : [];
  const loss = meanRecentLoss(model);
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
      <div className="stepper-buttons">
        <button type="button" className="primary" onClick={onNext} disabled={diverged}>
          Next pair
        </button>
        <button type="button" onClick={onApply} disabled={!view.example || view.applied || diverged}>
          Apply update
        </button>
        <button type="button" onClick={() => onRun(RUN_STEPS)} disabled={diverged}>
          Run {RUN_STEPS} steps
        </button>
        <button type="button" onClick={() => onRun(RUN_MANY_STEPS)} disabled={diverged}>
          Run {RUN_MANY_STEPS.toLocaleString('en-US')} steps
        </button>
        <button type="button" onClick={() => restart(config)}>
          Reset
        </button>
      </div>
      <p className="muted">
        {toy?.description} {model.words.length} words, {config.dim} dimensions, seed {config.seed}. As in word2vec.c, skip-gram
        trains each context word to predict the centre word (the same pairs as centre → context, seen from the other side).
      </p>
      <p aria-live="polite">
        Updates applied: <strong aria-label="Updates applied">{model.steps}</strong>
        {Number.isFinite(loss) && (
          <>
            {' '}· mean loss over the last {Math.min(RECENT_LOSSES, model.recentLoss.length)}: <strong>{loss.toFixed(3)}</strong>
          </>
        )}
      </p>
      {diverged && (
        <p role="alert">
          The weights blew up to infinity or NaN after {model.steps} updates: learning rate {config.alpha} is too high for this
          model. Press Reset, or lower the learning rate and reset.
        </p>
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
      </div>
    </section>
  );
}
