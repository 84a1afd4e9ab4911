// Domain fine-tuning for real: the shipped Brown skip-gram model (brown-sg100) is continued on the most recent State
// of the Union sentences by the lab's own engine, once with its output vectors kept (as continuing a model should)
// and once with them reset to zero (what continuing from a vectors file, which keeps only input vectors, does). The
// widget shows each run's loss at its start and end and a word's neighbours before and after in both. The work
// runs in a worker (src/workers/fineTune.worker.ts) with progress and cancel.
import { useMemo, useState } from 'react';
import { useWorkerRun } from '../../common/useWorkerRun';
import { proxy, wrap } from 'comlink';
import { TEXT_CHUNK_WORDS } from '../../../core/train/fineTuneText';
import { KeyedVectors } from '../../../core/vectors/keyedVectors';
import type { FineTuneApi, FineTuneRun } from '../../../workers/fineTune.worker';
import { fmt } from './vectorMath';
import type { WidgetProps } from './types';

/** Neighbours listed per space. */
export const FINE_TUNE_TOP = 10;
const ARMS = [
  { key: 'kept', title: 'Continued, output vectors kept' },
  { key: 'reset', title: 'Continued, output vectors reset to zero' },
] as const;

/** Which run is training (null: still reading the inputs) and the share of both runs done. */
type Progress = { arm: 'kept' | 'reset' | null; fraction: number };

const makeFineTuneWorker = () => new Worker(new URL('../../../workers/fineTune.worker.ts', import.meta.url), { type: 'module', name: 'fine-tune' });

function neighbours(kv: KeyedVectors, word: string): string[] {
  return kv.mostSimilar({ positive: [word], topn: FINE_TUNE_TOP }).map((n) => n.word);
}

function Results({ run, word }: { run: FineTuneRun; word: string }) {
  const spaces = useMemo(
    () => ({
      before: new KeyedVectors(run.words.slice(0, run.brownWords), run.before.subarray(0, run.brownWords * run.dim), run.dim),
      kept: new KeyedVectors(run.words, run.kept.vectors, run.dim),
      reset: new KeyedVectors(run.words, run.reset.vectors, run.dim),
    }),
    [run],
  );
  if (!word) return <p role="alert">Type a word to watch.</p>;
  if (!spaces.kept.has(word)) return <p role="alert">“{word}” is in neither the Brown model nor the SOTU sentences (at least 5 times): try health, security or program.</p>;
  const before = spaces.before.has(word) ? neighbours(spaces.before, word) : null;
  const inBefore = new Set(before ?? []);
  return (
    <>
      <table aria-label="Fine-tuning losses">
        <thead>
          <tr>
            <th scope="col">run</th>
            <th scope="col">loss over the first {TEXT_CHUNK_WORDS.toLocaleString('en')} words</th>
            <th scope="col">loss at the end</th>
          </tr>
        </thead>
        <tbody>
          {ARMS.map((a) => (
            <tr key={a.key} data-arm={a.key}>
              <th scope="row">{a.title}</th>
              <td data-testid={`first-loss-${a.key}`}>{fmt(run[a.key].firstLoss, 3)}</td>
              <td>{fmt(run[a.key].lastLoss, 3)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="widget-row">
        <div>
          <h4>Before (Brown only)</h4>
          {before ? (
            <ol aria-label="Neighbours before">{before.map((w) => <li key={w}>{w}</li>)}</ol>
          ) : (
            <p>“{word}” is not in the Brown model: it is new, learned from the SOTU sentences only.</p>
          )}
        </div>
        {ARMS.map((a) => {
          const list = neighbours(spaces[a.key], word);
          return (
            <div key={a.key}>
              <h4>{a.title}</h4>
              <ol aria-label={`Neighbours, ${a.key === 'kept' ? 'output kept' : 'output reset'}`}>
                {list.map((w) => (
                  <li key={w}>{inBefore.has(w) ? w : <strong>{w}</strong>}</li>
                ))}
              </ol>
              {before && <p className="muted">{list.filter((w) => inBefore.has(w)).length} of {FINE_TUNE_TOP} Brown neighbours kept</p>}
            </div>
          );
        })}
      </div>
      <p className="source">
        Brown skip-gram 100d (brown-sg100, the shipped model, with its output vectors) continued for 5 epochs on the last{' '}
        {run.sentences.toLocaleString('en')} sentences of the State of the Union addresses ({run.textWords.toLocaleString('en')} words at least 5 times, {run.newWords.toLocaleString('en')} of
        them new to Brown), negative samples drawn from those sentences' own word frequencies; seed 1, one run per arm. Bold: not a Brown neighbour.
      </p>
    </>
  );
}

export default function FineTuneWidget({ attrs, onState }: WidgetProps) {
  const [word, setWord] = useState(attrs.word ?? 'health');
  const { phase, progress, start, cancel } = useWorkerRun<Progress, FineTuneRun>(makeFineTuneWorker);
  const run = () =>
    start(
      (w, onProgress) =>
        wrap<FineTuneApi>(w).run(
          document.baseURI,
          proxy((arm: 'kept' | 'reset', fraction: number) => onProgress({ arm, fraction: (arm === 'kept' ? 0 : 0.5) + fraction / 2 })),
        ),
      { arm: null, fraction: 0 },
    );
  const w = word.trim().toLowerCase();

  return (
    <div>
      <div className="controls">
        <label>
          Word to watch{' '}
          <input
            type="text"
            value={word}
            onChange={(e) => {
              setWord(e.target.value);
              onState?.({ word: e.target.value });
            }}
          />
        </label>
        {progress ? (
          <>
            <progress value={progress.fraction} max={1} aria-label="Fine-tuning progress" />{' '}
            <span role="status">{progress.arm === null ? 'Reading the model and the speeches…' : `Training, output vectors ${progress.arm}…`}</span>{' '}
            <button type="button" onClick={cancel}>
              Cancel
            </button>
          </>
        ) : (
          <button type="button" className="primary" onClick={run}>
            Fine-tune on SOTU
          </button>
        )}
      </div>
      {phase.kind === 'error' && <p role="alert">{phase.message}</p>}
      {phase.kind === 'done' ? <Results run={phase.result} word={w} /> : (phase.kind === 'idle' || phase.kind === 'cancelled') && <p className="muted">Press “Fine-tune on SOTU”: two runs of about 10 seconds each on one core.</p>}
    </div>
  );
}
