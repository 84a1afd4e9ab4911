// a : b :: c : ?  with 3CosAdd and 3CosMul, the query words excluded or kept, and the arithmetic drawn in 2-D.
import { useId, useMemo, useState, type FormEvent } from 'react';
import type { Data, Layout } from 'plotly.js-dist-min';
import type { KeyedVectors, Neighbour } from '../../core/vectors/keyedVectors';
import { Plot } from './Plot';
import { plotTexts } from '../plotText';
import { ResultsTable } from './ResultsTable';
import { useActiveVectors } from './shippedVectors';
import { boolParam, numParam, type ParamsChange } from './usePlaygroundParams';
import { VectorsStatus } from './VectorsStatus';
import { WordInput } from './WordInput';
import { resolveAll, fmt } from './words';
import { pcaOfRows } from '../../core/project/pca';

type Method = '3cosadd' | '3cosmul';
/** Answers drawn in the 2-D picture besides the three query words: more than 5 turns it into a cloud. */
const PLOTTED_ANSWERS = 5;
const MAX_TOPN = 50;

export interface AnalogyProps {
  a?: string;
  b?: string;
  c?: string;
  method?: Method;
  /** Keep the query words among the answers (gensim removes them). */
  keepQuery?: boolean;
  topn?: number;
  onParamsChange?: ParamsChange;
}

interface Query {
  a: string;
  b: string;
  c: string;
  method: Method;
  keepQuery: boolean;
  topn: number;
}

export function analogyPropsFromParams(p: URLSearchParams): AnalogyProps {
  return {
    a: p.get('a') ?? undefined,
    b: p.get('b') ?? undefined,
    c: p.get('c') ?? undefined,
    method: p.get('method') === '3cosmul' ? '3cosmul' : '3cosadd',
    keepQuery: boolParam(p.get('keep') ?? undefined, false),
    topn: numParam(p.get('topn') ?? undefined, 10, 1, MAX_TOPN),
  };
}

function solve(kv: KeyedVectors, q: Query): { answers: Neighbour[]; words: string[] } | { error: string } {
  const { words, problems } = resolveAll(kv, [
    { label: 'Word a', value: q.a },
    { label: 'Word b', value: q.b },
    { label: 'Word c', value: q.c },
  ]);
  if (problems.length > 0) return { error: problems.join(' ') };
  const [a, b, c] = words;
  try {
    return { answers: kv.analogy(a, b, c, { method: q.method, topn: q.topn, includeQuery: q.keepQuery }), words };
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}

export function AnalogyPlayground(props: AnalogyProps) {
  const { active, kv, loading } = useActiveVectors();
  const radioName = useId();
  const [a, setA] = useState(props.a ?? 'man');
  const [b, setB] = useState(props.b ?? 'king');
  const [c, setC] = useState(props.c ?? 'woman');
  const [method, setMethod] = useState<Method>(props.method ?? '3cosadd');
  const [keepQuery, setKeepQuery] = useState(props.keepQuery ?? false);
  const [topn, setTopn] = useState(props.topn ?? 10);
  const [query, setQuery] = useState<Query | null>(
    props.a && props.b && props.c ? { a: props.a, b: props.b, c: props.c, method: props.method ?? '3cosadd', keepQuery: props.keepQuery ?? false, topn: props.topn ?? 10 } : null,
  );
  const result = useMemo(() => (kv && query ? solve(kv, query) : null), [kv, query]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const q = { a, b, c, method, keepQuery, topn };
    setQuery(q);
    props.onParamsChange?.({ a, b, c, method, keep: keepQuery ? '1' : '0', topn: String(topn) });
  };

  return (
    <section className="playground" aria-label="Analogy">
      <h2>Analogy</h2>
      <VectorsStatus active={active} loading={loading} />
      <form onSubmit={submit} className="inputs">
        <WordInput label="Word a" value={a} onChange={setA} kv={kv} />
        <span aria-hidden="true">is to</span>
        <WordInput label="Word b" value={b} onChange={setB} kv={kv} />
        <span aria-hidden="true">as</span>
        <WordInput label="Word c" value={c} onChange={setC} kv={kv} />
        <span aria-hidden="true">is to ?</span>
        <fieldset className="inline">
          <legend>Method</legend>
          <label>
            <input type="radio" name={radioName} checked={method === '3cosadd'} onChange={() => setMethod('3cosadd')} /> 3CosAdd
          </label>
          <label>
            <input type="radio" name={radioName} checked={method === '3cosmul'} onChange={() => setMethod('3cosmul')} /> 3CosMul
          </label>
        </fieldset>
        <label>
          <input type="checkbox" checked={keepQuery} onChange={(e) => setKeepQuery(e.target.checked)} /> Keep the query words in the answers
        </label>
        <label>
          Answers{' '}
          <input type="number" min={1} max={MAX_TOPN} value={topn} onChange={(e) => setTopn(Math.min(MAX_TOPN, Math.max(1, Number(e.target.value) || 1)))} style={{ width: '4.5em' }} />
        </label>
        <button type="submit" className="primary" disabled={!kv}>
          Solve
        </button>
      </form>
      <p className="muted explain">
        Query words are left out of the answers by default, as gensim and the original benchmark do: otherwise
        b − a + c is usually closest to b or c themselves (king − man + woman lands nearest to <em>king</em>), which
        would hide every real answer. Tick the box to see this for yourself.
      </p>
      {result && 'error' in result && (
        <p role="alert" className="error">
          {result.error}
        </p>
      )}
      {result && 'answers' in result && query && kv && <AnalogyResult kv={kv} q={query} words={result.words} answers={result.answers} />}
    </section>
  );
}

function AnalogyResult({ kv, q, words, answers }: { kv: KeyedVectors; q: Query; words: string[]; answers: Neighbour[] }) {
  const [a, b, c] = words;
  const best = answers[0];
  const formula =
    q.method === '3cosadd'
      ? `argmax over x of cos(x, v(${b}) − v(${a}) + v(${c})) on unit vectors`
      : `argmax over x of cos′(x, ${b}) · cos′(x, ${c}) / (cos′(x, ${a}) + 0.000001), with cos′ = (1 + cos) / 2`;
  return (
    <div className="result">
      {best ? (
        <p className="answer" aria-live="polite">
          <strong>{a}</strong> is to <strong>{b}</strong> as <strong>{c}</strong> is to{' '}
          <strong data-testid="analogy-answer">{best.word}</strong> ({q.method === '3cosadd' ? 'cosine' : 'score'} {fmt(best.score)})
          <br />
          <span className="notation">
            v({b}) − v({a}) + v({c}) ≈ v({best.word})
          </span>
          <br />
          <small className="muted">{formula}</small>
        </p>
      ) : (
        <p role="status">No answer: the vocabulary has no other words.</p>
      )}
      <div className="result-grid">
        <ResultsTable
          caption={`Answers (${q.method === '3cosadd' ? '3CosAdd' : '3CosMul'}, query words ${q.keepQuery ? 'kept' : 'excluded'})`}
          scoreLabel={q.method === '3cosadd' ? 'Cosine' : '3CosMul score'}
          rows={answers.map((n) => ({ word: n.word, score: n.score, note: words.includes(n.word) ? 'query word' : undefined }))}
        />
        {best && <AnalogyPicture kv={kv} a={a} b={b} c={c} answers={answers.slice(0, PLOTTED_ANSWERS).map((n) => n.word)} />}
      </div>
    </div>
  );
}

function AnalogyPicture({ kv, a, b, c, answers }: { kv: KeyedVectors; a: string; b: string; c: string; answers: string[] }) {
  const { data, layout, summary } = useMemo(() => {
    const unit = (w: string) => kv.unitVector(w);
    const target = unit(b).map((x, i) => x - unit(a)[i] + unit(c)[i]);
    const labels = [a, b, c, ...answers.filter((w) => ![a, b, c].includes(w)), 'b − a + c'];
    const rows = [...labels.slice(0, -1).map(unit), target];
    const { coords, explained } = pcaOfRows(rows);
    const at = (w: string) => coords[labels.indexOf(w)];
    const pts: Data = {
      type: 'scatter',
      mode: 'text+markers',
      x: coords.map((p) => p[0]),
      y: coords.map((p) => p[1]),
      text: plotTexts(labels),
      textposition: 'top center',
      marker: { size: 10, symbol: labels.map((w, i) => (i === labels.length - 1 ? 'x' : [a, b, c].includes(w) ? 'circle' : 'diamond')) },
      hoverinfo: 'text',
      name: 'words',
    };
    const arrow = (from: [number, number], to: [number, number], colour: string) => ({
      x: to[0], y: to[1], ax: from[0], ay: from[1], xref: 'x' as const, yref: 'y' as const, axref: 'x' as const, ayref: 'y' as const,
      showarrow: true, arrowhead: 3, arrowwidth: 2, arrowcolor: colour, text: '',
    });
    const first = answers[0];
    const lay: Partial<Layout> = {
      showlegend: false,
      annotations: [
        arrow(at(a), at(b), '#2563eb'),
        arrow(at(c), coords[labels.length - 1], '#2563eb'),
        ...(first && labels.includes(first) ? [arrow(at(c), at(first), '#dc2626')] : []),
      ],
      xaxis: { title: { text: `PC 1 (${Math.round(explained[0] * 100)}%)` } },
      yaxis: { title: { text: `PC 2 (${Math.round(explained[1] * 100)}%)` }, scaleanchor: 'x' },
    };
    return {
      data: [pts],
      layout: lay,
      summary: `PCA of the unit vectors of ${labels.length - 1} words and of b − a + c (the point marked ×). Blue arrows: ${a} → ${b}, and the same offset from ${c}; red arrow: ${c} → ${first ?? '?'}. Two components keep ${Math.round((explained[0] + explained[1]) * 100)}% of the spread of these points, so distances are only approximate.`,
    };
  }, [kv, a, b, c, answers]);
  return <Plot label="Analogy arithmetic in 2-D" summary={summary} data={data} layout={layout} height={380} />;
}
