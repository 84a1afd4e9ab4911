// Search over a document collection three ways, on the same tokens: BM25 keywords, the mean of word vectors, and SIF
// weighting with the common component removed; each result comes with the passages (sentences) that matched best.
import { tokenize } from '../text/tokenize';
import type { KeyedVectors } from '../vectors/keyedVectors';
import { bm25Idf, bm25Scores, buildBm25, type Bm25Index } from './bm25';
import {
  cosineScores,
  documentVectors,
  embedTokens,
  queryVector,
  removeDirection,
  unigramProbabilities,
  type DocVectors,
} from './docVectors';
import type { SearchDocument } from './documents';
import { averagePrecision, meanWithInterval, precisionAt, rankByScore } from './rankingMetrics';
import type { GenreQuery } from './searchQueries';

export type SearchMethod = 'bm25' | 'mean' | 'sif';
export const SEARCH_METHODS: readonly SearchMethod[] = ['bm25', 'mean', 'sif'];
export const SEARCH_METHOD_NAMES: Record<SearchMethod, string> = {
  bm25: 'BM25 keywords',
  mean: 'mean of word vectors',
  sif: 'SIF-weighted vectors',
};
/** Passages shown per result: enough to see why it matched, short enough to scan. */
export const PASSAGES_PER_RESULT = 2;

export interface SearchHit {
  doc: number;
  score: number;
  passages: { sentence: number; text: string; score: number }[];
}

export interface SearchAnswer {
  method: SearchMethod;
  hits: SearchHit[];
  /** Query words that count: known to the index (bm25) or to the vectors. */
  usedWords: string[];
  /** Query words ignored, with the reason in words. */
  ignored: { word: string; why: string }[];
}

export class SearchEngine {
  readonly docs: readonly SearchDocument[];
  private readonly tokens: string[][];
  private readonly sentenceTokens: string[][][];
  private readonly bm25: Bm25Index;
  private readonly probs: Map<string, number>;
  private readonly vectors = new Map<'mean' | 'sif', DocVectors>();

  constructor(
    docs: readonly SearchDocument[],
    private readonly kv: KeyedVectors,
  ) {
    this.docs = docs;
    this.sentenceTokens = docs.map((d) => d.sentences.map((s) => tokenize(s)));
    this.tokens = this.sentenceTokens.map((ss) => ss.flat());
    this.bm25 = buildBm25(this.tokens);
    this.probs = unigramProbabilities(this.tokens);
  }

  private docVectors(method: 'mean' | 'sif'): DocVectors {
    let dv = this.vectors.get(method);
    if (!dv) this.vectors.set(method, (dv = documentVectors(this.kv, this.tokens, method, this.probs)));
    return dv;
  }

  /** One score per document, or null when no query word counts for this method. */
  scores(query: string, method: SearchMethod): { scores: Float64Array | null; used: string[]; ignored: SearchAnswer['ignored'] } {
    const words = tokenize(query);
    if (method === 'bm25') {
      const used = words.filter((w) => this.bm25.postings.has(w));
      const ignored = words.filter((w) => !this.bm25.postings.has(w)).map((word) => ({ word, why: 'in no document' }));
      return { scores: used.length ? bm25Scores(this.bm25, used) : null, used, ignored };
    }
    const used = words.filter((w) => this.kv.has(w));
    const ignored = words.filter((w) => !this.kv.has(w)).map((word) => ({ word, why: 'no vector' }));
    const dv = this.docVectors(method);
    const q = queryVector(this.kv, used, dv, this.probs);
    return { scores: q ? cosineScores(dv, q) : null, used, ignored };
  }

  search(query: string, method: SearchMethod, k = 10): SearchAnswer {
    const { scores, used, ignored } = this.scores(query, method);
    if (!scores) return { method, hits: [], usedWords: used, ignored };
    const hits = rankByScore(scores)
      .slice(0, k)
      .map((doc) => ({ doc, score: scores[doc]!, passages: this.passages(doc, used, method) }));
    return { method, hits, usedWords: used, ignored };
  }

  /** The document's sentences that best match the query, by the method's own notion of a match. */
  passages(doc: number, used: readonly string[], method: SearchMethod): SearchHit['passages'] {
    const sents = this.sentenceTokens[doc]!;
    let scored: { sentence: number; score: number }[];
    if (method === 'bm25') {
      const idf = new Map(used.map((w) => [w, bm25Idf((this.bm25.postings.get(w)?.length ?? 0) / 2, this.bm25.docCount)]));
      scored = sents.map((toks, i) => ({ sentence: i, score: [...new Set(toks)].reduce((s, t) => s + (idf.get(t) ?? 0), 0) }));
    } else {
      const dv = this.docVectors(method);
      const q = queryVector(this.kv, used, dv, this.probs)!;
      scored = sents.map((toks, i) => {
        const { vector, known } = embedTokens(this.kv, toks, method, this.probs);
        // Sentences are compared in the documents' space: without SIF's common direction too.
        if (dv.common) removeDirection(vector, dv.common);
        let dot = 0;
        let norm = 0;
        for (let k = 0; k < vector.length; k++) {
          dot += vector[k]! * q[k]!;
          norm += vector[k]! * vector[k]!;
        }
        return { sentence: i, score: known && norm > 0 ? dot / Math.sqrt(norm) : -Infinity };
      });
    }
    return scored
      .filter((s) => s.score > 0 && Number.isFinite(s.score))
      .sort((a, b) => b.score - a.score || a.sentence - b.sentence)
      .slice(0, PASSAGES_PER_RESULT)
      .map((s) => ({ ...s, text: this.docs[doc]!.sentences[s.sentence]! }));
  }
}

export interface MethodScore {
  method: SearchMethod;
  /** Per query, in the order of the query list: precision@k and average precision. */
  precision: number[];
  ap: number[];
  meanPrecision: { mean: number; low: number; high: number };
  meanAp: { mean: number; low: number; high: number };
}

export interface SearchEvaluation {
  k: number;
  queries: readonly GenreQuery[];
  methods: MethodScore[];
  /** What a random ranking scores on the same queries (expected precision@k and AP = the genre's share). */
  chance: { mean: number };
}

/** Scores every method on the queries; a query none of whose words counts scores 0 for that method. */
export function evaluateSearch(engine: SearchEngine, queries: readonly GenreQuery[], k = 10): SearchEvaluation {
  const n = engine.docs.length;
  const relevantOf = (genre: string) => new Set(engine.docs.flatMap((d, i) => (d.genre === genre ? [i] : [])));
  const methods = SEARCH_METHODS.map((method) => {
    const precision: number[] = [];
    const ap: number[] = [];
    for (const q of queries) {
      const rel = relevantOf(q.genre);
      const { scores } = engine.scores(q.query, method);
      const ranking = scores ? rankByScore(scores) : [];
      precision.push(precisionAt(ranking, rel, k));
      ap.push(averagePrecision(ranking, rel));
    }
    return { method, precision, ap, meanPrecision: meanWithInterval(precision), meanAp: meanWithInterval(ap) };
  });
  const chance = queries.reduce((s, q) => s + relevantOf(q.genre).size / n, 0) / Math.max(1, queries.length);
  return { k, queries, methods, chance: { mean: chance } };
}
