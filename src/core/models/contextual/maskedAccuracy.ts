// Masked-word accuracy on held-out sentences, beside the two baselines a masked-language model must beat: the
// unigram guess (always the most frequent word) and the bigram guess (the most frequent word after the word to the
// left, counted on the training sentences; the unigram guess when that word was never seen with a follower). One
// known word per sentence is hidden, at a position drawn from the seed, the same for all three guessers.
import { Rng } from '../../train/rng';
import type { SentenceSet } from './mlmBatches';
import type { MlmModel } from './mlmModel';
import { FIRST_WORD_ID, MASK, UNK_ID } from './mlmTokenizer';

export interface MaskedAccuracy {
  sentences: number;
  /** Share of hidden words that are the model's top guess / among its top 5. */
  model: number;
  modelTop5: number;
  unigram: number;
  bigram: number;
}

/** The model's accuracy is also counted within its top few guesses. */
const TOP_K = 5;

/** Most frequent follower of each token, and the most frequent token, over the training sentences. */
export function bigramTable(train: SentenceSet, vocab: number): { unigram: number; next: Int32Array } {
  const uni = new Float64Array(vocab);
  const pairs = new Map<number, number>();
  for (const s of train.sentences) {
    for (let i = 0; i < s.length; i++) {
      if (s[i]! >= FIRST_WORD_ID) uni[s[i]!]++;
      if (i > 0 && s[i]! >= FIRST_WORD_ID) {
        const key = s[i - 1]! * vocab + s[i]!;
        pairs.set(key, (pairs.get(key) ?? 0) + 1);
      }
    }
  }
  let unigram = FIRST_WORD_ID;
  for (let t = FIRST_WORD_ID; t < vocab; t++) if (uni[t]! > uni[unigram]!) unigram = t;
  const best = new Float64Array(vocab);
  const next = new Int32Array(vocab).fill(-1);
  for (const [key, c] of pairs) {
    const prev = Math.floor(key / vocab);
    const t = key % vocab;
    if (c > best[prev]! || (c === best[prev]! && t < next[prev]!)) {
      best[prev] = c;
      next[prev] = t;
    }
  }
  return { unigram, next };
}

export async function maskedAccuracy(
  model: MlmModel,
  train: SentenceSet,
  heldOut: SentenceSet,
  opts: { seed: number; limit?: number; onProgress?: (done: number, total: number) => void },
): Promise<MaskedAccuracy> {
  const vocab = model.shape.vocab;
  const { unigram, next } = bigramTable(train, vocab);
  const rng = new Rng(opts.seed);
  const pool = heldOut.sentences.slice(0, opts.limit ?? heldOut.sentences.length);
  let n = 0;
  let hit = 0;
  let hit5 = 0;
  let uniHit = 0;
  let biHit = 0;
  for (const s of pool) {
    const known = [...s.keys()].filter((i) => s[i] !== UNK_ID);
    if (known.length === 0) continue;
    const at = known[rng.nextInt(known.length)]!;
    const truth = s[at]!;
    const words = model.tokenizer.decode(s);
    words[at] = MASK;
    const [guess] = await model.predictMasked(words, TOP_K);
    const tokens = guess!.guesses.map((g) => model.tokenizer.idOf(g.token));
    n++;
    if (tokens[0] === truth) hit++;
    if (tokens.includes(truth)) hit5++;
    if (unigram === truth) uniHit++;
    const prev = at > 0 ? s[at - 1]! : -1;
    const bi = prev >= 0 && next[prev]! >= 0 ? next[prev]! : unigram;
    if (bi === truth) biHit++;
    opts.onProgress?.(n, pool.length);
  }
  const share = (k: number) => (n > 0 ? k / n : NaN);
  return { sentences: n, model: share(hit), modelTop5: share(hit5), unigram: share(uniHit), bigram: share(biHit) };
}
