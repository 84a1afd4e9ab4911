// Scorecard: the active vectors scored on every benchmark the lab has, intrinsic and extrinsic, each with its
// noise band and baseline and a verdict computed from them; with two or more sets scored, where the benchmarks
// rank them differently. The scoring runs in a worker (src/workers/scorecard.worker.ts) with progress and cancel.
import { useEffect } from 'react';
import { proxy, transfer, wrap } from 'comlink';
import { BENCHMARKS, type BenchmarkId, type Scorecard, type ScorecardProgress, type ScoreRow, type Verdict } from '../../core/scorecard/scorecard';
import { pairOrders, rankBenchmarks } from '../../core/scorecard/disagreement';
import { useScorecardStore } from '../../state/scorecardStore';
import type { ScorecardApi } from '../../workers/scorecard.worker';
import { useWorkerRun } from '../common/useWorkerRun';
import { useActiveVectors } from './shippedVectors';
import { VectorsStatus } from './VectorsStatus';

const makeScorecardWorker = () => new Worker(new URL('../../workers/scorecard.worker.ts', import.meta.url), { type: 'module', name: 'scorecard' });

const pct = (x: number) => (Number.isFinite(x) ? `${(100 * x).toFixed(1)}%` : '—');
/** Similarity is a correlation, every other figure a share. */
const fmtScore = (id: BenchmarkId, x: number) => (id === 'similarity' ? (Number.isFinite(x) ? x.toFixed(3) : '—') : pct(x));
const benchName = (id: BenchmarkId) => BENCHMARKS.find((b) => b.id === id)!.name;

const VERDICT_TEXT: Record<Verdict, string> = {
  beats: 'beats its baseline',
  'within noise': 'not beyond the noise',
  below: 'below its baseline',
};

export function ScorecardPlayground() {
  const { active, kv, loading } = useActiveVectors();
  const { cards, put, remove, clear } = useScorecardStore();
  const { phase, progress, start, cancel } = useWorkerRun<ScorecardProgress, Scorecard>(makeScorecardWorker);
  const problem = phase.kind === 'error' ? phase.message : null;
  const status = phase.kind === 'done' ? `Scored ${phase.result.name} in ${phase.result.seconds.toFixed(0)} s.` : phase.kind === 'cancelled' ? 'Scoring cancelled.' : null;
  // A finished card joins the others in the store (once: a run's done phase is one object).
  useEffect(() => {
    if (phase.kind === 'done') put(phase.result);
  }, [phase, put]);

  const score = () => {
    if (!kv || !active) return;
    const name = active.label;
    const vectors = kv.vectors.slice(0, kv.size * kv.dim);
    start(
      (w, onProgress) => wrap<ScorecardApi>(w).score(document.baseURI, name, [...kv.words], transfer(vectors, [vectors.buffer]), kv.dim, proxy(onProgress)),
      { stage: 'starting', index: 0, stages: 5, fraction: 0 },
    );
  };

  return (
    <section className="playground" aria-label="Scorecard">
      <h2>Scorecard</h2>
      <VectorsStatus active={active} loading={loading} />
      <p className="muted explain">
        Every benchmark the lab has, on the vectors in use. Intrinsic: the project's analogy questions and word-similarity
        pairs. Extrinsic: a linear probe for part of speech on held-out words (with a control task of random labels per
        word), the Brown genre classifier on the frozen vectors, and search over the 500 Brown documents against BM25
        keywords. Each score has its noise band (a 95% interval over questions, pairs or queries, or the range over
        3 seeds) and its baseline; the verdict says whether the score beats the baseline beyond that noise. Score
        another set (choose it above) to see where the benchmarks rank them differently. Scoring takes under a
        minute, in a worker.
      </p>
      <div className="inputs">
        <button type="button" className="primary" disabled={!kv || progress !== null} onClick={score}>
          Score these vectors
        </button>
        {cards.length > 0 && (
          <button type="button" disabled={progress !== null} onClick={clear}>
            Clear all scorecards
          </button>
        )}
      </div>
      {progress && (
        <div className="load-progress" role="status">
          <label>
            Scoring: {progress.stage} ({Math.min(progress.index + 1, progress.stages)} of {progress.stages}){' '}
            <progress max={1} value={(progress.index + progress.fraction) / progress.stages} aria-label="Scoring progress" />
          </label>{' '}
          <button type="button" onClick={cancel}>
            Cancel scoring
          </button>
        </div>
      )}
      {problem && (
        <p role="alert" className="error">
          {problem}
        </p>
      )}
      {status && <p role="status">{status}</p>}
      {cards.map((c) => (
        <Card key={c.name} card={c} onRemove={() => remove(c.name)} />
      ))}
      {cards.length >= 2 && <Disagreement cards={cards} />}
    </section>
  );
}

function baselineText(id: BenchmarkId, b: ScoreRow['baselines'][number]): string {
  const band = b.low !== undefined && b.high !== undefined && b.low !== b.high ? ` [${fmtScore(id, b.low)}, ${fmtScore(id, b.high)}]` : '';
  return `${b.name} ${fmtScore(id, b.value)}${band}`;
}

function Card({ card, onRemove }: { card: Scorecard; onRemove: () => void }) {
  return (
    <section className="tool" aria-label={`Scorecard of ${card.name}`} data-testid="scorecard">
      <h3>{card.name}</h3>
      <p className="muted">
        {card.words.toLocaleString('en')} words, {card.dim} dimensions; scored in {card.seconds.toFixed(0)} s.{' '}
        <button type="button" onClick={onRemove} aria-label={`Remove the scorecard of ${card.name}`}>
          Remove
        </button>
      </p>
      <table className="results-table" aria-label={`Scores of ${card.name}`}>
        <thead>
          <tr>
            <th scope="col">benchmark</th>
            <th scope="col">kind</th>
            <th scope="col">score</th>
            <th scope="col">noise band</th>
            <th scope="col">baselines</th>
            <th scope="col">verdict</th>
          </tr>
        </thead>
        <tbody>
          {card.rows.map((r) => (
            <tr key={r.id} data-benchmark={r.id} data-verdict={r.verdict}>
              <th scope="row">{r.name}</th>
              <td>{r.kind}</td>
              <td className="num" data-testid={`score-${r.id}`} data-value={r.value}>
                {fmtScore(r.id, r.value)}
              </td>
              <td>
                [{fmtScore(r.id, r.low)}, {fmtScore(r.id, r.high)}] <span className="muted">{r.noise}</span>
              </td>
              <td>{r.baselines.map((b) => baselineText(r.id, b)).join('; ')}</td>
              <td>
                <strong className={r.verdict === 'beats' ? 'ok' : r.verdict === 'below' ? 'error' : undefined}>{VERDICT_TEXT[r.verdict]}</strong>{' '}
                <span className="muted">
                  ({r.verdictRule}; {r.detail})
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function Disagreement({ cards }: { cards: Scorecard[] }) {
  const ranked = rankBenchmarks(cards);
  const pairs = pairOrders(cards);
  const list = (ids: BenchmarkId[]) => ids.map(benchName).join(', ');
  return (
    <section className="tool" aria-label="Where the benchmarks disagree">
      <h3>Where the benchmarks disagree</h3>
      <table className="results-table" aria-label="Rank of each set per benchmark">
        <thead>
          <tr>
            <th scope="col">benchmark</th>
            {cards.map((c) => (
              <th scope="col" key={c.name}>
                {c.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {ranked.map((b) => (
            <tr key={b.id}>
              <th scope="row">{benchName(b.id)}</th>
              {cards.map((c) => {
                const o = b.order.find((x) => x.name === c.name)!;
                return (
                  <td key={c.name} className="num">
                    #{o.rank} ({fmtScore(b.id, o.value)})
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">
        "Ahead" means beyond the noise: the lower end of one set's band is above the upper end of the other's. Ranks by the
        score alone can differ by less than the noise. Each set is probed on its own most frequent tagged words.
      </p>
      <ul data-testid="pair-orders">
        {pairs.map((p) => (
          <li key={`${p.a}|${p.b}`} data-conflict={p.conflict}>
            {p.conflict ? <strong>The benchmarks disagree on {p.a} and {p.b}: </strong> : <strong>{p.a} and {p.b}: </strong>}
            {p.aAhead.length > 0 && `${p.a} is ahead on ${list(p.aAhead)}. `}
            {p.bAhead.length > 0 && `${p.b} is ahead on ${list(p.bAhead)}. `}
            {p.even.length > 0 && `Not separable from noise on ${list(p.even)}.`}
            {!p.conflict && (p.aAhead.length > 0 || p.bAhead.length > 0) && ' No benchmark orders them the other way.'}
          </li>
        ))}
      </ul>
    </section>
  );
}
