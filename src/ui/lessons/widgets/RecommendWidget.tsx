// Recommendation learned from interactions, with cold start. The sessions come from a declared shop model
// (src/core/recommend/shopModel.ts), shown here in full; item2vec (the lab's skip-gram run on sessions as
// sentences) trains in a worker over several seeds; the student clicks items into a history and sees the
// recommendations with their reason, hit rate@10 against popularity and random with the spread over seeds, and
// places a new item (no interactions) from the metadata they choose to give the recommender.
import { useMemo, useState } from 'react';
import { proxy, wrap } from 'comlink';
import { useWorkerRun } from '../../common/useWorkerRun';
import { nearestReleased, neighbourPrecision, placeByMetadata } from '../../../core/recommend/coldStart';
import { DEFAULT_SEEDS, TOP_K, type Summary } from '../../../core/recommend/experiment';
import { ITEM2VEC_SETTINGS } from '../../../core/recommend/item2vec';
import type { Spread } from '../../../core/recommend/hitMetrics';
import { rankForHistory } from '../../../core/recommend/recommender';
import { DEFAULT_SHOP, GENRES, PRICE_BANDS, generateShop, itemName, trueNeighbours, type Item, type Shop } from '../../../core/recommend/shopModel';
import { KeyedVectors } from '../../../core/vectors/keyedVectors';
import type { RecommendApi, RecommendProgress } from '../../../workers/recommend.worker';
import { fmt } from './vectorMath';
import { listAttr, numAttr, type WidgetProps } from './types';
import { useReportState } from './useReportState';

/** Log sizes offered: small enough to generate on the page at once, large enough to show that more data helps. */
export const SESSION_CHOICES = [500, 2000, 8000] as const;
export const SEED_CHOICES = [1, 3, 5] as const;
/** Sessions of the first log shown as examples of what item2vec reads. */
const EXAMPLE_SESSIONS = 3;
/** Neighbours of a placed new item listed. */
const NEIGHBOURS_SHOWN = 10;

/** A finished training run: the scores, the first seed's vectors, and the log size they were trained on. */
type Trained = { summary: Summary; kv: KeyedVectors; sessions: number };

const makeRecommendWorker = () => new Worker(new URL('../../../workers/recommend.worker.ts', import.meta.url), { type: 'module', name: 'recommend' });

const pm = (s: Spread) => `${fmt(s.mean, 3)} ± ${fmt(s.sd, 3)}`;
const pct = (x: number) => `${Math.round(100 * x)}%`;

/** How often consecutive picks in the log share a genre, and a price band: the structure item2vec can pick up. */
function adjacency(shop: Shop): { genre: number; band: number } {
  let genre = 0;
  let band = 0;
  let pairs = 0;
  for (const s of shop.sessions) {
    for (let i = 1; i < s.items.length; i++, pairs++) {
      const a = shop.items[s.items[i - 1]!]!;
      const b = shop.items[s.items[i]!]!;
      if (a.genre === b.genre) genre++;
      if (a.band === b.band) band++;
    }
  }
  return { genre: genre / Math.max(1, pairs), band: band / Math.max(1, pairs) };
}

function ModelDescription({ shop }: { shop: Shop }) {
  const c = shop.config;
  const adj = adjacency(shop);
  const user = shop.users[0]!;
  const ranked = user.taste.map((w, g) => ({ w, g })).sort((a, b) => b.w - a.w);
  return (
    <section aria-label="Generating model">
      <p>
        <strong>Generated data, from a declared model.</strong> No shop's real interaction log is free to ship with
        the lab, so these sessions are drawn from the model below, whose structure is known. That is what lets the
        widget check a cold-start item against its <em>true</em> neighbours.
      </p>
      <ul>
        <li>
          {GENRES.length} genres × {PRICE_BANDS.length} price bands × {c.itemsPerCell} films ={' '}
          {GENRES.length * PRICE_BANDS.length * c.itemsPerCell}; the last film of each cell is <em>new</em> (released after
          the log: no interactions at all). Within a cell, film k is picked with weight 1/k: a few hits, a long tail.
        </li>
        <li>
          Each user loves one genre ({pct(c.firstGenreShare)} of their taste), likes a second ({pct(c.secondGenreShare)}),
          and shares the rest evenly; picks stay in their own price band {pct(c.priceLoyalty)} of the time.
        </li>
        <li>
          A session holds {c.minSessionLength} to {c.maxSessionLength} picks, no repeats; each next pick keeps the
          session's genre with chance {pct(c.stay)}, and {pct(c.noise)} of picks are any film at all.
        </li>
        <li>
          {shop.sessions.length} sessions, {c.sessionsPerUser} per user; each user's last pick is held out for scoring.
        </li>
      </ul>
      <p className="muted">
        In this log (seed {c.seed}), consecutive picks share a genre {pct(adj.genre)} of the time (chance:{' '}
        {pct(1 / GENRES.length)}) and a price band {pct(adj.band)} (chance: {pct(1 / PRICE_BANDS.length)}). User 1
        loves {GENRES[ranked[0]!.g]}, likes {GENRES[ranked[1]!.g]}, buys {PRICE_BANDS[user.band]}.
      </p>
      <ol aria-label="Example sessions" className="small">
        {shop.sessions.slice(0, EXAMPLE_SESSIONS).map((s, i) => (
          <li key={i}>{s.items.map((id) => shop.items[id]!.name).join(' → ')}</li>
        ))}
      </ol>
    </section>
  );
}

function Catalogue({ shop, history, toggle }: { shop: Shop; history: number[]; toggle: (id: number) => void }) {
  const inHistory = new Set(history);
  return (
    <table aria-label="Catalogue" className="small">
      <thead>
        <tr><th scope="col">genre</th>{PRICE_BANDS.map((b) => <th key={b} scope="col">{b}</th>)}</tr>
      </thead>
      <tbody>
        {GENRES.map((g, gi) => (
          <tr key={g}>
            <th scope="row">{g}</th>
            {PRICE_BANDS.map((b, bi) => (
              <td key={b}>
                {shop.items.filter((it) => it.genre === gi && it.band === bi).map((it) =>
                  it.isNew ? (
                    <span key={it.id} className="muted" title={`${it.name}: new, no interactions`}> {it.rankInCell + 1}·new</span>
                  ) : (
                    <button key={it.id} type="button" aria-label={it.name} title={it.name} aria-pressed={inHistory.has(it.id)} onClick={() => toggle(it.id)}>
                      {it.rankInCell + 1}
                    </button>
                  ),
                )}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Metrics({ summary }: { summary: Summary }) {
  const rows = [
    { name: 'item2vec', hr: summary.hitRate.item2vec, ndcg: summary.ndcg.item2vec },
    { name: 'popularity (most picked first)', hr: summary.hitRate.popularity, ndcg: summary.ndcg.popularity },
    { name: 'random order', hr: summary.hitRate.random, ndcg: summary.ndcg.random },
  ];
  const v = summary.item2vecVsPopularity;
  return (
    <>
      <table aria-label="Hit rate at 10">
        <thead><tr><th>method</th><th>hit rate@{summary.k}</th><th>NDCG@{summary.k}</th></tr></thead>
        <tbody>{rows.map((r) => <tr key={r.name}><td>{r.name}</td><td>{pm(r.hr)}</td><td>{pm(r.ndcg)}</td></tr>)}</tbody>
      </table>
      <p aria-label="Verdict">
        Mean ± standard deviation over {summary.seeds.length} seed{summary.seeds.length > 1 ? 's' : ''} ({summary.cases}{' '}
        held-out picks in all). item2vec − popularity: {pm(v.difference)}.{' '}
        {summary.seeds.length < 2
          ? 'One seed has no spread: train with 3 or 5 seeds before calling it a finding.'
          : v.beyondNoise
            ? 'item2vec beats popularity beyond the seed noise (ahead in every seed, by more than two standard errors).'
            : 'item2vec does NOT beat popularity beyond the seed noise here.'}
      </p>
      <p aria-label="Cold-start summary">
        Cold start, every new film over the same seeds: placed by
        genre and price band, a new film finds {pm(summary.coldStart.metadata)} of its true neighbours; placed at a random
        film, {pm(summary.coldStart.random)}.{' '}
        {summary.seeds.length < 2
          ? 'One seed has no spread.'
          : summary.coldStartVsRandom.beyondNoise
            ? 'Beyond the seed noise.'
            : 'NOT beyond the seed noise here.'}
      </p>
    </>
  );
}

function Recommendations({ shop, kv, history }: { shop: Shop; kv: KeyedVectors; history: number[] }) {
  if (history.length === 0) return <p role="alert">Click films in the catalogue to build a history.</p>;
  const recs = rankForHistory(kv, shop.items, history).filter((r) => Number.isFinite(r.score)).slice(0, TOP_K);
  if (recs.length === 0) return <p role="alert">item2vec has no vector for any film in this history (none was picked in the log).</p>;
  return (
    <table aria-label="Recommendations">
      <thead><tr><th>#</th><th>film</th><th>genre</th><th>price</th><th>cosine to history</th><th>because you picked</th></tr></thead>
      <tbody>
        {recs.map((r, i) => {
          const it = shop.items[r.item]!;
          return (
            <tr key={r.item}>
              <td>{i + 1}</td><td>{it.name}</td><td>{GENRES[it.genre]}</td><td>{PRICE_BANDS[it.band]}</td>
              <td>{fmt(r.score, 2)}</td><td>{r.because >= 0 ? shop.items[r.because]!.name : '–'}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function ColdStart({ shop, kv }: { shop: Shop; kv: KeyedVectors }) {
  const [genre, setGenre] = useState(GENRES.indexOf('thriller'));
  const [band, setBand] = useState(PRICE_BANDS.indexOf('premium'));
  const [useGenre, setUseGenre] = useState(true);
  const [useBand, setUseBand] = useState(true);
  const newItem = shop.items.find((it) => it.isNew && it.genre === genre && it.band === band)!;
  const truth = new Set(trueNeighbours(shop, newItem).filter((j) => kv.has(j.name)).map((j) => j.id));
  const placed = placeByMetadata(kv, shop.items, { genre: useGenre ? genre : null, band: useBand ? band : null });
  const near = placed ? nearestReleased(kv, shop.items, placed.vector, Math.max(NEIGHBOURS_SHOWN, truth.size)) : [];
  const precision = neighbourPrecision(near.slice(0, truth.size).map((n) => n.item), truth);
  // A random placement (at a random released film's vector): its nearest films are that film's cell, the new
  // item's own cell with chance 1/18; averaged exactly over every released film.
  const released = shop.items.filter((it) => !it.isNew && kv.has(it.name));
  const random = released.reduce((s, r) => s + neighbourPrecision(nearestReleased(kv, shop.items, kv.unitVector(r.name), truth.size).map((n) => n.item), truth), 0) / Math.max(1, released.length);
  const given = [useGenre && `genre ${GENRES[genre]}`, useBand && `price band ${PRICE_BANDS[band]}`].filter(Boolean).join(' and ') || 'nothing (the mean of the whole catalogue)';
  return (
    <section aria-label="Cold start">
      <div className="controls">
        <label>New film's genre <select value={genre} onChange={(e) => setGenre(Number(e.target.value))}>{GENRES.map((g, i) => <option key={g} value={i}>{g}</option>)}</select></label>
        <label>New film's price band <select value={band} onChange={(e) => setBand(Number(e.target.value))}>{PRICE_BANDS.map((b, i) => <option key={b} value={i}>{b}</option>)}</select></label>
        <label><input type="checkbox" checked={useGenre} onChange={(e) => setUseGenre(e.target.checked)} /> Tell the recommender its genre</label>
        <label><input type="checkbox" checked={useBand} onChange={(e) => setUseBand(e.target.checked)} /> Tell the recommender its price band</label>
      </div>
      <p>
        <strong>{newItem.name}</strong> has no interactions, so item2vec has no vector for it. It is placed at the mean of
        the films that share what the recommender is told: {given} ({placed?.basis.length ?? 0} films).
      </p>
      <p aria-label="Cold-start precision">
        {Math.round(precision * truth.size)} of its {truth.size} nearest films are true neighbours ({pct(precision)});
        placed at a random film: {pct(random)}.
      </p>
      <table aria-label="New film's neighbours" className="small">
        <thead><tr><th>#</th><th>film</th><th>cosine</th><th>true neighbour (same genre and price band)</th></tr></thead>
        <tbody>
          {near.slice(0, NEIGHBOURS_SHOWN).map((n, i) => (
            <tr key={n.item}><td>{i + 1}</td><td>{shop.items[n.item]!.name}</td><td>{fmt(n.score, 2)}</td><td>{truth.has(n.item) ? 'yes' : 'no'}</td></tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function namesToIds(items: readonly Item[], names: readonly string[]): number[] {
  const byName = new Map(items.map((it) => [it.name, it]));
  return names.map((n) => byName.get(n)).filter((it): it is Item => it !== undefined && !it.isNew).map((it) => it.id);
}

export default function RecommendWidget({ attrs, onState }: WidgetProps) {
  const attrSessions = numAttr(attrs, 'sessions', DEFAULT_SHOP.sessions);
  const [sessions, setSessions] = useState<number>(SESSION_CHOICES.find((s) => s === attrSessions) ?? DEFAULT_SHOP.sessions);
  const attrSeeds = numAttr(attrs, 'seeds', DEFAULT_SEEDS.length);
  const [seedCount, setSeedCount] = useState<number>(SEED_CHOICES.find((s) => s === attrSeeds) ?? DEFAULT_SEEDS.length);
  const shop = useMemo(() => generateShop({ seed: DEFAULT_SEEDS[0], sessions }), [sessions]);
  const [history, setHistory] = useState<number[]>(() => namesToIds(shop.items, listAttr(attrs, 'history', [itemName(3, 0, 0), itemName(3, 0, 1)])));
  const { phase, progress, start, cancel } = useWorkerRun<RecommendProgress, Trained>(makeRecommendWorker);
  // The last trained vectors stay on the page through a later run that is running, cancelled or failed.
  const [result, setResult] = useState<Trained | null>(null);
  if (phase.kind === 'done' && phase.result !== result) setResult(phase.result);

  const train = () => {
    const seeds = Array.from({ length: seedCount }, (_, i) => DEFAULT_SEEDS[0]! + i);
    start((w, onProgress) =>
      wrap<RecommendApi>(w)
        .run(seeds, sessions, proxy(onProgress))
        .then((out) => ({ summary: out.summary, kv: new KeyedVectors(out.words, out.vectors, out.dim), sessions })),
    );
  };
  // The step's link keeps the inputs (an empty history is left out: the schema wants at least one film, so the
  // link then reopens with the lesson's history).
  useReportState(onState, {
    sessions: String(sessions),
    seeds: String(seedCount),
    ...(history.length > 0 ? { history: history.map((id) => shop.items[id]!.name).join(',') } : {}),
  });
  const toggle = (id: number) => setHistory((h) => (h.includes(id) ? h.filter((x) => x !== id) : [...h, id]));
  // The vectors shown belong to the log they were trained on; a new log size needs a new run.
  const fresh = result && result.sessions === sessions ? result : null;

  return (
    <div>
      <ModelDescription shop={shop} />
      <div className="controls">
        <label>Sessions in the log <select value={sessions} disabled={phase.kind === 'running'} onChange={(e) => setSessions(Number(e.target.value))}>{SESSION_CHOICES.map((s) => <option key={s} value={s}>{s}</option>)}</select></label>
        <label>Seeds <select value={seedCount} disabled={phase.kind === 'running'} onChange={(e) => setSeedCount(Number(e.target.value))}>{SEED_CHOICES.map((s) => <option key={s} value={s}>{s}</option>)}</select></label>
        {phase.kind === 'running' ? (
          <button type="button" onClick={cancel}>Cancel</button>
        ) : (
          <button type="button" onClick={train}>Train item2vec</button>
        )}
      </div>
      {phase.kind === 'running' && (
        <p>
          <progress value={progress?.fraction ?? 0} max={1} aria-label="Training progress" />{' '}
          {progress ? `seed ${progress.seedIndex + 1} of ${progress.seeds}` : 'starting…'}
        </p>
      )}
      {phase.kind === 'cancelled' && <p role="status">Training cancelled; nothing was scored.</p>}
      {phase.kind === 'error' && <p role="alert">Training failed: {phase.message}</p>}
      {fresh ? <Metrics summary={fresh.summary} /> : phase.kind !== 'running' && <p className="muted">Train item2vec to score it against popularity and random.</p>}
      <h4>Your history</h4>
      <Catalogue shop={shop} history={history} toggle={toggle} />
      <ol aria-label="History">{history.map((id) => <li key={id}>{shop.items[id]!.name}</li>)}</ol>
      <button type="button" onClick={() => setHistory([])} disabled={history.length === 0}>Clear history</button>
      {fresh && <Recommendations shop={shop} kv={fresh.kv} history={history} />}
      {fresh && (
        <>
          <h4>Cold start: a new film</h4>
          <ColdStart shop={shop} kv={fresh.kv} />
        </>
      )}
      <p className="source">
        item2vec = the lab's skip-gram (dimension {ITEM2VEC_SETTINGS.dim}, window {ITEM2VEC_SETTINGS.window}, {ITEM2VEC_SETTINGS.epochs} epochs) run on the sessions as sentences, each film
        a word; the recommendations and the new film use the first seed's vectors. Hit rate@{TOP_K}: share of held-out
        picks among the {TOP_K} films recommended from the rest of the session.
      </p>
    </div>
  );
}
