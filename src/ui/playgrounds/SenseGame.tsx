// The sense game: twenty corpus occurrences of an ambiguous word (the project's sense-labelled set,
// data/senses/senses.json), each turned into a vector by the contextual model. The student labels occurrences with
// senses; the map colours the points by the student's labels, so the student sees whether the model's vectors
// group the way the student reads the sentences. The project's own labels stay hidden until the student asks.
import { useEffect, useMemo, useState } from 'react';
import type { Data } from 'plotly.js-dist-min';
import SENSE_SET from '../../../data/senses/senses.json';
import { scoreSenseGame, UNDECIDED } from '../../core/models/contextual/senseGame';
import { pcaOfRows } from '../../core/project/pca';
import { contextualModel } from './contextualClient';
import { Plot } from './Plot';

interface SenseSetFile {
  words: {
    word: string;
    senses: Record<string, string>;
    occurrences: { source: string; sentence: string; tokens: string[]; position: number; sense: string }[];
  }[];
}

const WORDS = (SENSE_SET as unknown as SenseSetFile).words;
const UNDECIDED_NAME = 'not labelled yet';

const fmt = (x: number) => (Number.isNaN(x) ? 'not yet defined' : x.toFixed(2));

function Sentence({ tokens, position }: { tokens: string[]; position: number }) {
  return (
    <span>
      {tokens.map((t, i) => (
        <span key={i}>
          {i > 0 && ' '}
          {i === position ? <mark>{t}</mark> : t}
        </span>
      ))}
    </span>
  );
}

export function SenseGame({ ready }: { ready: boolean }) {
  const [wordIndex, setWordIndex] = useState(0);
  const entry = WORDS[wordIndex]!;
  const senseNames = Object.keys(entry.senses);
  const [labels, setLabels] = useState<string[]>(() => entry.occurrences.map(() => UNDECIDED));
  const [vectors, setVectors] = useState<Float32Array[] | null>(null);
  const [revealed, setRevealed] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    if (!ready) return;
    let live = true;
    setVectors(null);
    contextualModel()
      .api.vectorsAt(entry.occurrences.map((o) => ({ tokens: o.tokens, position: o.position })))
      .then(
        (v) => live && (setVectors(v), setProblem(null)),
        (e: unknown) => live && setProblem(e instanceof Error ? e.message : String(e)),
      );
    return () => {
      live = false;
    };
  }, [ready, entry]);

  const chooseWord = (i: number) => {
    setWordIndex(i);
    setLabels(WORDS[i]!.occurrences.map(() => UNDECIDED));
    setRevealed(false);
  };
  const setLabel = (i: number, sense: string) => setLabels(labels.map((l, j) => (j === i ? sense : l)));

  const coords = useMemo(() => (vectors ? pcaOfRows(vectors).coords : null), [vectors]);
  const score = useMemo(
    () => (vectors ? scoreSenseGame(vectors, labels, entry.occurrences.map((o) => o.sense)) : null),
    [vectors, labels, entry],
  );
  const data = useMemo(() => {
    if (!coords) return null;
    return [...senseNames, UNDECIDED].map((sense) => {
      const idx = labels.map((l, i) => (l === sense ? i : -1)).filter((i) => i >= 0);
      return {
        type: 'scatter',
        mode: 'text+markers',
        name: sense === UNDECIDED ? UNDECIDED_NAME : sense,
        x: idx.map((i) => coords[i]![0]),
        y: idx.map((i) => coords[i]![1]),
        text: idx.map((i) => `#${i + 1}`),
        textposition: 'top center',
        marker: sense === UNDECIDED ? { size: 8, color: '#888' } : { size: 11 },
      };
    }) as Data[];
  }, [coords, labels, senseNames]);

  return (
    <section className="tool" aria-label="Sense game">
      <h3>The sense game</h3>
      <p className="muted">
        Twenty sentences from Brown and the State of the Union with one ambiguous word. Read each, pick the sense you
        see, and watch the map: each point is the model's vector of the word in that sentence, coloured by your label.
        If the model separates the senses, your colours fall into groups on their own.
      </p>
      <label>
        Word{' '}
        <select value={wordIndex} onChange={(e) => chooseWord(Number(e.target.value))}>
          {WORDS.map((w, i) => (
            <option key={w.word} value={i}>
              {w.word}
            </option>
          ))}
        </select>
      </label>
      {problem && <p role="alert" className="error">{problem}</p>}
      {!vectors && !problem && <p role="status">Reading the twenty sentences with the model…</p>}
      {data && coords && (
        <Plot
          label={`Occurrences of ${entry.word}, coloured by your senses`}
          summary={`${entry.occurrences.length} occurrences of “${entry.word}” on the first two principal components of their contextual vectors; ${score?.labelled ?? 0} labelled by you.`}
          data={data}
          height={340}
        />
      )}
      {score && (
        <p role="status" aria-label="Sense game score">
          You labelled {score.labelled} of {entry.occurrences.length}. How well the model's cosines separate your senses
          (the chance that two occurrences you gave the same sense are closer than two you told apart; 0.5 is no better
          than a coin): <strong data-testid="sense-auc-student">{fmt(score.aucOfStudent)}</strong>.
          {revealed && (
            <>
              {' '}The project's labels: you agree on <strong data-testid="sense-agreed">{score.agreed}</strong> of {score.labelled};
              with the project's labels the model scores <strong data-testid="sense-auc-project">{fmt(score.aucOfProject)}</strong>. Try the
              other words: this small model, trained for a third of an epoch, separates some of them far better than others.
            </>
          )}
        </p>
      )}
      <button type="button" onClick={() => setRevealed(true)} disabled={revealed}>
        Reveal the project's labels
      </button>
      <ol className="sense-list" aria-label={`Occurrences of ${entry.word}`}>
        {entry.occurrences.map((o, i) => (
          <li key={o.source}>
            <Sentence tokens={o.tokens} position={o.position} />{' '}
            <select value={labels[i]} aria-label={`Sense of occurrence ${i + 1}`} onChange={(e) => setLabel(i, e.target.value)}>
              <option value={UNDECIDED}>{UNDECIDED_NAME}</option>
              {senseNames.map((s) => (
                <option key={s} value={s}>
                  {s}: {entry.senses[s]}
                </option>
              ))}
            </select>
            {revealed && <span className="muted" data-testid="project-sense"> project: {o.sense}</span>}
          </li>
        ))}
      </ol>
    </section>
  );
}
