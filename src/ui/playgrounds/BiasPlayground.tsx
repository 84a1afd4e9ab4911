// Bias: a WEAT test on editable word sets, a gender direction with occupation projections, and hard debiasing
// (neutralise, optionally equalise) shown before and after.
import { useId, useMemo, useState, type FormEvent } from 'react';
import type { Data } from 'plotly.js-dist-min';
import type { KeyedVectors } from '../../core/vectors/keyedVectors';
import {
  BiasError, DEFAULT_PERMUTATION_SAMPLES, DEFINITIONAL_PAIRS, EXACT_PARTITION_LIMIT, OCCUPATIONS, WEAT_PRESETS,
  hardDebias, pairDirection, projectOn, weat, withReplacedRows, type WeatResult, type WeatSets,
} from '../../core/vectors/bias';
import { Plot } from './Plot';
import { plotText, plotTexts } from '../plotText';
import { useActiveVectors } from './shippedVectors';
import { numParam, type ParamsChange } from './usePlaygroundParams';
import { VectorsStatus } from './VectorsStatus';
import { fmt, splitWords } from './words';

export interface BiasProps {
  preset?: string;
  seed?: number;
  onParamsChange?: ParamsChange;
}

export function biasPropsFromParams(p: URLSearchParams): BiasProps {
  return { preset: p.get('preset') ?? undefined, seed: numParam(p.get('seed') ?? undefined, 1, 0, 2 ** 31 - 1) };
}

const lower = (text: string) => splitWords(text).map((w) => w.toLowerCase());

export function BiasPlayground(props: BiasProps) {
  const { active, kv, loading } = useActiveVectors();
  return (
    <section className="playground" aria-label="Bias">
      <h2>Bias</h2>
      <VectorsStatus active={active} loading={loading} />
      <WeatTool kv={kv} preset={props.preset} seed={props.seed} onParamsChange={props.onParamsChange} />
      <DirectionTool kv={kv} />
    </section>
  );
}

function WeatTool({ kv, preset: p0, seed: s0, onParamsChange }: { kv: KeyedVectors | null } & BiasProps) {
  const initial = WEAT_PRESETS.find((p) => p.id === p0) ?? WEAT_PRESETS[0];
  const [presetId, setPresetId] = useState(initial.id);
  const [sets, setSets] = useState<Record<keyof WeatSets, string>>(() => toText(initial.sets));
  const [seed, setSeed] = useState(s0 ?? 1);
  const [asked, setAsked] = useState<{ sets: WeatSets; seed: number } | null>(null);
  const names = (WEAT_PRESETS.find((p) => p.id === presetId) ?? initial).names;
  const out = useMemo((): { result: WeatResult } | { error: string } | null => {
    if (!kv || !asked) return null;
    try {
      return { result: weat(kv, asked.sets, { seed: asked.seed }) };
    } catch (e) {
      if (e instanceof BiasError) return { error: e.message };
      throw e;
    }
  }, [kv, asked]);
  const choose = (id: string) => {
    const p = WEAT_PRESETS.find((q) => q.id === id);
    if (!p) return;
    setPresetId(id);
    setSets(toText(p.sets));
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setAsked({ sets: { X: lower(sets.X), Y: lower(sets.Y), A: lower(sets.A), B: lower(sets.B) }, seed });
    onParamsChange?.({ preset: presetId, seed: String(seed) });
  };
  return (
    <form className="tool" onSubmit={submit} aria-label="WEAT: word embedding association test">
      <h3>WEAT: word embedding association test</h3>
      <p className="muted">
        Do the targets X lean toward attributes A and the targets Y toward B? s(w) = mean cos(w, A) − mean cos(w, B);
        the effect size is (mean s over X − mean s over Y) / std of s over X ∪ Y. The p-value is the share of equal-size
        re-partitions of X ∪ Y whose statistic is at least the observed one: exact when there are at most{' '}
        {EXACT_PARTITION_LIMIT.toLocaleString('en')} partitions, else {DEFAULT_PERMUTATION_SAMPLES.toLocaleString('en')} seeded samples.
      </p>
      <div className="inputs">
        <label>
          Preset{' '}
          <select value={presetId} onChange={(e) => choose(e.target.value)}>
            {WEAT_PRESETS.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Seed <input type="number" min={0} value={seed} onChange={(e) => setSeed(Math.max(0, Math.floor(Number(e.target.value) || 0)))} style={{ width: '6em' }} />
        </label>
      </div>
      <div className="set-grid">
        {(['X', 'Y', 'A', 'B'] as const).map((k) => (
          <label key={k}>
            {k}: {names[k]}
            <textarea rows={2} value={sets[k]} onChange={(e) => setSets({ ...sets, [k]: e.target.value })} spellCheck={false} autoCapitalize="none" />
          </label>
        ))}
      </div>
      <button type="submit" className="primary" disabled={!kv}>
        Run WEAT
      </button>
      {out && 'error' in out && (
        <p role="alert" className="error">
          {out.error}
        </p>
      )}
      {out && 'result' in out && <WeatReport r={out.result} names={names} />}
    </form>
  );
}

function toText(s: WeatSets): Record<keyof WeatSets, string> {
  return { X: s.X.join(', '), Y: s.Y.join(', '), A: s.A.join(', '), B: s.B.join(', ') };
}

function WeatReport({ r, names }: { r: WeatResult; names: Record<keyof WeatSets, string> }) {
  const sorted = [...r.associations].sort((a, b) => b.s - a.s);
  return (
    <div className="result" aria-live="polite">
      <p>
        Effect size <strong data-testid="weat-effect">{fmt(r.effectSize, 3)}</strong>, one-sided p ={' '}
        <strong data-testid="weat-p">{r.pValue < 0.0001 ? r.pValue.toExponential(2) : fmt(r.pValue, 4)}</strong> (
        {r.exact ? `exact over all ${r.partitions.toLocaleString('en')} partitions` : `${r.partitions.toLocaleString('en')} sampled partitions, seed ${r.seed}`}
        ). Positive: {names.X} lean toward {names.A} and {names.Y} toward {names.B}.
      </p>
      <p className="muted">
        Used {r.used.X.length} + {r.used.Y.length} targets and {r.used.A.length} + {r.used.B.length} attributes.
        {r.missing.length > 0 && ` Not in the vocabulary (left out): ${r.missing.join(', ')}.`}
        {r.used.X.length + r.used.Y.length < 8 && ' With so few words the test says little.'}
      </p>
      <table className="results-table" aria-label="WEAT associations">
        <caption>s(w, A, B) for each target word</caption>
        <thead>
          <tr>
            <th scope="col">Word</th>
            <th scope="col">Set</th>
            <th scope="col">s(w, A, B)</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((a) => (
            <tr key={`${a.set}-${a.word}`} data-word={a.word} data-score={a.s}>
              <td className="word">{a.word}</td>
              <td>{a.set === 'X' ? names.X : names.Y}</td>
              <td className="num">{fmt(a.s, 4)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function parsePairs(text: string): [string, string][] {
  return text
    .split(/[,;\n]/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => p.split(/\s*[-/\s]\s*/).filter(Boolean))
    .filter((p) => p.length === 2)
    .map((p) => [p[0].toLowerCase(), p[1].toLowerCase()] as [string, string]);
}

function DirectionTool({ kv }: { kv: KeyedVectors | null }) {
  const [mode, setMode] = useState<'pair' | 'pca'>('pair');
  const radioName = useId();
  const [pairs, setPairs] = useState(DEFINITIONAL_PAIRS.map((p) => p.join(' - ')).join(', '));
  const [words, setWords] = useState(OCCUPATIONS.join(', '));
  const [equalise, setEqualise] = useState(true);
  const [asked, setAsked] = useState<{ mode: 'pair' | 'pca'; pairs: string; words: string; equalise: boolean } | null>(null);
  const out = useMemo(() => {
    if (!kv || !asked) return null;
    const list = lower(asked.words);
    if (list.length === 0) return { error: 'The word list is empty: type some words to project.' };
    const defPairs = asked.mode === 'pair' ? ([['he', 'she']] as [string, string][]) : parsePairs(asked.pairs);
    if (defPairs.length === 0) return { error: 'Type definitional pairs such as "he - she, man - woman".' };
    try {
      const dir = pairDirection(kv, defPairs);
      const before = projectOn(kv, list, dir.vector);
      const unknown = list.filter((w) => !kv.has(w));
      if (before.length === 0) return { error: `None of the words is in these vectors' vocabulary: ${unknown.join(', ')}.` };
      const replaced = hardDebias(kv, dir.vector, list, asked.equalise ? dir.pairs : []);
      const after = projectOn(withReplacedRows(kv, replaced), list, dir.vector);
      return { dir, before, after, unknown };
    } catch (e) {
      if (e instanceof BiasError) return { error: e.message };
      throw e;
    }
  }, [kv, asked]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setAsked({ mode, pairs, words, equalise });
  };
  return (
    <form className="tool" onSubmit={submit} aria-label="Gender direction and hard debiasing">
      <h3>Gender direction and hard debiasing</h3>
      <fieldset className="inline">
        <legend>Direction</legend>
        <label>
          <input type="radio" name={radioName} checked={mode === 'pair'} onChange={() => setMode('pair')} /> he − she
        </label>
        <label>
          <input type="radio" name={radioName} checked={mode === 'pca'} onChange={() => setMode('pca')} /> First principal component of definitional pairs
        </label>
      </fieldset>
      {mode === 'pca' && (
        <label className="block">
          Definitional pairs
          <textarea rows={2} value={pairs} onChange={(e) => setPairs(e.target.value)} spellCheck={false} autoCapitalize="none" />
        </label>
      )}
      <label className="block">
        Words to project (these are neutralised by debiasing)
        <textarea rows={2} value={words} onChange={(e) => setWords(e.target.value)} spellCheck={false} autoCapitalize="none" />
      </label>
      <label>
        <input type="checkbox" checked={equalise} onChange={(e) => setEqualise(e.target.checked)} /> Equalise the definitional pairs
      </label>{' '}
      <button type="submit" className="primary" disabled={!kv}>
        Project and debias
      </button>
      <p className="muted">
        Hard debiasing (Bolukbasi et al. 2016) neutralises each listed word: it removes the word's component along the
        direction and rescales it to length 1, so its projection becomes 0. Equalising moves each pair to the same
        distance from every neutral word. It hides the direction from this measure; other tests can still find the bias
        (Gonen and Goldberg 2019).
      </p>
      {out && 'error' in out && (
        <p role="alert" className="error">
          {out.error}
        </p>
      )}
      {out && 'dir' in out && out.dir && out.before && out.after && (
        <DebiasReport
          label={mode === 'pair' ? 'he − she' : `PC 1 of ${out.dir.pairs.length} pairs (explains ${Math.round(out.dir.explained * 100)}% of their variance)`}
          before={out.before}
          after={out.after}
          unknown={out.unknown ?? []}
          skipped={out.dir.skipped}
        />
      )}
    </form>
  );
}

function DebiasReport(props: {
  label: string;
  before: { word: string; projection: number }[];
  after: { word: string; projection: number }[];
  unknown: string[];
  skipped: [string, string][];
}) {
  const order = useMemo(() => [...props.before].sort((a, b) => a.projection - b.projection), [props.before]);
  const afterOf = useMemo(() => new Map(props.after.map((p) => [p.word, p.projection])), [props.after]);
  const data: Data[] = useMemo(
    () => [
      { type: 'bar', orientation: 'h', name: 'before', y: plotTexts(order.map((p) => p.word)), x: order.map((p) => p.projection) },
      { type: 'bar', orientation: 'h', name: 'after debiasing', y: plotTexts(order.map((p) => p.word)), x: order.map((p) => afterOf.get(p.word) ?? 0) },
    ],
    [order, afterOf],
  );
  const layout = useMemo(() => ({ barmode: 'group' as const, showlegend: true, xaxis: { title: { text: plotText(`cosine with ${props.label}`) } }, margin: { l: 110, r: 20, t: 30, b: 50 } }), [props.label]);
  return (
    <div className="result result-grid">
      <div>
        <p>Direction: {props.label}. Positive = toward the first word of each pair.</p>
        {props.unknown.length > 0 && <p className="muted">Not in the vocabulary (left out): {props.unknown.join(', ')}.</p>}
        {props.skipped.length > 0 && <p className="muted">Pairs left out (unknown word): {props.skipped.map((p) => p.join('/')).join(', ')}.</p>}
        <table className="results-table" aria-label="Projections before and after debiasing">
          <caption>Projection on the direction</caption>
          <thead>
            <tr>
              <th scope="col">Word</th>
              <th scope="col">Before</th>
              <th scope="col">After</th>
            </tr>
          </thead>
          <tbody>
            {[...order].reverse().map((p) => (
              <tr key={p.word} data-word={p.word} data-score={p.projection} data-after={afterOf.get(p.word)}>
                <td className="word">{p.word}</td>
                <td className="num">{fmt(p.projection)}</td>
                <td className="num">{fmt(afterOf.get(p.word) ?? NaN)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Plot label="Projections on the gender direction, before and after debiasing" summary={`${order.length} words, before and after neutralising.`} data={data} layout={layout} height={Math.max(300, order.length * 28)} />
    </div>
  );
}
