// Semantic search over the Brown corpus's 500 documents: the same query answered by BM25 keywords, by the mean of
// word vectors and by SIF-weighted vectors, side by side, with the sentences that matched; and a measurement of all
// three on genre queries against chance, with bootstrap intervals, so a student can see whether vectors beat
// keywords here (on these documents they do not, beyond noise: the page computes and says it).
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { KeyedVectors } from '../../core/vectors/keyedVectors';
import { SEARCH_METHOD_NAMES, SEARCH_METHODS, type SearchMethod } from '../../core/search/searchEngine';
import type { SearchEvaluationSummary, SearchResultRow } from '../../workers/search.worker';
import { startSearchSession, type SearchSession } from './searchClient';
import { useActiveVectors } from './shippedVectors';
import type { ParamsChange } from './usePlaygroundParams';
import { VectorsStatus } from './VectorsStatus';

/** Results shown per method: enough to compare three columns on one screen. */
const RESULTS_SHOWN = 5;
/** precision@K in the measurement: a first page of results. */
const EVAL_K = 10;
/** A method "beats" another when it wins in this share of bootstrap resamples of the queries (one-sided 5%). */
const BEYOND_NOISE = 0.95;

export interface SearchProps {
  q?: string;
  onParamsChange?: ParamsChange;
}

export function searchPropsFromParams(p: URLSearchParams): SearchProps {
  return { q: p.get('q') ?? undefined };
}

interface Answer {
  usedWords: string[];
  ignored: { word: string; why: string }[];
  hits: SearchResultRow[];
}

type Phase = { kind: 'idle' } | { kind: 'indexing' } | { kind: 'ready'; documents: number } | { kind: 'error'; message: string };

function useSearchSession(kv: KeyedVectors | null) {
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const session = useRef<SearchSession | null>(null);
  const start = () => {
    if (!kv) return null;
    session.current?.end();
    const s = startSearchSession(kv);
    session.current = s;
    setPhase({ kind: 'indexing' });
    s.ready.then(
      (r) => session.current === s && setPhase({ kind: 'ready', documents: r.documents }),
      (e: unknown) => session.current === s && setPhase({ kind: 'error', message: e instanceof Error ? e.message : String(e) }),
    );
    return s;
  };
  const cancel = () => {
    session.current?.end();
    session.current = null;
    setPhase({ kind: 'idle' });
  };
  // New vectors, new document vectors: end the old worker.
  useEffect(() => {
    return () => {
      session.current?.end();
      session.current = null;
      setPhase({ kind: 'idle' });
    };
  }, [kv]);
  return { phase, session, start, cancel };
}

export function SearchPlayground(props: SearchProps) {
  const { active, kv, loading } = useActiveVectors();
  const { phase, session, start, cancel } = useSearchSession(kv);
  const [query, setQuery] = useState(props.q ?? 'god faith church');
  const [answers, setAnswers] = useState<Partial<Record<SearchMethod, Answer>> | null>(null);
  const [evaluation, setEvaluation] = useState<SearchEvaluationSummary | null>(null);
  const [busy, setBusy] = useState<'search' | 'measure' | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const withSession = async <T,>(kind: 'search' | 'measure', work: (s: SearchSession) => Promise<T>): Promise<T | null> => {
    const s = session.current ?? start();
    if (!s) return null;
    setBusy(kind);
    setProblem(null);
    try {
      await s.ready;
      return await work(s);
    } catch (e) {
      // A cancelled session rejects every call: that is not a problem to report.
      if (session.current === s) setProblem(e instanceof Error ? e.message : String(e));
      return null;
    } finally {
      setBusy(null);
    }
  };

  const onSearch = async (e?: FormEvent) => {
    e?.preventDefault();
    const q = query.trim();
    if (!q) {
      setProblem('Type a few words to search for.');
      return;
    }
    props.onParamsChange?.({ q });
    const result = await withSession('search', async (s) => {
      const out: Partial<Record<SearchMethod, Answer>> = {};
      for (const m of SEARCH_METHODS) out[m] = await s.api.search(q, m, RESULTS_SHOWN);
      return out;
    });
    if (result) setAnswers(result);
  };

  const onMeasure = async () => {
    const result = await withSession('measure', (s) => s.api.evaluate(EVAL_K));
    if (result) setEvaluation(result);
  };

  return (
    <section className="playground" aria-label="Semantic search">
      <h2>Semantic search</h2>
      <VectorsStatus active={active} loading={loading} />
      <p className="muted">
        The 500 documents of the Brown corpus (15 genres, about 2,000 words each). A document's vector is the mean of
        its words' unit vectors, or a SIF-weighted mean (a word counts a/(a + p(w)), so "the" and "of" count little)
        with the direction all documents share removed. BM25 is the keyword baseline: it only sees words that occur.
      </p>
      <form onSubmit={(e) => void onSearch(e)} className="row">
        <label>
          Query{' '}
          <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} aria-label="Search query" />
        </label>{' '}
        <button type="submit" disabled={busy !== null || !kv}>
          Search
        </button>{' '}
        <button type="button" onClick={() => void onMeasure()} disabled={busy !== null || !kv}>
          Measure on genre queries
        </button>
      </form>
      {phase.kind === 'indexing' && (
        <p role="status">
          Indexing the 500 documents and building their vectors in a worker…{' '}
          <button type="button" onClick={cancel}>
            Cancel
          </button>
        </p>
      )}
      {phase.kind === 'error' && (
        <p role="alert" className="error">
          {phase.message}
        </p>
      )}
      {problem && (
        <p role="alert" className="error">
          {problem}
        </p>
      )}
      {answers && <Answers answers={answers} />}
      {evaluation && <Measurement ev={evaluation} />}
    </section>
  );
}

function Marked({ text, words }: { text: string; words: ReadonlySet<string> }) {
  // Words are text nodes and <mark> elements built by React: nothing in a document is read as HTML.
  const parts = text.split(/(\s+)/);
  return (
    <>
      {parts.map((p, i) => (words.has(p.toLowerCase()) ? <mark key={i}>{p}</mark> : p))}
    </>
  );
}

function Answers({ answers }: { answers: Partial<Record<SearchMethod, Answer>> }) {
  return (
    <div className="search-columns">
      {SEARCH_METHODS.map((m) => {
        const a = answers[m];
        if (!a) return null;
        const words = new Set(a.usedWords);
        return (
          <section key={m} aria-label={`Results by ${SEARCH_METHOD_NAMES[m]}`}>
            <h3>{SEARCH_METHOD_NAMES[m]}</h3>
            {a.ignored.length > 0 && (
              <p className="muted">
                Ignored: {a.ignored.map((x) => `"${x.word}" (${x.why})`).join(', ')}
              </p>
            )}
            {a.hits.length === 0 ? (
              <p>No result: none of the query's words counts for this method.</p>
            ) : (
              <ol>
                {a.hits.map((h) => (
                  <li key={h.id} data-testid={`hit-${m}`}>
                    <strong>{h.source}</strong> <span className="muted">({h.genre}, {h.id}; score {h.score.toFixed(3)})</span>
                    {h.passages.map((p) => (
                      <blockquote key={p.sentence}>
                        <Marked text={p.text} words={m === 'bm25' ? words : new Set()} />
                      </blockquote>
                    ))}
                  </li>
                ))}
              </ol>
            )}
          </section>
        );
      })}
    </div>
  );
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

function Measurement({ ev }: { ev: SearchEvaluationSummary }) {
  return (
    <section aria-label="Search measurement">
      <h3>Measured on {ev.queryCount} genre queries</h3>
      <p className="muted">
        Each query is a few words typical of one genre ("god faith church" for religion); every document of that genre
        counts as relevant. Intervals: 95% bootstrap over the queries, for these vectors (one training seed; the bench
        repeats this over seeds). A random ranking scores {pct(ev.chance)} on average.
      </p>
      <table aria-label="Search scores">
        <thead>
          <tr>
            <th scope="col">method</th>
            <th scope="col">precision@{ev.k}</th>
            <th scope="col">mean average precision</th>
          </tr>
        </thead>
        <tbody>
          {ev.methods.map((m) => (
            <tr key={m.method}>
              <th scope="row">{SEARCH_METHOD_NAMES[m.method]}</th>
              <td data-testid={`p10-${m.method}`}>
                {pct(m.precision.mean)} [{pct(m.precision.low)}, {pct(m.precision.high)}]
              </td>
              <td>
                {pct(m.map.mean)} [{pct(m.map.low)}, {pct(m.map.high)}]
              </td>
            </tr>
          ))}
          <tr>
            <th scope="row">random ranking (chance)</th>
            <td>{pct(ev.chance)}</td>
            <td>{pct(ev.chance)}</td>
          </tr>
        </tbody>
      </table>
      <ul aria-label="Verdicts" data-testid="search-verdicts">
        {ev.wins.map((w) => (
          <li key={`${w.a}-${w.b}`}>{verdict(w.a, w.b, w.share)}</li>
        ))}
      </ul>
    </section>
  );
}

export function verdict(a: SearchMethod, b: SearchMethod, share: number): string {
  const A = SEARCH_METHOD_NAMES[a];
  const B = SEARCH_METHOD_NAMES[b];
  const of = `(higher mean average precision in ${Math.round(share * 100)}% of resamples)`;
  if (share >= BEYOND_NOISE) return `${A} beats ${B} beyond the noise of the query sample ${of}.`;
  if (share <= 1 - BEYOND_NOISE) return `${B} beats ${A} beyond the noise of the query sample ${of}.`;
  return `${A} and ${B} are not separable from noise on these queries ${of}.`;
}
