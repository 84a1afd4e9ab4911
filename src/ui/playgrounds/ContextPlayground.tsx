// "Words in context": one word, several sentences, one vector per occurrence from the shipped masked-language model
// (src/core/models/contextual), drawn beside the model's own context-free vector of the word; the nearest words of
// each occurrence, the cosines between occurrences, the model's guesses for a hidden word, and the attention
// weights of one sentence. Inputs live in the link (#/playgrounds/context?word=bank&s=...).
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import type { Data, Layout } from 'plotly.js-dist-min';
import type { AttentionMaps, MaskedGuesses } from '../../core/models/types';
import type { OccurrencesResult } from '../../workers/contextual.worker';
import { contextualModel } from './contextualClient';
import { pcaOfRows } from '../../core/project/pca';
import { cosVec } from '../../core/vectors/vectorMath';
import { Plot } from './Plot';
import { SenseGame } from './SenseGame';
import type { ParamsChange } from './usePlaygroundParams';

const DEFAULT_WORD = 'bank';
const DEFAULT_SENTENCES = 'The bank of the river was steep and muddy.\nThe bank raised its interest rates again.';
const DEFAULT_MASKED = 'The [MASK] of the river was steep and muddy.';
const GUESSES = 5;

export interface ContextProps {
  word?: string;
  sentences?: string;
  masked?: string;
  onParamsChange?: ParamsChange;
}

export function contextPropsFromParams(p: URLSearchParams): ContextProps {
  return { word: p.get('word') ?? undefined, sentences: p.get('s') ?? undefined, masked: p.get('mask') ?? undefined };
}

const fmt = (x: number, digits = 2) => x.toFixed(digits);
/** Share of the points' spread added around them, so a label written above a point at the edge is not cut. */
const LABEL_ROOM_X = 0.45;
const LABEL_ROOM_Y = 0.2;

/** Axis ranges a little wider than the points (plotly's own autorange leaves no room for text labels), legend below. */
function labelRoom(coords: readonly (readonly number[])[]): Partial<Layout> {
  const range = (k: number, room: number): [number, number] => {
    const v = coords.map((c) => c[k] ?? 0);
    const lo = Math.min(...v);
    const hi = Math.max(...v);
    const pad = room * (hi - lo || 1);
    return [lo - pad, hi + pad];
  };
  // The legend goes below the map: in a half-width column a legend at the side leaves the map too narrow.
  return { xaxis: { range: range(0, LABEL_ROOM_X) }, yaxis: { range: range(1, LABEL_ROOM_Y) }, legend: { orientation: 'h', x: 0, y: -0.15 } };
}


function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Loads the shipped model once; says what it is, or why it could not load. */
function useModelInfo() {
  const [info, setInfo] = useState<Awaited<ReturnType<typeof contextualModel>['ready']> | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    contextualModel().ready.then(
      (i) => live && setInfo(i),
      (e: unknown) => live && setError(errorText(e)),
    );
    return () => {
      live = false;
    };
  }, []);
  return { info, error };
}

export function ContextPlayground(props: ContextProps) {
  const { info, error } = useModelInfo();
  const [params, setParams] = useState<Record<string, string>>({});
  const update = (p: Record<string, string>) => {
    const next = { ...params, ...p };
    setParams(next);
    props.onParamsChange?.(next);
  };
  return (
    <section className="playground" aria-label="Words in context">
      <h2>Words in context</h2>
      <p className="lead">
        A static model gives a word one vector. A contextual model gives it a new vector in every sentence, from the
        words around it. This one is a small transformer the lab trained to guess hidden words in Brown and the State
        of the Union addresses (a toy next to BERT: 2 layers, 64 dimensions, 6,000 words).
      </p>
      {error && <p role="alert" className="error">The contextual model could not be loaded: {error}</p>}
      {!info && !error && <p role="status">Loading the contextual model…</p>}
      {info && (
        <p className="muted" role="status">
          Model ready: {info.layers} layers × {info.heads} heads, {info.dim} dimensions, {info.words.toLocaleString('en')} tokens, sentences of up to {info.maxLen} words
          {typeof info.meta.steps === 'number' ? `; trained ${info.meta.steps.toLocaleString('en')} steps` : ''}.
        </p>
      )}
      <div className="tool-grid">
        <OccurrencesTool ready={info !== null} word={props.word} sentences={props.sentences} onSubmit={update} />
        <MaskTool ready={info !== null} masked={props.masked} onSubmit={update} />
      </div>
      <SenseGame ready={info !== null} />
    </section>
  );
}

function OccurrencesTool({ ready, word: w0, sentences: s0, onSubmit }: { ready: boolean; word?: string; sentences?: string; onSubmit: (p: Record<string, string>) => void }) {
  const [word, setWord] = useState(w0 ?? DEFAULT_WORD);
  const [text, setText] = useState(s0 ?? DEFAULT_SENTENCES);
  const [asked, setAsked] = useState<{ word: string; text: string } | null>({ word: w0 ?? DEFAULT_WORD, text: s0 ?? DEFAULT_SENTENCES });
  const [result, setResult] = useState<OccurrencesResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    if (!ready || !asked) return;
    let live = true;
    setBusy(true);
    contextualModel()
      .api.occurrences(asked.text.split('\n'), asked.word)
      .then(
        (r) => {
          if (!live) return;
          setResult(r);
          setProblem(null);
        },
        (e: unknown) => live && setProblem(errorText(e)),
      )
      .finally(() => live && setBusy(false));
    return () => {
      live = false;
    };
  }, [ready, asked]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setAsked({ word, text });
    onSubmit({ word, s: text });
  };
  const occ = useMemo(() => result?.occurrences ?? [], [result]);
  const plot = useMemo(() => {
    if (!result || occ.length === 0) return null;
    const { coords } = pcaOfRows([result.staticVector, ...occ.map((o) => o.vector)]);
    const label = (o: (typeof occ)[number]) => `${result.word} #${o.sentence}`;
    return {
      data: [
        { type: 'scatter', mode: 'text+markers', name: 'context-free vector', x: [coords[0]![0]], y: [coords[0]![1]], text: [`${result.word} (no context)`], textposition: 'top center', marker: { size: 12, symbol: 'diamond' } },
        { type: 'scatter', mode: 'text+markers', name: 'in a sentence', x: coords.slice(1).map((c) => c[0]), y: coords.slice(1).map((c) => c[1]), text: occ.map(label), textposition: 'top center', marker: { size: 10 } },
      ] as Data[],
      layout: labelRoom(coords),
      summary: `${occ.length} occurrence${occ.length === 1 ? '' : 's'} of “${result.word}” and its context-free vector, on the first two principal components of these ${occ.length + 1} vectors.`,
    };
  }, [result, occ]);
  return (
    <form className="tool" onSubmit={submit} aria-label="Occurrences of a word">
      <h3>One word, many sentences</h3>
      <label>
        Word
        <input value={word} onChange={(e) => setWord(e.target.value)} spellCheck={false} />
      </label>
      <label>
        Sentences (one per line)
        <textarea value={text} onChange={(e) => setText(e.target.value)} rows={5} />
      </label>
      <button type="submit" disabled={!ready || busy}>
        Show the occurrences
      </button>
      {problem && <p role="alert" className="error">{problem}</p>}
      {result && result.problems.length > 0 && (
        <ul role="alert" className="error">
          {result.problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      {result && !result.inVocabulary && <p className="muted">“{result.word}” is not among the model’s words: it reads it as [UNK], so its vectors come from the context alone.</p>}
      {plot && <Plot label={`Map of the occurrences of ${result!.word}`} summary={plot.summary} data={plot.data} layout={plot.layout} height={360} />}
      {result && occ.length > 0 && (
        <>
          <table aria-label="Nearest words of each occurrence">
            <caption>Nearest words (by the model’s own word vectors) of each occurrence</caption>
            <thead>
              <tr>
                <th scope="col">Occurrence</th>
                <th scope="col">Nearest words</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">{result.word} (no context)</th>
                <td>{result.staticNeighbours.map((n) => `${n.token} ${fmt(n.cosine)}`).join(', ')}</td>
              </tr>
              {occ.map((o) => (
                <tr key={o.sentence} data-occurrence={o.sentence}>
                  <th scope="row">
                    {result.word} #{o.sentence}
                  </th>
                  <td>{o.neighbours.map((n) => `${n.token} ${fmt(n.cosine)}`).join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {occ.length > 1 && (
            <table aria-label="Cosines between occurrences">
              <caption>Cosine between occurrences (1 = same direction)</caption>
              <thead>
                <tr>
                  <th scope="col" />
                  {occ.map((o) => (
                    <th scope="col" key={o.sentence}>
                      #{o.sentence}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {occ.map((a) => (
                  <tr key={a.sentence}>
                    <th scope="row">#{a.sentence}</th>
                    {occ.map((b) => (
                      <td key={b.sentence} data-cosine={`${a.sentence}-${b.sentence}`}>
                        {fmt(cosVec(a.vector, b.vector))}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <AttentionView ready sentences={occ.map((o) => o.text)} />
        </>
      )}
    </form>
  );
}

function MaskTool({ ready, masked: m0, onSubmit }: { ready: boolean; masked?: string; onSubmit: (p: Record<string, string>) => void }) {
  const [text, setText] = useState(m0 ?? DEFAULT_MASKED);
  // The opening sentence is guessed as soon as the model is ready, as the occurrences are: a lesson that quotes the
  // guess must not depend on a press. Each press asks again (a new object, even for the same sentence).
  const [asked, setAsked] = useState<{ text: string }>({ text: m0 ?? DEFAULT_MASKED });
  const [result, setResult] = useState<{ tokens: string[]; masks: MaskedGuesses[] } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (!ready) return;
    let live = true;
    setBusy(true);
    contextualModel()
      .api.predict(asked.text, GUESSES)
      .then(
        (r) => {
          if (!live) return;
          setResult(r);
          setProblem(r.masks.length === 0 ? 'Write [MASK] (or a lone _) where the hidden word goes.' : null);
        },
        (err: unknown) => live && setProblem(errorText(err)),
      )
      .finally(() => live && setBusy(false));
    return () => {
      live = false;
    };
  }, [ready, asked]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit({ mask: text });
    setAsked({ text });
  };
  return (
    <form className="tool" onSubmit={submit} aria-label="Guess the hidden word">
      <h3>Guess the hidden word</h3>
      <label>
        Sentence with [MASK]
        <input value={text} onChange={(e) => setText(e.target.value)} spellCheck={false} />
      </label>
      <button type="submit" disabled={!ready || busy}>
        Guess
      </button>
      {problem && <p role="alert" className="error">{problem}</p>}
      {result?.masks.map((m) => (
        <table key={m.position} aria-label={`Guesses for word ${m.position + 1}`}>
          <caption>
            Guesses for word {m.position + 1} of “{result.tokens.join(' ')}”
          </caption>
          <thead>
            <tr>
              <th scope="col">Word</th>
              <th scope="col">Probability</th>
            </tr>
          </thead>
          <tbody>
            {m.guesses.map((g) => (
              <tr key={g.token}>
                <td>{g.token}</td>
                <td>{fmt(g.p, 3)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </form>
  );
}

/** One sentence's attention weights as a grid: row = the word attending, column = the word attended to. */
function AttentionView({ ready, sentences }: { ready: boolean; sentences: string[] }) {
  const [which, setWhich] = useState(0);
  const [layer, setLayer] = useState(0);
  const [head, setHead] = useState(0);
  const [maps, setMaps] = useState<AttentionMaps | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const sentence = sentences[Math.min(which, sentences.length - 1)] ?? '';
  useEffect(() => {
    if (!ready || !sentence) return;
    let live = true;
    contextualModel()
      .api.attention(sentence)
      .then(
        (m) => live && (setMaps(m), setProblem(null)),
        (e: unknown) => live && setProblem(errorText(e)),
      );
    return () => {
      live = false;
    };
  }, [ready, sentence]);
  if (!maps) return problem ? <p role="alert" className="error">{problem}</p> : null;
  const n = maps.tokens.length;
  const at = (i: number, j: number) => maps.weights[((Math.min(layer, maps.layers - 1) * maps.heads + Math.min(head, maps.heads - 1)) * n + i) * n + j]!;
  return (
    // Scrolls sideways on its own when a long sentence makes the grid wider than a phone.
    <div className="attention" style={{ overflowX: 'auto' }}>
      <h4>Attention in one sentence</h4>
      <div className="controls">
        <label>
          Sentence
          <select value={which} onChange={(e) => setWhich(Number(e.target.value))}>
            {sentences.map((s, i) => (
              <option key={i} value={i}>
                {i + 1}: {s.slice(0, 40)}
              </option>
            ))}
          </select>
        </label>
        <label>
          Layer
          <select value={layer} onChange={(e) => setLayer(Number(e.target.value))}>
            {Array.from({ length: maps.layers }, (_, i) => (
              <option key={i} value={i}>
                {i + 1}
              </option>
            ))}
          </select>
        </label>
        <label>
          Head
          <select value={head} onChange={(e) => setHead(Number(e.target.value))}>
            {Array.from({ length: maps.heads }, (_, i) => (
              <option key={i} value={i}>
                {i + 1}
              </option>
            ))}
          </select>
        </label>
      </div>
      <table aria-label="Attention weights" className="attention-grid">
        <caption>Row: the word looking; column: the word it looks at; darker = more attention (each row sums to 1)</caption>
        <thead>
          <tr>
            <th scope="col" />
            {maps.tokens.map((t, j) => (
              <th scope="col" key={j}>
                {t}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {maps.tokens.map((t, i) => (
            <tr key={i}>
              <th scope="row">{t}</th>
              {maps.tokens.map((u, j) => {
                const w = at(i, j);
                return (
                  <td key={j} title={`${t} → ${u}: ${fmt(w)}`} style={{ background: `rgba(29, 78, 216, ${w.toFixed(3)})`, color: w > 0.5 ? '#fff' : undefined }}>
                    {fmt(w)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
