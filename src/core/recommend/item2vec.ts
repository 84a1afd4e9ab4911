// item2vec: skip-gram run on sessions as if they were sentences, each item id a "word". It is the project's own
// skip-gram, taken from the model registry like any other caller; only the data and the settings differ.
import { defaultParams, getModel } from '../models';
import type { Progress } from '../models/types';
import { encodeSentences } from '../text/corpus';
import { buildVocab, countWords } from '../text/vocab';
import { KeyedVectors } from '../vectors/keyedVectors';
import type { Item } from './shopModel';

export interface Item2VecSettings {
  dim: number;
  /** A session holds at most 10 picks, so a window of 10 lets every pair in a session count, as item2vec does
   *  (word2vec shrinks the window at random, which weights near picks more). */
  window: number;
  negative: number;
  /** Down-sampling of frequent items; off, because a catalogue of a hundred items is all "frequent" by word
   *  standards and the threshold would thin every session. */
  sample: number;
  epochs: number;
  alpha: number;
}

export const ITEM2VEC_SETTINGS: Item2VecSettings = { dim: 32, window: 10, negative: 5, sample: 0, epochs: 20, alpha: 0.025 };

/** Corpus tokens per call to the trainer: small enough for progress to move and a cancel to be felt soon. */
const CHUNK_TOKENS = 20_000;

export interface Item2VecOptions {
  seed: number;
  settings?: Partial<Item2VecSettings>;
  onProgress?: (p: Progress) => void;
  /** Checked between chunks; true stops training and rejects with a CancelledError. */
  cancelled?: () => boolean;
}

export class CancelledError extends Error {
  constructor() {
    super('Training was cancelled.');
    this.name = 'CancelledError';
  }
}

/** Vectors for every item that occurs in `sessions` (ids into `items`), keyed by item name. */
export async function trainItem2Vec(sessions: readonly (readonly number[])[], items: readonly Item[], o: Item2VecOptions): Promise<KeyedVectors> {
  const s = { ...ITEM2VEC_SETTINGS, ...o.settings };
  const sentences = sessions.map((ids) => ids.map((id) => items[id]!.name));
  const { counts, rawTokens } = countWords(sentences);
  const vocab = buildVocab(counts, rawTokens, { minCount: 1, maxSize: 0 });
  if (vocab.words.length < 2) throw new Error('item2vec needs sessions with at least 2 different items.');
  const corpus = encodeSentences(sentences, vocab, rawTokens);
  const spec = getModel('skipgram');
  const trainer = await spec.create(
    { kind: 'text', corpus },
    {
      model: 'skipgram',
      common: { dim: s.dim, epochs: s.epochs, minCount: 1, maxVocab: 0, seed: o.seed, threads: 1 },
      params: { ...defaultParams(spec), window: s.window, negative: s.negative, sample: s.sample, alpha: s.alpha },
    },
    'cpu',
  );
  try {
    while (!trainer.done) {
      if (o.cancelled?.()) throw new CancelledError();
      // Not `o.onProgress?.(await ...)`: optional chaining would skip the call's argument, and training with it.
      const p = await trainer.run(CHUNK_TOKENS);
      o.onProgress?.(p);
    }
    const model = trainer.model();
    if (model.kind !== 'static') throw new Error('skip-gram did not return static vectors');
    return new KeyedVectors(model.words, model.vectors(), model.dim);
  } finally {
    trainer.dispose();
  }
}
