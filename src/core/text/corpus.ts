// A corpus encoded once as word ids: a flat Int32Array of ids of in-vocabulary tokens and sentence offsets into it.
// Out-of-vocabulary tokens are dropped before windows are formed, as word2vec.c and gensim do, but they still count
// in `rawTokens` (the words/s figures count corpus tokens, like the reference tools).
import { DEFAULT_TOKENIZE, sentencesOf, type TokenizeOptions } from './tokenize';
import { buildVocab, type Vocab } from './vocab';

export interface EncodedCorpus {
  readonly vocab: Vocab;
  /** Ids of kept tokens, sentence after sentence. */
  readonly ids: Int32Array;
  /** Sentence i spans ids[offsets[i] .. offsets[i+1]); length = sentences + 1. */
  readonly offsets: Int32Array;
  /** Raw tokens (kept or not) of each sentence, to count progress the way the reference tools do. */
  readonly rawLengths: Int32Array;
  readonly rawTokens: number;
}

export interface CorpusOptions {
  minCount: number;
  maxVocab: number;
  tokenize?: TokenizeOptions;
  /** Sentences longer than this are cut into pieces (word2vec.c's MAX_SENTENCE_LENGTH, gensim's 10,000). */
  maxSentenceLength?: number;
}

export const MAX_SENTENCE_LENGTH = 10_000;

export type ProgressFn = (fraction: number, phase: 'tokenize' | 'vocab' | 'encode') => void;

/** Tokenize, count, build the vocabulary and encode. Calls onProgress now and then; throws on an empty corpus. */
export function encodeCorpus(text: string, opts: CorpusOptions, onProgress?: ProgressFn): EncodedCorpus {
  const tok = opts.tokenize ?? DEFAULT_TOKENIZE;
  const maxLen = opts.maxSentenceLength ?? MAX_SENTENCE_LENGTH;
  const sentences: string[][] = [];
  const counts = new Map<string, number>();
  let rawTokens = 0;
  let nextReport = 0;
  // Tokenize line by line; report progress by characters consumed.
  for (const s of sentencesOfWithPosition(text, tok)) {
    const toks = s.tokens;
    for (let i = 0; i < toks.length; i += maxLen) sentences.push(toks.slice(i, i + maxLen));
    for (const w of toks) counts.set(w, (counts.get(w) ?? 0) + 1);
    rawTokens += toks.length;
    if (onProgress && s.position >= nextReport) {
      onProgress(s.position / Math.max(1, text.length), 'tokenize');
      nextReport = s.position + 1_000_000;
    }
  }
  if (rawTokens === 0) throw new Error('The corpus has no words: it is empty or holds no letters or digits.');
  const vocab = buildVocab(counts, rawTokens, { minCount: opts.minCount, maxSize: opts.maxVocab });
  onProgress?.(1, 'vocab');
  if (counts.size < 2) {
    // Lowering min-count cannot help: the text itself has only one distinct word.
    throw new Error(
      `The corpus has only ${counts.size} distinct word (${JSON.stringify([...counts.keys()][0])}, ${rawTokens} times): a model needs at least 2 different words. Use a longer text.`,
    );
  }
  if (vocab.words.length < 2) {
    throw new Error(
      `Only ${vocab.words.length} word(s) occur at least ${opts.minCount} times: lower min-count or use a longer text.`,
    );
  }
  return encodeSentences(sentences, vocab, rawTokens);
}

export function encodeSentences(sentences: readonly (readonly string[])[], vocab: Vocab, rawTokens?: number): EncodedCorpus {
  let kept = 0;
  for (const s of sentences) for (const w of s) if (vocab.index.has(w)) kept++;
  const ids = new Int32Array(kept);
  const offsets = new Int32Array(sentences.length + 1);
  const rawLengths = new Int32Array(sentences.length);
  let k = 0;
  let raw = 0;
  sentences.forEach((s, i) => {
    offsets[i] = k;
    rawLengths[i] = s.length;
    raw += s.length;
    for (const w of s) {
      const id = vocab.index.get(w);
      if (id !== undefined) ids[k++] = id;
    }
  });
  offsets[sentences.length] = k;
  return { vocab, ids, offsets, rawLengths, rawTokens: rawTokens ?? raw };
}

function* sentencesOfWithPosition(text: string, tok: TokenizeOptions): Generator<{ tokens: string[]; position: number }> {
  // Lines are processed in blocks so progress can be reported without re-scanning the text.
  const BLOCK = 1 << 20;
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + BLOCK);
    if (end < text.length) {
      const nl = text.indexOf('\n', end);
      end = nl < 0 ? text.length : nl + 1;
    }
    for (const tokens of sentencesOf(text.slice(start, end), tok)) yield { tokens, position: end };
    start = end;
  }
}
