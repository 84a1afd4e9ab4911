// Comparing two vector spaces: how well a map learned on shared words retrieves held-out words from one space in the
// other (the method of cross-lingual word retrieval, here between two corpora of one language), and which words
// changed neighbours between the spaces beyond what a second training seed changes. The defaults compare Brown with
// the State of the Union speeches, with Brown trained again under another seed as the noise baseline.
import { useEffect, useRef, useState } from 'react';
import { wrap } from 'comlink';
import type { CompareResult } from '../../core/align/compareSpaces';
import { DEFAULT_COMPARE } from '../../core/align/compareSpaces';
import type { CompareApi, SpaceSource } from '../../workers/compare.worker';
import { loadShippedIndex, type ShippedEntry } from './shippedVectors';
import type { ParamsChange } from './usePlaygroundParams';

const DEFAULTS = { a: 'brown-sg100', b: 'sotu-sg100', a2: 'brown-sg100-seed2', b2: 'sotu-sg100-seed2' };

export interface CompareProps {
  a?: string;
  b?: string;
  a2?: string;
  b2?: string;
  onParamsChange?: ParamsChange;
}

export function comparePropsFromParams(p: URLSearchParams): CompareProps {
  const g = (k: string) => p.get(k) ?? undefined;
  return { a: g('a'), b: g('b'), a2: g('a2'), b2: g('b2') };
}

/** Rows read from each of the user's files: the frequent words a map is learned on and searched among. */
export const OWN_MAX_WORDS = 50_000;

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

export function ComparePlayground(props: CompareProps) {
  const [sets, setSets] = useState<ShippedEntry[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [choice, setChoice] = useState({
    a: props.a ?? DEFAULTS.a,
    b: props.b ?? DEFAULTS.b,
    a2: props.a2 ?? DEFAULTS.a2,
    b2: props.b2 ?? DEFAULTS.b2,
  });
  const [result, setResult] = useState<CompareResult | null>(null);
  const [running, setRunning] = useState(false);
  const [own, setOwn] = useState<{ a: File | null; b: File | null; dictionary: File | null; maxWords: number }>({ a: null, b: null, dictionary: null, maxWords: OWN_MAX_WORDS });
  const worker = useRef<Worker | null>(null);

  useEffect(() => {
    loadShippedIndex().then(setSets, (e: unknown) => setProblem(e instanceof Error ? e.message : String(e)));
    return () => worker.current?.terminate();
  }, []);

  const source = (id: string): SpaceSource | null => {
    const e = sets?.find((s) => s.id === id);
    return e ? { url: new URL(`vectors/${e.file}`, document.baseURI).href, name: e.file } : null;
  };

  const run = async () => {
    const a = source(choice.a);
    const b = source(choice.b);
    if (!a || !b) {
      setProblem('Choose two vector sets to compare.');
      return;
    }
    if (choice.a === choice.b) {
      setProblem('Space A and space B are the same set: choose two different ones.');
      return;
    }
    props.onParamsChange?.(choice);
    const a2 = source(choice.a2);
    const b2 = source(choice.b2);
    await compareIn(a, b, a2 && b2 ? { a: a2, b: b2 } : null);
  };

  const runOwn = async () => {
    if (!own.a || !own.b) {
      setProblem('Choose two vectors files of your own: one for space A, one for space B.');
      return;
    }
    await compareIn({ file: own.a, name: own.a.name, maxWords: own.maxWords }, { file: own.b, name: own.b.name, maxWords: own.maxWords }, null, own.dictionary);
  };

  const compareIn = async (a: SpaceSource, b: SpaceSource, seeds: { a: SpaceSource; b: SpaceSource } | null, dictionary: File | null = null) => {
    worker.current?.terminate();
    const w = new Worker(new URL('../../workers/compare.worker.ts', import.meta.url), { type: 'module', name: 'compare' });
    worker.current = w;
    setRunning(true);
    setProblem(null);
    setResult(null);
    try {
      const r = await wrap<CompareApi>(w).compare(a, b, seeds, dictionary);
      if (worker.current === w) setResult(r);
    } catch (e) {
      if (worker.current === w) setProblem(e instanceof Error ? e.message : String(e));
    } finally {
      if (worker.current === w) {
        setRunning(false);
        w.terminate();
        worker.current = null;
      }
    }
  };

  const cancel = () => {
    worker.current?.terminate();
    worker.current = null;
    setRunning(false);
  };

  const picker = (key: keyof typeof choice, label: string, allowNone = false) => (
    <label>
      {label}{' '}
      <select value={choice[key]} onChange={(e) => setChoice({ ...choice, [key]: e.target.value })} aria-label={label}>
        {allowNone && <option value="">none</option>}
        {(sets ?? []).map((s) => (
          <option key={s.id} value={s.id}>
            {s.label}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <section className="playground" aria-label="Compare spaces">
      <h2>Compare two spaces</h2>
      <p className="muted">
        Two spaces trained apart are rotated copies of each other at best. A map is learned on the most frequent words
        both spaces know ({pct(1 - DEFAULT_COMPARE.testShare)} of them; the rest are held out) and carries a held-out word
        from A into B, where it counts when B's nearest word, among B's {DEFAULT_COMPARE.searchSize.toLocaleString('en')} most
        frequent, is the same word. Between two languages, with a dictionary of translations, the same steps give
        cross-lingual word retrieval; here both spaces are English, from different corpora.
      </p>
      <div className="row">
        {picker('a', 'Space A')} {picker('b', 'Space B')} {picker('a2', 'Space A, another seed', true)}{' '}
        {picker('b2', 'Space B, another seed', true)}{' '}
        <button type="button" onClick={() => void run()} disabled={running || !sets}>
          Compare
        </button>
        {running && (
          <>
            {' '}
            <span role="status">Comparing in a worker…</span>{' '}
            <button type="button" onClick={cancel}>
              Cancel
            </button>
          </>
        )}
      </div>
      <fieldset>
        <legend>Or align two vectors files of your own</legend>
        <p className="muted">
          word2vec text or binary, GloVe or fastText .vec, one file per space, read in this tab (nothing is uploaded). The
          files' first rows should be their most frequent words, as trainers write them. For cross-lingual retrieval, give
          a seed dictionary of translations too (one "word-in-A word-in-B" pair per line): the map is learned on some of
          its pairs and scored on the others. Without one, the words both files share pair with themselves, which is
          right for two files of one language.
        </p>
        <label>
          Your space A file{' '}
          <input type="file" onChange={(e) => setOwn({ ...own, a: e.target.files?.[0] ?? null })} />
        </label>{' '}
        <label>
          Your space B file{' '}
          <input type="file" onChange={(e) => setOwn({ ...own, b: e.target.files?.[0] ?? null })} />
        </label>{' '}
        <label>
          Seed dictionary (optional){' '}
          <input type="file" onChange={(e) => setOwn({ ...own, dictionary: e.target.files?.[0] ?? null })} />
        </label>{' '}
        <label>
          Words read per file{' '}
          <input type="number" min={1000} step={1000} value={own.maxWords} onChange={(e) => setOwn({ ...own, maxWords: Math.max(1000, Math.round(Number(e.target.value) || OWN_MAX_WORDS)) })} />
        </label>{' '}
        <button type="button" onClick={() => void runOwn()} disabled={running}>
          Align my files
        </button>
      </fieldset>
      {problem && (
        <p role="alert" className="error">
          {problem}
        </p>
      )}
      {result && <CompareResults r={result} />}
    </section>
  );
}

function CompareResults({ r }: { r: CompareResult }) {
  const chance = r.retrieval[0]?.chanceAt1 ?? 0;
  return (
    <>
      <h3>Retrieval of held-out words, A → B</h3>
      <p className="muted">Maps learned on {r.trainPairs.toLocaleString('en')} word pairs.</p>
      <table aria-label="Retrieval scores">
        <thead>
          <tr>
            <th scope="col">map</th>
            <th scope="col">held-out words</th>
            <th scope="col">precision@1</th>
            <th scope="col">precision@5</th>
          </tr>
        </thead>
        <tbody>
          {r.retrieval.map((s) => (
            <tr key={s.kind}>
              <th scope="row">{s.kind === 'orthogonal' ? 'orthogonal (Procrustes)' : 'least squares (any linear map)'}</th>
              <td>{s.pairs}</td>
              <td data-testid={`p1-${s.kind}`}>{pct(s.precisionAt1)}</td>
              <td>{pct(s.precisionAt5)}</td>
            </tr>
          ))}
          {r.retrievalSeeds && (
            <tr>
              <th scope="row">A → A's second seed (orthogonal): the ceiling from noise alone</th>
              <td>{r.retrievalSeeds.pairs}</td>
              <td data-testid="p1-seeds">{pct(r.retrievalSeeds.precisionAt1)}</td>
              <td>{pct(r.retrievalSeeds.precisionAt5)}</td>
            </tr>
          )}
          <tr>
            <th scope="row">a random word (chance)</th>
            <td />
            <td>{pct(chance)}</td>
            <td>{pct(chance * 5)}</td>
          </tr>
        </tbody>
      </table>
      <ul className="muted" aria-label="Retrieval examples">
        {r.retrieval[0]?.examples.map((e) => (
          <li key={e.source}>
            {e.source} → {e.retrieved.join(', ')} {e.retrieved[0] === e.target ? '✓' : '✗'}
          </li>
        ))}
      </ul>
      {r.shift ? (
        <ShiftResults r={r} />
      ) : (
        <p>
          No second seed of each space was given, so there is no noise ceiling here: precision well above chance says the
          spaces share geometry, but not how much a second training run of one space would share. Choose another seed of
          each space (above) to judge retrieval and neighbour changes against training noise.
        </p>
      )}
    </>
  );
}

function ShiftResults({ r }: { r: CompareResult }) {
  const s = r.shift!;
  const beyond = s.meanDomain.high < s.meanNoise.low;
  return (
    <>
      <h3>Neighbours that moved, against noise</h3>
      <p data-testid="shift-summary">
        Over {s.words.toLocaleString('en')} words known to all four spaces (A, B and their second seeds), a word keeps on average {pct(s.meanDomain.mean)} of its 10
        neighbours from A to B [{pct(s.meanDomain.low)}, {pct(s.meanDomain.high)}] and {pct(s.meanNoise.mean)} between two seeds of
        the same corpus (for each word, the lower of its two corpora) [{pct(s.meanNoise.low)}, {pct(s.meanNoise.high)}]; random lists would
        share {pct(s.chance)}.{' '}
        {beyond
          ? 'The change of corpus moves neighbours more than a change of seed does, beyond the noise of this word sample.'
          : 'On average the change of corpus is not separable from a change of seed here.'}{' '}
        Below: words whose neighbours hold across seeds in both corpora (at least half kept) but not across corpora. One
        pair of seeds per corpus estimates each word's noise, so single words are examples, not proof.
      </p>
      <table aria-label="Words that moved">
        <thead>
          <tr>
            <th scope="col">word</th>
            <th scope="col">kept across corpora</th>
            <th scope="col">kept across seeds (lower of A, B)</th>
            <th scope="col">neighbours in A</th>
            <th scope="col">neighbours in B</th>
          </tr>
        </thead>
        <tbody>
          {s.movedBeyondNoise.map((w) => (
            <tr key={w.word} data-word={w.word}>
              <th scope="row">{w.word}</th>
              <td>{w.domain * 10} of 10</td>
              <td>{w.noise * 10} of 10</td>
              <td>{w.neighboursA.slice(0, 5).join(', ')}</td>
              <td>{w.neighboursB.slice(0, 5).join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
