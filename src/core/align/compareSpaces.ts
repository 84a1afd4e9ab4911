// One comparison of vector spaces, as the Compare playground and the tests run it: cross-space retrieval from A to B
// (orthogonal and least-squares maps learned on a seed dictionary, scored on held-out words), and the words whose
// neighbours changed between A and B beyond what another training seed changes in either corpus (A', B').
import type { KeyedVectors } from '../vectors/keyedVectors';
import { learnMap, retrievalScore, sharedWords, splitPairs, type DictionaryPair, type RetrievalScore } from './crossSpace';
import { neighbourShift, wordsInAll, type ShiftReport } from './neighbourShift';

export interface CompareOptions {
  /** Shared frequent words used as dictionary pairs (train + test). */
  dictionaryWords: number;
  /** Share of them held out for testing. */
  testShare: number;
  /** Target words searched for each mapped word. */
  searchSize: number;
  /** Words whose neighbour lists are compared. */
  shiftWords: number;
  seed: number;
}

/** Sizes that run in a few seconds in a worker and leave hundreds of test words. */
export const DEFAULT_COMPARE: CompareOptions = { dictionaryWords: 4000, testShare: 0.2, searchSize: 5000, shiftWords: 1500, seed: 1 };

export interface CompareResult {
  retrieval: RetrievalScore[];
  /** A to A': the same retrieval between two seeds of one corpus, the ceiling a change of domain is read against. */
  retrievalSeeds: RetrievalScore | null;
  shift: ShiftReport | null;
  trainPairs: number;
}

/** Between two spaces of one language: the frequent words both know, each paired with itself. */
function identitySplit(a: KeyedVectors, b: KeyedVectors, searchable: (w: string) => boolean, o: CompareOptions) {
  const words = sharedWords(a, b, o.dictionaryWords).filter(searchable);
  return splitPairs(words.map((w) => ({ source: w, target: w })), o.testShare, o.seed);
}

/** With a dictionary (two languages): its pairs whose words the spaces know, split by source word, so that no
 *  held-out word was seen in training through another of its translations. */
export function splitDictionary(dictionary: readonly DictionaryPair[], a: KeyedVectors, searchable: (w: string) => boolean, o: CompareOptions) {
  const usable = dictionary.filter((p) => a.has(p.source) && searchable(p.target));
  const sources = [...new Set(usable.map((p) => p.source))];
  const split = splitPairs(sources, o.testShare, o.seed);
  const testSources = new Set(split.test);
  return { train: usable.filter((p) => !testSources.has(p.source)), test: usable.filter((p) => testSources.has(p.source)) };
}

/**
 * Retrieval from A to B with a map learned on dictionary pairs, and (with a seed pair of spaces) the noise ceiling
 * and the words that moved. Without `dictionary` the pairs are the shared words (one language); with it, the
 * dictionary's pairs (two languages), and there is no neighbour shift, which needs the same words in both spaces.
 */
export function compareSpaces(
  a: KeyedVectors,
  b: KeyedVectors,
  seeds: { a: KeyedVectors; b: KeyedVectors } | null,
  o: CompareOptions = DEFAULT_COMPARE,
  dictionary: readonly DictionaryPair[] | null = null,
): CompareResult {
  const inSearch = (kv: KeyedVectors) => (w: string) => kv.indexOf(w) >= 0 && kv.indexOf(w) < o.searchSize;
  const { train, test } = dictionary ? splitDictionary(dictionary, a, inSearch(b), o) : identitySplit(a, b, inSearch(b), o);
  if (train.length < 2 * Math.max(a.dim, b.dim)) {
    const what = dictionary ? 'dictionary pairs whose words both spaces know' : 'shared words';
    throw new RangeError(`only ${train.length} ${what} to learn a map from: at least ${2 * Math.max(a.dim, b.dim)} are needed for ${a.dim}-dimensional vectors`);
  }
  const retrieval = (['orthogonal', 'least-squares'] as const)
    .filter((k) => k !== 'orthogonal' || a.dim === b.dim)
    .map((k) => retrievalScore(a, b, learnMap(a, b, train, k), test, o.searchSize));
  let retrievalSeeds: RetrievalScore | null = null;
  let shift: ShiftReport | null = null;
  if (seeds && seeds.a.dim === a.dim && seeds.b.dim === b.dim) {
    const seedWords = sharedWords(a, seeds.a, o.dictionaryWords).filter(inSearch(seeds.a));
    const s = splitPairs(seedWords.map((w) => ({ source: w, target: w })), o.testShare, o.seed);
    retrievalSeeds = retrievalScore(a, seeds.a, learnMap(a, seeds.a, s.train, 'orthogonal'), s.test, o.searchSize);
    shift = neighbourShift(a, b, seeds.a, seeds.b, wordsInAll([a, b, seeds.a, seeds.b], o.shiftWords));
  }
  return { retrieval, retrievalSeeds, shift, trainPairs: train.length };
}
