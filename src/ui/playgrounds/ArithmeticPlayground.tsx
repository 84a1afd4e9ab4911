// Free vector arithmetic: `king - man + woman`, `0.5*good + 0.5*bad`; the nearest words to the result by cosine.
import { useId, useMemo, useState, type FormEvent } from 'react';
import type { KeyedVectors } from '../../core/vectors/keyedVectors';
import { ExpressionError, evaluateExpression, parseExpression, vectorNotation } from '../../core/vectors/expression';
import { ResultsTable } from './ResultsTable';
import { useActiveVectors } from './shippedVectors';
import { boolParam, numParam, type ParamsChange } from './usePlaygroundParams';
import { VectorsStatus } from './VectorsStatus';
import { fmt, resolveWord, suggest } from './words';

const MAX_TOPN = 50;
const EXAMPLES = ['king - man + woman', '0.5*good + 0.5*bad', 'paris - france + england', '2*(war - peace) + peace', '-man + woman'];

export interface ArithmeticProps {
  expr?: string;
  /** Leave the words of the expression out of the answers (default true). */
  exclude?: boolean;
  /** Use unit-length word vectors, as gensim's most_similar does (default true). */
  unit?: boolean;
  topn?: number;
  onParamsChange?: ParamsChange;
}

export function arithmeticPropsFromParams(p: URLSearchParams): ArithmeticProps {
  return {
    expr: p.get('expr') ?? undefined,
    exclude: boolParam(p.get('exclude') ?? undefined, true),
    unit: boolParam(p.get('unit') ?? undefined, true),
    topn: numParam(p.get('topn') ?? undefined, 10, 1, MAX_TOPN),
  };
}

interface Asked {
  expr: string;
  exclude: boolean;
  unit: boolean;
  topn: number;
}

function compute(kv: KeyedVectors, q: Asked) {
  try {
    const ast = parseExpression(q.expr, (w) => resolveWord(kv, w) !== null);
    const lookup = (w: string) => {
      const r = resolveWord(kv, w);
      return r === null ? null : q.unit ? kv.unitVector(r) : kv.vector(r);
    };
    const { vector, weights } = evaluateExpression(ast, lookup, kv.dim);
    const inputIdx = new Set([...weights.keys()].map((w) => kv.indexOf(resolveWord(kv, w)!)));
    const rows = kv.nearestToVector(vector, q.topn, q.exclude ? inputIdx : undefined);
    const resolved = new Map([...weights].map(([w, c]) => [resolveWord(kv, w)!, c]));
    return { rows: rows.map((n) => ({ word: n.word, score: n.score, note: inputIdx.has(n.index) ? 'input word' : undefined })), notation: vectorNotation(resolved) };
  } catch (e) {
    if (e instanceof ExpressionError) return { error: e };
    return { error: new ExpressionError(e instanceof Error ? e.message : String(e), 0) };
  }
}

export function ArithmeticPlayground(props: ArithmeticProps) {
  const { active, kv, loading } = useActiveVectors();
  const uid = useId();
  const [expr, setExpr] = useState(props.expr ?? 'king - man + woman');
  const [exclude, setExclude] = useState(props.exclude ?? true);
  const [unit, setUnit] = useState(props.unit ?? true);
  const [topn, setTopn] = useState(props.topn ?? 10);
  const [asked, setAsked] = useState<Asked | null>(props.expr ? { expr: props.expr, exclude: props.exclude ?? true, unit: props.unit ?? true, topn: props.topn ?? 10 } : null);
  const out = useMemo(() => (kv && asked ? compute(kv, asked) : null), [kv, asked]);
  // Suggest completions for the word being typed at the end of the expression.
  const lastWord = /[\p{L}\p{N}_'’-]*$/u.exec(expr)?.[0] ?? '';
  const options = useMemo(() => suggest(kv, lastWord).map((w) => expr.slice(0, expr.length - lastWord.length) + w), [kv, lastWord, expr]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setAsked({ expr, exclude, unit, topn });
    props.onParamsChange?.({ expr, exclude: exclude ? '1' : '0', unit: unit ? '1' : '0', topn: String(topn) });
  };
  const err = out && 'error' in out ? out.error : null;

  return (
    <section className="playground" aria-label="Vector arithmetic">
      <h2>Vector arithmetic</h2>
      <VectorsStatus active={active} loading={loading} />
      <form onSubmit={submit} className="inputs">
        <label htmlFor={`${uid}-expr`}>Expression</label>
        <input
          id={`${uid}-expr`}
          type="text"
          list={`${uid}-list`}
          value={expr}
          size={36}
          autoCapitalize="none"
          autoCorrect="off"
          spellCheck={false}
          aria-invalid={err ? true : undefined}
          aria-describedby={`${uid}-help`}
          onChange={(e) => setExpr(e.target.value)}
        />
        <datalist id={`${uid}-list`}>
          {options.map((o) => (
            <option key={o} value={o} />
          ))}
        </datalist>
        <label>
          <input type="checkbox" checked={exclude} onChange={(e) => setExclude(e.target.checked)} /> Exclude the input words
        </label>
        <label>
          <input type="checkbox" checked={unit} onChange={(e) => setUnit(e.target.checked)} /> Unit-length word vectors
        </label>
        <label>
          Answers{' '}
          <input type="number" min={1} max={MAX_TOPN} value={topn} onChange={(e) => setTopn(Math.min(MAX_TOPN, Math.max(1, Number(e.target.value) || 1)))} style={{ width: '4.5em' }} />
        </label>
        <button type="submit" className="primary" disabled={!kv}>
          Compute
        </button>
      </form>
      <p id={`${uid}-help`} className="muted">
        Words joined by + and −, numbers as weights (<code>0.5*good + 0.5*bad</code> or <code>0.5 good</code>), parentheses
        allowed. Quote a word that looks like a number: <code>"1960"</code>. Examples:{' '}
        {EXAMPLES.map((x, i) => (
          <span key={x}>
            {i > 0 && ', '}
            <button type="button" className="link" onClick={() => setExpr(x)}>
              {x}
            </button>
          </span>
        ))}
        .
      </p>
      {err && (
        <div role="alert" className="error">
          <p>{err.message}</p>
          {asked && (
            <pre className="error-pointer" aria-hidden="true">
              {asked.expr}
              {'\n'}
              {' '.repeat(err.position)}
              {'^'.repeat(Math.min(err.length, Math.max(1, asked.expr.length - err.position)))}
            </pre>
          )}
        </div>
      )}
      {out && 'rows' in out && out.rows && (
        <div className="result">
          <p aria-live="polite">
            <span className="notation">{out.notation}</span> is nearest to <strong data-testid="arith-answer">{out.rows[0]?.word ?? '—'}</strong>{' '}
            (cosine {fmt(out.rows[0]?.score ?? NaN)})
          </p>
          <ResultsTable caption={`Nearest words to ${asked?.expr ?? ''}`} rows={out.rows} />
        </div>
      )}
    </section>
  );
}
