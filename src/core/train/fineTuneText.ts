// Continuing a pre-trained skip-gram model on a domain text, the way lesson 06's widget does it: the text is a
// corpus of its own (its vocabulary, its unigram noise distribution), its words start from the model's input and -
// when the output vectors are kept - output rows (the cpu engine's warm start), and afterwards the trained rows are
// written back into the whole space, so that neighbours are searched among every word. Words the text does not
// contain keep their vectors exactly.
import { encodeCorpus } from '../text/corpus';
import { KeyedVectors } from '../vectors/keyedVectors';
import { createCpuTrainer } from './cpuEngine';
import { DEFAULT_TRAIN_CONFIG, type TrainConfig } from './types';

/** The lesson's settings: a short text needs many passes; sub-sampling would drop most of a short text's words. */
export const TEXT_FINE_TUNE: TrainConfig = { ...DEFAULT_TRAIN_CONFIG, window: 3, negative: 5, minCount: 1, sample: 0, epochs: 40, seed: 1 };
/** Corpus tokens per run() call: a few milliseconds, so a page can show progress and cancel between calls. */
export const TEXT_CHUNK_WORDS = 2_000;

export interface FineTuneOutcome {
  /** The whole space with the text's words replaced by their continued vectors. */
  vectors: KeyedVectors;
  /** Mean loss per training pair over the first chunk and over the last one. */
  firstLoss: number;
  lastLoss: number;
  /** Words of the text the model did not know: they started from random rows. */
  newWords: string[];
  /** Words of the text (the only ones that moved). */
  textWords: string[];
}

export interface TextFineTuneOptions {
  config?: Partial<TrainConfig>;
  /** The model's output vectors, same rows as `input`; null starts them at zero. */
  output: Float32Array | null;
  signal?: AbortSignal;
  onProgress?: (fraction: number) => void;
  /** Awaited between chunks (a page yields to its event loop here). */
  pause?: () => Promise<void>;
}

export async function fineTuneOnText(input: KeyedVectors, text: string, o: TextFineTuneOptions): Promise<FineTuneOutcome> {
  const config: TrainConfig = { ...TEXT_FINE_TUNE, ...o.config, dim: input.dim };
  const corpus = encodeCorpus(text, { minCount: config.minCount, maxVocab: 0 });
  const trainer = createCpuTrainer(corpus, config, { warmStart: { words: input.words, dim: input.dim, input: input.vectors, output: o.output } });
  let firstLoss = NaN;
  let lastLoss = NaN;
  try {
    while (!trainer.done) {
      o.signal?.throwIfAborted();
      const p = await trainer.run(TEXT_CHUNK_WORDS);
      if (Number.isNaN(firstLoss)) firstLoss = p.loss;
      lastLoss = p.loss;
      o.onProgress?.(p.wordsDone / p.wordsTotal);
      await o.pause?.();
    }
    const trained = trainer.vectors();
    const words = [...input.words];
    const rows = new Float32Array((input.size + corpus.vocab.words.length) * input.dim);
    rows.set(input.vectors);
    const newWords: string[] = [];
    corpus.vocab.words.forEach((w, i) => {
      let row = input.indexOf(w);
      if (row < 0) {
        row = words.length;
        words.push(w);
        newWords.push(w);
      }
      rows.set(trained.subarray(i * input.dim, (i + 1) * input.dim), row * input.dim);
    });
    return { vectors: new KeyedVectors(words, rows.slice(0, words.length * input.dim), input.dim), firstLoss, lastLoss, newWords, textWords: [...corpus.vocab.words] };
  } finally {
    trainer.dispose();
  }
}

/** Lesson 06's domain text: the last sentences of sotu.txt, i.e. the most recent addresses (about 108,000 tokens). */
export const SOTU_RECENT_SENTENCES = 6000;
/** Settings for a text of real size: gensim's defaults, as the shipped model was trained. */
export const SOTU_FINE_TUNE: Partial<TrainConfig> = { epochs: 5, minCount: 5, sample: 1e-3, window: 5 };

/** The last `n` non-empty lines of a one-sentence-per-line corpus. */
export function lastSentences(corpus: string, n: number): { text: string; sentences: number } {
  const lines = corpus.split('\n').filter((l) => l.trim() !== '');
  const kept = lines.slice(-n);
  return { text: kept.join('\n'), sentences: kept.length };
}
