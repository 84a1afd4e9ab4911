// `search`: the Brown corpus's 500 documents as a search index (src/core/search), queried from the command line by
// BM25 keywords, the mean of word vectors or SIF-weighted vectors; prints the ranked documents with their Brown file
// id (ca01 ...), genre, score and the sentences that matched best.
import { documentsFromIndex, type DocumentIndex } from '../core/search/documents';
import { SEARCH_METHOD_NAMES, SEARCH_METHODS, SearchEngine, type SearchMethod } from '../core/search/searchEngine';
import { KeyedVectors } from '../core/vectors/keyedVectors';
import { parseCommand, type CommandSpec } from './args';
import { UsageError } from './errors';
import { loadNamedVectors, readBrownDocuments } from './namedVectors';

/** Indexes the command can search: Brown's documents (SOTU has no per-speech index in the bundle yet). */
export const SEARCH_INDEXES = ['brown'] as const;
export const DEFAULT_SEARCH_VECTORS = 'brown-sotu-sg100';

export const SEARCH_SPEC: CommandSpec = {
  name: 'search',
  summary: "Search Brown's 500 documents by BM25 keywords, mean word vectors or SIF-weighted vectors.",
  usage: 'npm run cli -- search --index brown --query "..." [--k 10] [--method sif|mean|bm25] [--json]',
  options: [
    { name: 'index', kind: 'enum', values: SEARCH_INDEXES, default: 'brown', help: 'the document collection' },
    { name: 'query', kind: 'string', valueName: 'TEXT', required: true, help: 'the words to search for' },
    { name: 'k', kind: 'int', min: 1, max: 500, default: '10', help: 'documents to print' },
    { name: 'method', kind: 'enum', values: SEARCH_METHODS, default: 'sif', help: SEARCH_METHODS.map((m) => `${m} = ${SEARCH_METHOD_NAMES[m]}`).join(', ') },
    { name: 'vectors', kind: 'string', valueName: 'NAME|FILE', default: DEFAULT_SEARCH_VECTORS, help: 'word vectors for mean and sif: a shipped set or a file' },
    { name: 'json', kind: 'flag', help: 'print one JSON object instead of a list' },
  ],
  examples: ['npm run cli -- search --index brown --query "horse rifle sheriff" --k 10', 'npm run cli -- search --query "church faith" --method bm25 --json'],
};

export interface SearchSummary {
  command: 'search';
  index: string;
  query: string;
  method: SearchMethod;
  vectors: string | null;
  usedWords: string[];
  ignored: { word: string; why: string }[];
  results: { rank: number; id: string; genre: string; source: string; score: number; passages: string[] }[];
}

export async function runSearch(argv: readonly string[]): Promise<{ summary: SearchSummary; json: boolean } | 'help'> {
  const o = parseCommand(SEARCH_SPEC, argv);
  if (o.help) return 'help';
  const query = (o.query as string).trim();
  if (!query) throw new UsageError('--query is empty: give the words to search for', 'search');
  const method = o.method as SearchMethod;
  const { text, indexText } = readBrownDocuments();
  const index = JSON.parse(indexText) as DocumentIndex;
  // BM25 needs no vectors: skip loading them, and say so in the output.
  const vectors = method === 'bm25' ? null : await loadNamedVectors(o.vectors as string);
  const kv = vectors?.kv ?? new KeyedVectors([], new Float32Array(0), 1);
  const engine = new SearchEngine(documentsFromIndex(text, index), kv);
  const answer = engine.search(query, method, o.k as number);
  return {
    summary: {
      command: 'search',
      index: o.index as string,
      query,
      method,
      vectors: vectors?.label ?? null,
      usedWords: answer.usedWords,
      ignored: answer.ignored,
      results: answer.hits.map((h, i) => {
        const d = engine.docs[h.doc]!;
        return { rank: i + 1, id: d.id, genre: index.genres[d.genre] ?? d.genre, source: d.source, score: h.score, passages: h.passages.map((p) => p.text) };
      }),
    },
    json: o.json === true,
  };
}

export function formatSearch(s: SearchSummary): string {
  const lines = [`${SEARCH_METHOD_NAMES[s.method]}${s.vectors ? ` (${s.vectors})` : ''} over ${s.index}: "${s.query}"`];
  if (s.ignored.length) lines.push(`ignored: ${s.ignored.map((x) => `${x.word} (${x.why})`).join(', ')}`);
  if (s.results.length === 0) lines.push('no results: none of the query words counts for this method');
  for (const r of s.results) {
    lines.push(`${String(r.rank).padStart(3)}. ${r.id}  ${r.score.toFixed(3)}  ${r.genre}  (${r.source})`);
    for (const p of r.passages) lines.push(`       "${p}"`);
  }
  return lines.join('\n');
}
