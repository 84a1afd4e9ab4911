// Scores vectors on the project's evaluation sets (data/eval: analogies.txt and similarity.txt, the same files and
// the same evaluator as `npm run cli -- eval`), off the page's main thread: 3,572 analogy questions over a
// 14,000-word vocabulary take seconds. Called through comlink (src/state/vectorScoring.ts); one worker per request.
import { expose } from 'comlink';
import analogies from '../../data/eval/analogies.txt?raw';
import similarity from '../../data/eval/similarity.txt?raw';
import { evaluateAnalogies, evaluateSimilarity } from '../core/vectors/evaluation';
import { KeyedVectors } from '../core/vectors/keyedVectors';

export interface MeasuredScores {
  /** 3CosAdd accuracy over the questions whose words are all known. */
  analogy: number;
  /** Spearman's rank correlation of cosine with the human scores. */
  spearman: number;
}

const api = {
  score(words: string[], vectors: Float32Array, dim: number): MeasuredScores {
    const kv = new KeyedVectors(words, vectors, dim);
    const a = evaluateAnalogies(kv, analogies, { fileName: 'analogies.txt', caseInsensitive: true });
    const s = evaluateSimilarity(kv, similarity, { fileName: 'similarity.txt', caseInsensitive: true });
    return { analogy: a.overall.accuracy, spearman: s.spearman };
  },
};

export type ScoreApi = typeof api;

expose(api);
