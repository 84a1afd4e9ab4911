// Similarity and neighbours: the cosine of two words, a word's nearest neighbours, the odd one out of a list, and
// a walk from one word to another through neighbours.
import { useMemo, useState, type FormEvent } from 'react';
import type { KeyedVectors } from '../../core/vectors/keyedVectors';
import { DEFAULT_WALK, findWalk } from '../../core/vectors/walk';
import { ResultsTable } from './ResultsTable';
import { useActiveVectors } from './shippedVectors';
import type { ParamsChange } from './usePlaygroundParams';
import { VectorsStatus } from './VectorsStatus';
import { WordInput } from './WordInput';
import { fmt, resolveAll, resolveWord, splitWords } from './words';

const NEIGHBOURS = 10;

export interface SimilarityProps {
  x?: string;
  y?: string;
  word?: string;
  list?: string;
  from?: string;
  to?: string;
  onParamsChange?: ParamsChange;
}

export function similarityPropsFromParams(p: URLSearchParams): SimilarityProps {
  const g = (k: string) => p.get(k) ?? undefined;
  return { x: g('x'), y: g('y'), word: g('word'), list: g('list'), from: g('from'), to: g('to') };
}

export function SimilarityPlayground(props: SimilarityProps) {
  const { active, kv, loading } = useActiveVectors();
  // Each tool writes its own keys; the others' stay in the URL.
  const [params, setParams] = useState<Record<string, string>>(() =>
    Object.fromEntries(Object.entries({ x: props.x, y: props.y, word: props.word, list: props.list, from: props.from, to: props.to }).filter(([, v]) => v)) as Record<string, string>,
  );
  const update = (p: Record<string, string>) => {
    const next = { ...params, ...p };
    setParams(next);
    props.onParamsChange?.(next);
  };
  return (
    <section className="playground" aria-label="Similarity and neighbours">
      <h2>Similarity and neighbours</h2>
      <VectorsStatus active={active} loading={loading} />
      <div className="tool-grid">
        <CosineTool kv={kv} x={props.x} y={props.y} onSubmit={update} />
        <NeighboursTool kv={kv} word={props.word} onSubmit={update} />
        <OddOneOutTool kv={kv} list={props.list} onSubmit={update} />
        <WalkTool kv={kv} from={props.from} to={props.to} onSubmit={update} />
      </div>
    </section>
  );
}

type ToolProps = { kv: KeyedVectors | null; onSubmit: (p: Record<string, string>) => void };

function Problem({ text }: { text: string | null }) {
  return text ? (
    <p role="alert" className="error">
      {text}
    </p>
  ) : null;
}

function CosineTool({ kv, x: x0, y: y0, onSubmit }: ToolProps & { x?: string; y?: string }) {
  const [x, setX] = useState(x0 ?? 'war');
  const [y, setY] = useState(y0 ?? 'peace');
  const [asked, setAsked] = useState<[string, string] | null>(x0 && y0 ? [x0, y0] : null);
  const out = useMemo((): { error: string } | { words: string[]; cos: number } | null => {
    if (!kv || !asked) return null;
    const { words, problems } = resolveAll(kv, [
      { label: 'First word', value: asked[0] },
      { label: 'Second word', value: asked[1] },
    ]);
    if (problems.length) return { error: problems.join(' ') };
    return { words, cos: kv.similarity(words[0], words[1]) };
  }, [kv, asked]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setAsked([x, y]);
    onSubmit({ x, y });
  };
  return (
    <form className="tool" onSubmit={submit} aria-label="Cosine similarity">
      <h3>Cosine similarity</h3>
      <div className="inputs">
        <WordInput label="First word" value={x} onChange={setX} kv={kv} />
        <WordInput label="Second word" value={y} onChange={setY} kv={kv} />
        <button type="submit" disabled={!kv}>
          Compare
        </button>
      </div>
      {out && 'error' in out && <Problem text={out.error} />}
      {out && 'cos' in out && (
        <p aria-live="polite">
          cos({out.words[0]}, {out.words[1]}) = <strong data-testid="cosine-value">{fmt(out.cos, 4)}</strong>
          <br />
          <small className="muted">1 = same direction, 0 = unrelated (orthogonal), −1 = opposite.</small>
        </p>
      )}
    </form>
  );
}

function NeighboursTool({ kv, word: w0, onSubmit }: ToolProps & { word?: string }) {
  const [word, setWord] = useState(w0 ?? 'war');
  const [asked, setAsked] = useState<string | null>(w0 ?? null);
  const out = useMemo(() => {
    if (!kv || asked === null) return null;
    const { words, problems } = resolveAll(kv, [{ label: 'Word', value: asked }]);
    if (problems.length) return { error: problems.join(' ') };
    return { word: words[0], rows: kv.mostSimilar({ positive: [words[0]], topn: NEIGHBOURS }) };
  }, [kv, asked]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setAsked(word);
    onSubmit({ word });
  };
  return (
    <form className="tool" onSubmit={submit} aria-label="Nearest neighbours">
      <h3>Nearest neighbours</h3>
      <div className="inputs">
        <WordInput label="Word" value={word} onChange={setWord} kv={kv} />
        <button type="submit" disabled={!kv}>
          Find neighbours
        </button>
      </div>
      {out && 'error' in out && <Problem text={out.error ?? null} />}
      {out && 'rows' in out && out.rows && <ResultsTable caption={`Nearest neighbours of "${out.word}"`} rows={out.rows} />}
    </form>
  );
}

function OddOneOutTool({ kv, list: l0, onSubmit }: ToolProps & { list?: string }) {
  const [list, setList] = useState(l0 ?? 'breakfast lunch dinner church');
  const [asked, setAsked] = useState<string | null>(l0 ?? null);
  const out = useMemo(() => {
    if (!kv || asked === null) return null;
    const typed = splitWords(asked);
    if (typed.length < 3) return { error: `Type at least three words (you typed ${typed.length}).` };
    const unknown = typed.filter((w) => resolveWord(kv, w) === null);
    if (unknown.length) return { error: `Not in these vectors' vocabulary: ${unknown.map((w) => `"${w}"`).join(', ')}.` };
    const words = typed.map((w) => resolveWord(kv, w)!);
    const odd = kv.doesntMatch(words);
    // Show why: each word's cosine to the mean of the (unit) others, lowest first.
    const mean = new Float32Array(kv.dim);
    for (const w of words) kv.unitVector(w).forEach((v, i) => (mean[i] += v));
    const scores = kv.cosineToVector(mean);
    const rows = words.map((w) => ({ word: w, score: scores[kv.indexOf(w)] })).sort((p, q) => p.score - q.score);
    return { odd, rows };
  }, [kv, asked]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setAsked(list);
    onSubmit({ list });
  };
  return (
    <form className="tool" onSubmit={submit} aria-label="Odd one out">
      <h3>Odd one out</h3>
      <div className="inputs">
        <label>
          Words (three or more){' '}
          <input type="text" value={list} size={30} onChange={(e) => setList(e.target.value)} autoCapitalize="none" spellCheck={false} />
        </label>
        <button type="submit" disabled={!kv}>
          Find the odd one
        </button>
      </div>
      {out && 'error' in out && <Problem text={out.error ?? null} />}
      {out && 'odd' in out && out.rows && (
        <>
          <p aria-live="polite">
            Odd one out: <strong data-testid="odd-one-out">{out.odd}</strong>
          </p>
          <ResultsTable caption="Cosine to the mean of all the words (lowest = odd one)" rows={out.rows} />
        </>
      )}
    </form>
  );
}

function WalkTool({ kv, from: f0, to: t0, onSubmit }: ToolProps & { from?: string; to?: string }) {
  const [from, setFrom] = useState(f0 ?? 'war');
  const [to, setTo] = useState(t0 ?? 'peace');
  const [asked, setAsked] = useState<[string, string] | null>(f0 && t0 ? [f0, t0] : null);
  const out = useMemo(() => {
    if (!kv || !asked) return null;
    const { words, problems } = resolveAll(kv, [
      { label: 'Start word', value: asked[0] },
      { label: 'Target word', value: asked[1] },
    ]);
    if (problems.length) return { error: problems.join(' ') };
    return findWalk(kv, words[0], words[1]);
  }, [kv, asked]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setAsked([from, to]);
    onSubmit({ from, to });
  };
  return (
    <form className="tool" onSubmit={submit} aria-label="Walk through neighbours">
      <h3>Walk through neighbours</h3>
      <div className="inputs">
        <WordInput label="Start word" value={from} onChange={setFrom} kv={kv} />
        <WordInput label="Target word" value={to} onChange={setTo} kv={kv} />
        <button type="submit" disabled={!kv}>
          Walk
        </button>
      </div>
      <p className="muted">
        Beam search over the {DEFAULT_WALK.k}-nearest-neighbour graph of the {Math.min(DEFAULT_WALK.restrict, kv?.size ?? DEFAULT_WALK.restrict).toLocaleString('en')} most
        frequent words: at each step, keep the {DEFAULT_WALK.beam} paths whose last word is closest to the target; give up
        after {DEFAULT_WALK.maxSteps} steps.
      </p>
      {out && 'error' in out && <Problem text={out.error ?? null} />}
      {out && 'path' in out && (
        <>
          <p role={out.found ? 'status' : 'alert'} className={out.found ? 'ok' : 'error'}>
            {out.message}
          </p>
          {out.path.length > 0 && (
            <ol className="walk" aria-label="Walk" data-testid="walk-path">
              {out.path.map((s, i) => (
                <li key={`${s.word}-${i}`}>
                  <strong>{s.word}</strong>{' '}
                  <small className="muted">
                    {i > 0 ? `cos to previous ${fmt(s.fromPrevious)}, ` : ''}cos to target {fmt(s.toTarget)}
                  </small>
                </li>
              ))}
            </ol>
          )}
        </>
      )}
    </form>
  );
}
