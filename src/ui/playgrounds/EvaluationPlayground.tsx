// Evaluation: analogy accuracy per section (bar chart) and similarity Spearman (scatter of gold vs cosine) on the
// active vectors, with the project's own sets (bundled) or a file the user brings.
import { useId, useMemo, useRef, useState } from 'react';
import type { Data, Layout } from 'plotly.js-dist-min';
import type { KeyedVectors } from '../../core/vectors/keyedVectors';
import { Cancelled, detectBenchmark, runAnalogies, runSimilarity, type AnalogyRun } from './evalRun';
import { Plot } from './Plot';
import { plotTexts } from '../plotText';
import { useActiveVectors } from './shippedVectors';
import type { ParamsChange } from './usePlaygroundParams';
import { VectorsStatus } from './VectorsStatus';
import { fmt } from './words';

// The project's own sets (data/eval/, written by the vectors helper), bundled as text; loaded on first use.
const BUNDLED = import.meta.glob('../../../data/eval/*.txt', { query: '?raw', import: 'default' }) as Record<string, () => Promise<string>>;
const bundledNamed = (name: string) => Object.entries(BUNDLED).find(([path]) => path.endsWith(`/${name}`))?.[1];

export interface EvaluationProps {
  method?: '3cosadd' | '3cosmul';
  onParamsChange?: ParamsChange;
}

export function evaluationPropsFromParams(p: URLSearchParams): EvaluationProps {
  return { method: p.get('method') === '3cosmul' ? '3cosmul' : '3cosadd' };
}

type SimResult = ReturnType<typeof runSimilarity>;

export function EvaluationPlayground(props: EvaluationProps) {
  const { active, kv, loading } = useActiveVectors();
  const radioName = useId();
  const [method, setMethod] = useState<'3cosadd' | '3cosmul'>(props.method ?? '3cosadd');
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [analogy, setAnalogy] = useState<{ run: AnalogyRun; file: string; vectors: string } | null>(null);
  const [similarity, setSimilarity] = useState<{ run: SimResult; file: string; vectors: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const runText = async (kvNow: KeyedVectors, text: string, file: string, kind: 'analogies' | 'similarity') => {
    setError(null);
    if (kind === 'similarity') {
      const run = runSimilarity(kvNow, text, file);
      setSimilarity({ run, file, vectors: active?.label ?? '' });
      setStatus(`Similarity done: ${file}.`);
      return;
    }
    abort.current?.abort();
    const ctl = new AbortController();
    abort.current = ctl;
    setProgress({ done: 0, total: 1 });
    setStatus(null);
    try {
      const run = await runAnalogies(kvNow, text, {
        fileName: file,
        method,
        restrict: kvNow.size,
        signal: ctl.signal,
        onProgress: (done, total) => setProgress({ done, total }),
      });
      setAnalogy({ run, file, vectors: active?.label ?? '' });
      setStatus(`Analogies done: ${file}.`);
      props.onParamsChange?.({ method });
    } catch (e) {
      if (e instanceof Cancelled) setStatus('Analogy evaluation cancelled.');
      else throw e;
    } finally {
      setProgress(null);
      if (abort.current === ctl) abort.current = null;
    }
  };
  const guard = (p: Promise<void>) => p.catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));

  const runBundled = (kind: 'analogies' | 'similarity') => {
    if (!kv) return;
    const name = kind === 'analogies' ? 'analogies.txt' : 'similarity.txt';
    const load = bundledNamed(name);
    if (!load) {
      setError(`The project's ${name} is not in this build (data/eval/${name} is missing).`);
      return;
    }
    void guard(load().then((text) => runText(kv, text, name, kind)));
  };
  const runFile = async (f: File | undefined) => {
    if (!kv || !f) return;
    const text = await f.text();
    if (text.trim() === '') throw new Error(`${f.name} is empty.`);
    const kind = detectBenchmark(text);
    if (!kind) {
      throw new Error(
        `${f.name}: cannot tell what this file holds. Analogy files have ": section" lines and four words per line; similarity files have two words and a score per line.`,
      );
    }
    await runText(kv, text, f.name, kind);
  };

  return (
    <section className="playground" aria-label="Evaluation">
      <h2>Evaluation</h2>
      <VectorsStatus active={active} loading={loading} />
      <div className="inputs">
        <fieldset className="inline">
          <legend>Analogy method</legend>
          <label>
            <input type="radio" name={radioName} checked={method === '3cosadd'} onChange={() => setMethod('3cosadd')} /> 3CosAdd
          </label>
          <label>
            <input type="radio" name={radioName} checked={method === '3cosmul'} onChange={() => setMethod('3cosmul')} /> 3CosMul
          </label>
        </fieldset>
        <button type="button" className="primary" disabled={!kv || progress !== null} onClick={() => runBundled('analogies')}>
          Run the analogy set
        </button>
        <button type="button" className="primary" disabled={!kv} onClick={() => runBundled('similarity')}>
          Run the similarity set
        </button>
        {progress && (
          <>
            <label>
              Analogy questions{' '}
              <progress max={progress.total} value={progress.done} aria-label="Evaluation progress" /> {progress.done} / {progress.total}
            </label>
            <button type="button" onClick={() => abort.current?.abort()}>
              Cancel evaluation
            </button>
          </>
        )}
      </div>
      <div className="inputs">
        <label>
          Benchmark file (questions-words analogies, or word1 word2 score){' '}
          <input ref={fileInput} type="file" accept=".txt,.tsv,.csv" disabled={!kv || progress !== null} onChange={(e) => void guard(runFile(e.target.files?.[0]))} />
        </label>
      </div>
      <p className="muted">
        Analogy questions count only when all four words are in the vocabulary (coverage shows how many); the answer
        must be the top word, with the three question words excluded. Similarity: Spearman rank correlation between
        the human scores and the cosines of the pairs whose two words are known.
      </p>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {status && <p role="status">{status}</p>}
      <div className="result-grid">
        {analogy && <AnalogyReport {...analogy} />}
        {similarity && <SimilarityReport {...similarity} />}
      </div>
    </section>
  );
}

function pct(x: number): string {
  return Number.isFinite(x) ? `${(x * 100).toFixed(1)}%` : '—';
}

function AnalogyReport({ run, file, vectors }: { run: AnalogyRun; file: string; vectors: string }) {
  const data: Data[] = useMemo(
    () => [{ type: 'bar', x: plotTexts(run.sections.map((s) => s.name)), y: run.sections.map((s) => (s.total ? s.correct / s.total : 0)), hovertemplate: '%{x}: %{y:.1%}<extra></extra>' }],
    [run],
  );
  const layout = useMemo((): Partial<Layout> => ({ yaxis: { title: { text: 'accuracy' }, range: [0, 1], tickformat: '.0%' }, xaxis: { automargin: true }, showlegend: false }), []);
  return (
    <div className="result" aria-label="Analogy results">
      <h3>Analogies: {file}</h3>
      <p>
        Accuracy <strong data-testid="analogy-accuracy">{pct(run.overall.accuracy)}</strong> ({run.overall.correct} of{' '}
        {run.overall.total}); semantic {pct(run.semantic.accuracy)}, syntactic {pct(run.syntactic.accuracy)}. Coverage{' '}
        {pct(run.coverage)} ({run.skipped} questions skipped for unknown words). Vectors: {vectors}.
      </p>
      <table className="results-table" aria-label="Accuracy per section">
        <thead>
          <tr>
            <th scope="col">Section</th>
            <th scope="col">Correct</th>
            <th scope="col">Asked</th>
            <th scope="col">Skipped</th>
            <th scope="col">Accuracy</th>
          </tr>
        </thead>
        <tbody>
          {run.sections.map((s) => (
            <tr key={s.name} data-section={s.name} data-correct={s.correct} data-total={s.total}>
              <td>{s.name}</td>
              <td className="num">{s.correct}</td>
              <td className="num">{s.total}</td>
              <td className="num">{s.skipped}</td>
              <td className="num">{pct(s.total ? s.correct / s.total : NaN)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Plot label="Analogy accuracy per section" summary={`${run.sections.length} sections; overall ${pct(run.overall.accuracy)}.`} data={data} layout={layout} height={360} />
    </div>
  );
}

function SimilarityReport({ run, file, vectors }: { run: SimResult; file: string; vectors: string }) {
  const data: Data[] = useMemo(
    () => [
      {
        type: 'scatter',
        mode: 'markers',
        x: run.points.map((p) => p.gold),
        y: run.points.map((p) => p.cosine),
        text: plotTexts(run.points.map((p) => `${p.a} / ${p.b}`)),
        hovertemplate: '%{text}: gold %{x}, cosine %{y:.3f}<extra></extra>',
        marker: { size: 7 },
      },
    ],
    [run],
  );
  const layout = useMemo((): Partial<Layout> => ({ xaxis: { title: { text: 'human score (gold)' } }, yaxis: { title: { text: 'cosine' } }, showlegend: false }), []);
  return (
    <div className="result" aria-label="Similarity results">
      <h3>Similarity: {file}</h3>
      <p>
        Spearman <strong data-testid="spearman">{fmt(run.spearman, 3)}</strong>, Pearson {fmt(run.pearson, 3)} over {run.pairs} pairs;{' '}
        {run.oov} pairs left out for unknown words ({pct(run.oovShare)}). Vectors: {vectors}.
      </p>
      <Plot label="Gold score against cosine" summary={`${run.points.length} word pairs: human score (x) against cosine (y).`} data={data} layout={layout} height={360} />
    </div>
  );
}
