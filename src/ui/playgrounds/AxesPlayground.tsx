// Semantic axes: words projected on one axis (a 1-D strip) or two (a 2-D scatter) made of word differences.
import { useMemo, useState, type FormEvent } from 'react';
import type { Data, Layout } from 'plotly.js-dist-min';
import type { KeyedVectors } from '../../core/vectors/keyedVectors';
import { AXIS_PRESETS, AxisError, WORD_SET_PRESETS, buildAxis, parseWordList, projectWords, type Axis } from '../../core/vectors/axes';
import { Plot } from './Plot';
import { plotText, plotTexts } from '../plotText';
import { useActiveVectors } from './shippedVectors';
import type { ParamsChange } from './usePlaygroundParams';
import { VectorsStatus } from './VectorsStatus';
import { fmt } from './words';

export interface AxesProps {
  x?: string;
  y?: string;
  words?: string;
  onParamsChange?: ParamsChange;
}

export function axesPropsFromParams(p: URLSearchParams): AxesProps {
  return { x: p.get('x') ?? undefined, y: p.get('y') ?? undefined, words: p.get('words') ?? undefined };
}

interface Asked {
  x: string;
  y: string;
  words: string;
}

function compute(kv: KeyedVectors, q: Asked) {
  const words = parseWordList(q.words);
  if (words.length === 0) return { error: 'The word list is empty: type some words or pick a preset.' };
  try {
    const axes: Axis[] = [buildAxis(kv, q.x)];
    if (q.y.trim() !== '') axes.push(buildAxis(kv, q.y));
    const { points, unknown } = projectWords(kv, words, axes);
    if (points.length === 0) return { error: `None of the words is in these vectors' vocabulary: ${unknown.join(', ')}.` };
    return { axes, points, unknown };
  } catch (e) {
    if (e instanceof AxisError) return { error: e.message };
    throw e;
  }
}

export function AxesPlayground(props: AxesProps) {
  const { active, kv, loading } = useActiveVectors();
  const [x, setX] = useState(props.x ?? AXIS_PRESETS[0].spec);
  const [y, setY] = useState(props.y ?? '');
  const [words, setWords] = useState(props.words ?? WORD_SET_PRESETS[0].words.join(', '));
  const [asked, setAsked] = useState<Asked | null>(props.x ? { x: props.x, y: props.y ?? '', words: props.words ?? words } : null);
  const out = useMemo(() => (kv && asked ? compute(kv, asked) : null), [kv, asked]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setAsked({ x, y, words });
    props.onParamsChange?.({ x, ...(y.trim() ? { y } : {}), words });
  };
  return (
    <section className="playground" aria-label="Semantic axes">
      <h2>Semantic axes</h2>
      <VectorsStatus active={active} loading={loading} />
      <form onSubmit={submit} className="stack">
        <div className="inputs">
          <label>
            Horizontal axis{' '}
            <input type="text" value={x} size={28} onChange={(e) => setX(e.target.value)} spellCheck={false} autoCapitalize="none" />
          </label>
          <label>
            Axis preset{' '}
            <select value="" onChange={(e) => e.target.value && setX(e.target.value)}>
              <option value="">choose…</option>
              {AXIS_PRESETS.map((p) => (
                <option key={p.label} value={p.spec}>
                  {p.label}
                </option>
              ))}
            </select>
          </label>
        </div>
        <div className="inputs">
          <label>
            Vertical axis (optional){' '}
            <input type="text" value={y} size={28} onChange={(e) => setY(e.target.value)} spellCheck={false} autoCapitalize="none" placeholder="e.g. good - bad" />
          </label>
          <label>
            Vertical axis preset{' '}
            <select value="" onChange={(e) => setY(e.target.value === 'none' ? '' : e.target.value)}>
              <option value="">choose…</option>
              <option value="none">none (1-D)</option>
              {AXIS_PRESETS.map((p) => (
                <option key={p.label} value={p.spec}>
                  {p.label}
                </option>
              ))}
            </select>
          </label>
        </div>
        <div className="inputs">
          <label className="grow">
            Words to project{' '}
            <textarea value={words} rows={2} cols={60} onChange={(e) => setWords(e.target.value)} spellCheck={false} autoCapitalize="none" />
          </label>
          <label>
            Word set{' '}
            <select value="" onChange={(e) => e.target.value && setWords(e.target.value)}>
              <option value="">choose…</option>
              {WORD_SET_PRESETS.map((p) => (
                <option key={p.label} value={p.words.join(', ')}>
                  {p.label}
                </option>
              ))}
            </select>
          </label>
        </div>
        <p className="muted">
          An axis is a difference of words (<code>good - bad</code>); several pairs separated by commas are averaged
          (<code>he - she, man - woman</code>). Each word's position is the cosine between its vector and the axis.
        </p>
        <div>
          <button type="submit" className="primary" disabled={!kv}>
            Project
          </button>
        </div>
      </form>
      {out && 'error' in out && (
        <p role="alert" className="error">
          {out.error}
        </p>
      )}
      {out && 'points' in out && out.points && out.axes && <AxesResult axes={out.axes} points={out.points} unknown={out.unknown ?? []} />}
    </section>
  );
}

function AxesResult({ axes, points, unknown }: { axes: Axis[]; points: { word: string; scores: number[] }[]; unknown: string[] }) {
  const twoD = axes.length === 2;
  const sorted = [...points].sort((p, q) => q.scores[0] - p.scores[0]);
  const data: Data[] = useMemo(
    () => [
      {
        type: 'scatter',
        mode: 'text+markers',
        x: points.map((p) => p.scores[0]),
        // 1-D: spread labels over a few rows so they do not overlap.
        y: points.map((p, i) => (twoD ? p.scores[1] : (i % 4) - 1.5)),
        text: plotTexts(points.map((p) => p.word)),
        textposition: 'top center',
        marker: { size: 9 },
        hovertemplate: twoD ? '%{text}: %{x:.3f}, %{y:.3f}<extra></extra>' : '%{text}: %{x:.3f}<extra></extra>',
      },
    ],
    [points, twoD],
  );
  const layout = useMemo(
    (): Partial<Layout> => ({
      showlegend: false,
      xaxis: { title: { text: plotText(`← ${axes[0].pairs.map((p) => p.minus).join(', ')}   |   ${axes[0].pairs.map((p) => p.plus).join(', ')} →`) }, zeroline: true },
      yaxis: twoD
        ? { title: { text: plotText(`← ${axes[1].pairs.map((p) => p.minus).join(', ')}   |   ${axes[1].pairs.map((p) => p.plus).join(', ')} →`) }, zeroline: true }
        : { visible: false, range: [-3, 3] },
    }),
    [axes, twoD],
  );
  const skipped = axes.flatMap((a) => a.skipped);
  return (
    <div className="result result-grid">
      <div>
        {unknown.length > 0 && <p className="muted">Not in the vocabulary (left out): {unknown.join(', ')}.</p>}
        {skipped.length > 0 && <p className="muted">Axis pairs left out (unknown word): {skipped.map((p) => `${p.plus} − ${p.minus}`).join(', ')}.</p>}
        <table className="results-table" aria-label="Projections on the axes">
          <caption>Projections (cosine with the axis)</caption>
          <thead>
            <tr>
              <th scope="col">Word</th>
              <th scope="col">{axes[0].label}</th>
              {twoD && <th scope="col">{axes[1].label}</th>}
            </tr>
          </thead>
          <tbody>
            {sorted.map((p) => (
              <tr key={p.word} data-word={p.word} data-score={p.scores[0]}>
                <td className="word">{p.word}</td>
                <td className="num">{fmt(p.scores[0])}</td>
                {twoD && <td className="num">{fmt(p.scores[1])}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Plot
        label={twoD ? 'Words on two semantic axes' : 'Words on a semantic axis'}
        summary={`${points.length} words; horizontal: cosine with ${axes[0].label}${twoD ? `; vertical: cosine with ${axes[1].label}` : ' (rows only separate the labels)'}.`}
        data={data}
        layout={layout}
        height={twoD ? 480 : 300}
      />
    </div>
  );
}
