// Document search off the main thread: tokenizing the Brown corpus's 500 documents and building their vectors takes
// seconds, and the page must stay responsive meanwhile. Called through comlink (src/ui/playgrounds/searchClient.ts);
// the page terminates the worker to cancel, or when the active vectors change.
import { expose } from 'comlink';
import { documentsFromIndex, type DocumentIndex } from '../core/search/documents';
import { SearchEngine, evaluateSearch, SEARCH_METHODS, type SearchMethod } from '../core/search/searchEngine';
import { BROWN_GENRE_QUERIES } from '../core/search/searchQueries';
import { pairedWinShare } from '../core/search/rankingMetrics';
import { KeyedVectors } from '../core/vectors/keyedVectors';

export interface SearchResultRow {
  id: string;
  source: string;
  genre: string;
  score: number;
  passages: { text: string; sentence: number }[];
}

export interface SearchEvaluationSummary {
  k: number;
  queryCount: number;
  chance: number;
  methods: { method: SearchMethod; precision: { mean: number; low: number; high: number }; map: { mean: number; low: number; high: number } }[];
  /** Share of bootstrap resamples of the queries in which the first method's MAP beats the second's. */
  wins: { a: SearchMethod; b: SearchMethod; share: number }[];
  queries: { query: string; genre: string; precision: Record<SearchMethod, number> }[];
}

let engine: SearchEngine | null = null;
let genres: Record<string, string> = {};

async function fetchText(url: string): Promise<string> {
  const r = await fetch(url);
  if (!r.ok) throw new Error(`Could not read ${url.split('/').pop()}: the server answered ${r.status}.`);
  return r.text();
}

const api = {
  async prepare(baseUrl: string, words: string[], vectors: Float32Array, dim: number): Promise<{ documents: number; genres: number }> {
    const [text, indexText] = await Promise.all([
      fetchText(new URL('corpora/brown.txt', baseUrl).href),
      fetchText(new URL('corpora/brown-docs.json', baseUrl).href),
    ]);
    const index = JSON.parse(indexText) as DocumentIndex;
    genres = index.genres;
    engine = new SearchEngine(documentsFromIndex(text, index), new KeyedVectors(words, vectors, dim));
    return { documents: engine.docs.length, genres: Object.keys(genres).length };
  },

  search(query: string, method: SearchMethod, k: number) {
    if (!engine) throw new Error('The search index is not ready yet.');
    const a = engine.search(query, method, k);
    const e = engine;
    return {
      usedWords: a.usedWords,
      ignored: a.ignored,
      hits: a.hits.map((h): SearchResultRow => {
        const d = e.docs[h.doc]!;
        return { id: d.id, source: d.source, genre: genres[d.genre] ?? d.genre, score: h.score, passages: h.passages };
      }),
    };
  },

  evaluate(k: number): SearchEvaluationSummary {
    if (!engine) throw new Error('The search index is not ready yet.');
    const ev = evaluateSearch(engine, BROWN_GENRE_QUERIES, k);
    const by = (m: SearchMethod) => ev.methods.find((x) => x.method === m)!;
    return {
      k,
      queryCount: ev.queries.length,
      chance: ev.chance.mean,
      methods: ev.methods.map((m) => ({ method: m.method, precision: m.meanPrecision, map: m.meanAp })),
      wins: [
        { a: 'sif', b: 'bm25', share: pairedWinShare(by('sif').ap, by('bm25').ap) },
        { a: 'mean', b: 'bm25', share: pairedWinShare(by('mean').ap, by('bm25').ap) },
        { a: 'sif', b: 'mean', share: pairedWinShare(by('sif').ap, by('mean').ap) },
      ],
      queries: ev.queries.map((q, i) => ({
        query: q.query,
        genre: genres[q.genre] ?? q.genre,
        precision: Object.fromEntries(SEARCH_METHODS.map((m) => [m, by(m).precision[i]!])) as Record<SearchMethod, number>,
      })),
    };
  },
};

export type SearchApi = typeof api;

expose(api);
