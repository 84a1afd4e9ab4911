// Learns a BPE or WordPiece vocabulary on a bundled corpus off the main thread, merge by merge, and answers how
// words split and how well the vocabulary covers a held-out slice. Driven through comlink (subwordVocabClient.ts).
import { expose } from 'comlink';
import { splitCounts } from '../core/text/subwords/heldOut';
import { coverageOf, MergeLearner, type Coverage, type Merge, type MergeScheme } from '../core/text/subwords/mergeLearner';

/** The last tenth of the corpus's sentences is held out. */
const HELD_OUT_SHARE = 0.1;
/** Merges listed back to the page after each batch. */
const RECENT_SHOWN = 12;

export interface VocabState {
  scheme: MergeScheme;
  size: number;
  merges: number;
  /** The most recent merges, newest last. */
  recent: Merge[];
  coverage: Coverage;
}

let learner: MergeLearner | null = null;
let heldOut = new Map<string, number>();

function state(recentCount: number): VocabState {
  const l = learner!;
  return {
    scheme: l.scheme,
    size: l.size,
    merges: l.merges.length,
    recent: l.merges.slice(-recentCount),
    coverage: coverageOf(l.segmenter(), heldOut),
  };
}

const api = {
  async prepare(corpusUrl: string, scheme: MergeScheme): Promise<VocabState & { trainWords: number; heldOutTokens: number }> {
    const res = await fetch(corpusUrl);
    if (!res.ok) throw new Error(`Could not fetch ${corpusUrl}: ${res.status} ${res.statusText}`);
    const split = splitCounts(await res.text(), HELD_OUT_SHARE);
    heldOut = split.heldOut;
    learner = new MergeLearner(split.train, scheme);
    return { ...state(0), trainWords: split.train.size, heldOutTokens: split.heldOutTokens };
  },
  /** Make up to n merges (the page asks for small batches, so it can show progress and stop between them). */
  merge(n: number): VocabState {
    if (!learner) throw new Error('prepare() first');
    let done = 0;
    while (done < n && learner.step()) done++;
    return state(RECENT_SHOWN);
  },
  segment(words: string[]): string[][] {
    if (!learner) throw new Error('prepare() first');
    const split = learner.segmenter();
    return words.map(split);
  },
};

export type SubwordVocabApi = typeof api;
expose(api);
