// Probing for part of speech: a linear (softmax) probe reads each word's most frequent Brown tag off its frozen
// vector, trained on most word types and scored on held-out ones, beside the control task of Hewitt and Liang (a
// random tag per word type, drawn from the same tag distribution) and the majority class. Runs in a worker
// (src/workers/probe.worker.ts) with progress and cancel; the core is src/core/probe.
import { useEffect, useRef, useState } from 'react';
import { useReportState } from './useReportState';
import { proxy, transfer, wrap } from 'comlink';
import type { KeyedVectors } from '../../../core/vectors/keyedVectors';
import type { ProbeReport } from '../../../core/probe/runProbe';
import type { Spread } from '../../../core/transfer/transferCurve';
import type { ProbeApi } from '../../../workers/probe.worker';
import { VectorsGate } from './VectorsGate';
import { numAttr, type WidgetProps } from './types';

/** The widget's defaults: the core's 5,000 most frequent tagged words, and three seeds (a few seconds). */
const DEFAULT_WORDS = 5000;
const DEFAULT_SEEDS = 3;
/** The inputs' bounds: the same as the directive's schema (widgetSchemas.ts), so a link can hold any value typed here. */
const MIN_WORDS = 100;
const MAX_WORDS = 20_000;
const MIN_SEEDS = 1;
const MAX_SEEDS = 10;

/** A typed whole number within [min, max], or null. */
function wholeIn(text: string, min: number, max: number): number | null {
  if (!/^\s*\d+\s*$/.test(text)) return null;
  const n = Number(text);
  return n >= min && n <= max ? n : null;
}

const pct = (x: number) => `${Math.round(100 * x)}%`;
const range = (s: Spread) => `${pct(s.min)}–${pct(s.max)}`;
const points = (x: number) => `${x >= 0 ? '+' : ''}${Math.round(100 * x)}`;

type Phase = { kind: 'idle' } | { kind: 'running'; done: number; total: number } | { kind: 'done'; report: ProbeReport & { considered: number } } | { kind: 'error'; message: string };

function PosProbe({ kv, maxWords, seeds }: { kv: KeyedVectors; maxWords: number; seeds: number }) {
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const worker = useRef<Worker | null>(null);
  useEffect(() => () => worker.current?.terminate(), []);
  // New vectors or settings: an old answer would describe another run.
  useEffect(() => {
    worker.current?.terminate();
    worker.current = null;
    setPhase({ kind: 'idle' });
  }, [kv, maxWords, seeds]);

  const run = async () => {
    worker.current?.terminate();
    const w = new Worker(new URL('../../../workers/probe.worker.ts', import.meta.url), { type: 'module', name: 'probe' });
    worker.current = w;
    const seedList = Array.from({ length: seeds }, (_, i) => i + 1);
    setPhase({ kind: 'running', done: 0, total: 2 * seeds });
    const vectors = kv.vectors.slice(0, kv.size * kv.dim);
    try {
      const report = await wrap<ProbeApi>(w).probe(
        document.baseURI,
        [...kv.words],
        transfer(vectors, [vectors.buffer]),
        kv.dim,
        { maxWords, seeds: seedList },
        proxy((done: number, total: number) => {
          if (worker.current === w) setPhase({ kind: 'running', done, total });
        }),
      );
      if (worker.current === w) setPhase({ kind: 'done', report });
    } catch (e) {
      if (worker.current === w) setPhase({ kind: 'error', message: e instanceof Error ? e.message : String(e) });
    } finally {
      if (worker.current === w) {
        w.terminate();
        worker.current = null;
      }
    }
  };
  const cancel = () => {
    worker.current?.terminate();
    worker.current = null;
    setPhase({ kind: 'idle' });
  };

  return (
    <div>
      <div className="controls">
        <button type="button" onClick={() => void run()} disabled={phase.kind === 'running'}>
          Train the probe and the control
        </button>
        {phase.kind === 'running' && (
          <>
            <label>
              Probes trained <progress max={phase.total} value={phase.done} aria-label="Probe progress" /> {phase.done} / {phase.total}
            </label>
            <button type="button" onClick={cancel}>
              Cancel
            </button>
          </>
        )}
      </div>
      {phase.kind === 'error' && <p role="alert">{phase.message}</p>}
      {phase.kind === 'done' && <Report r={phase.report} />}
    </div>
  );
}

function Report({ r }: { r: ProbeReport & { considered: number } }) {
  const majorityClass = r.classes[r.classCounts.indexOf(Math.max(...r.classCounts))];
  return (
    <div className="widget-row">
      <div>
        <table aria-label="Probe accuracy">
          <thead>
            <tr>
              <th scope="col">held-out words</th>
              <th scope="col">mean</th>
              <th scope="col">range over seeds</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">Probe: part of speech</th>
              <td className="big" aria-label="Probe accuracy on held-out words">{pct(r.accuracy.mean)}</td>
              <td>{range(r.accuracy)}</td>
            </tr>
            <tr>
              <th scope="row">Control task: random tag per word</th>
              <td aria-label="Control accuracy">{pct(r.control.mean)}</td>
              <td>{range(r.control)}</td>
            </tr>
            <tr>
              <th scope="row">Always answer “{majorityClass}”</th>
              <td aria-label="Majority accuracy">{pct(r.majority.mean)}</td>
              <td>{range(r.majority)}</td>
            </tr>
            <tr>
              <th scope="row">Selectivity (probe − control)</th>
              <td aria-label="Selectivity">{points(r.selectivity.mean)} points</td>
              <td>
                {points(r.selectivity.min)} to {points(r.selectivity.max)}
              </td>
            </tr>
          </tbody>
        </table>
        <p role="status" data-testid="probe-verdict">
          {r.beyondBaselines
            ? 'On every seed the probe beats both the majority class and the control task: part of speech can be read linearly off these vectors, for words the probe never saw.'
            : 'Not beyond the baselines: on some seed the majority class or the control task does as well as the probe, so this run shows no linear part-of-speech signal beyond noise.'}
        </p>
        <p className="muted">
          {r.words.toLocaleString('en')} word types (the most frequent tagged ones), {r.testWords.toLocaleString('en')} held out per seed; seeds{' '}
          {r.seeds.join(', ')}. On the training words the probe gets {pct(r.trainAccuracy.mean)} and the control{' '}
          {pct(r.controlTrain.mean)}: a linear probe can barely memorise random tags. Tags: the coarse class of each word's most
          frequent tag in the Brown corpus (a word with several uses counts as its commonest one).
        </p>
      </div>
      <table aria-label="Held-out accuracy per part of speech">
        <thead>
          <tr>
            <th scope="col">part of speech</th>
            <th scope="col">held-out words</th>
            <th scope="col">probe right</th>
          </tr>
        </thead>
        <tbody>
          {r.perClass
            .filter((c) => c.testWords > 0)
            .map((c) => (
              <tr key={c.name}>
                <td>{c.name}</td>
                <td className="num">{Math.round(c.testWords)}</td>
                <td className="num">{pct(c.accuracy)}</td>
              </tr>
            ))}
        </tbody>
      </table>
    </div>
  );
}

export default function ProbeWidget({ attrs, onState }: WidgetProps) {
  const [wordsText, setWordsText] = useState(String(numAttr(attrs, 'words', DEFAULT_WORDS)));
  const [seedsText, setSeedsText] = useState(String(numAttr(attrs, 'seeds', DEFAULT_SEEDS)));
  const maxWords = wholeIn(wordsText, MIN_WORDS, MAX_WORDS);
  const seeds = wholeIn(seedsText, MIN_SEEDS, MAX_SEEDS);
  // The link keeps the last valid inputs (and the vectors the widget shows), so it always reopens a runnable probe.
  const valid = useRef({ words: wordsText.trim(), seeds: seedsText.trim() });
  if (maxWords !== null && seeds !== null) valid.current = { words: String(maxWords), seeds: String(seeds) };
  useReportState(onState, { ...(attrs.vectors ? { vectors: attrs.vectors } : {}), ...valid.current });
  return (
    <div>
      <div className="controls">
        <label>
          Words to probe{' '}
          <input
            type="number"
            min={MIN_WORDS}
            max={MAX_WORDS}
            step={100}
            value={wordsText}
            onChange={(e) => setWordsText(e.target.value)}
            aria-label="Words to probe (the most frequent tagged ones)"
            aria-invalid={maxWords === null}
          />
        </label>{' '}
        <label>
          Seeds{' '}
          <input
            type="number"
            min={MIN_SEEDS}
            max={MAX_SEEDS}
            value={seedsText}
            onChange={(e) => setSeedsText(e.target.value)}
            aria-label="Seeds (train/test splits)"
            aria-invalid={seeds === null}
          />
        </label>
      </div>
      {maxWords === null || seeds === null ? (
        <p role="alert">
          {maxWords === null && `Words to probe: a whole number from ${MIN_WORDS} to ${MAX_WORDS.toLocaleString('en')}. `}
          {seeds === null && `Seeds: a whole number from ${MIN_SEEDS} to ${MAX_SEEDS}.`}
        </p>
      ) : (
        <VectorsGate>{(v) => <PosProbe kv={v.kv} maxWords={maxWords} seeds={seeds} />}</VectorsGate>
      )}
    </div>
  );
}
