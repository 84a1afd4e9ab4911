// A corpus read in pieces, for texts too big to hold (the command line's files of hundreds of megabytes): one pass
// counts words for the vocabulary, then each training pass re-reads the text and encodes one block at a time.
// Memory is the vocabulary, the model and one block, whatever the size of the file. Blocks are cut at line ends,
// and sentences never cross a line, so the sentences (and with one thread, the trained vectors) are exactly those of
// encodeCorpus on the whole text. Pure: where the blocks come from (a file, a network stream) is the caller's affair.
import { MAX_SENTENCE_LENGTH, encodeSentences, type EncodedCorpus } from './corpus';
import { DEFAULT_TOKENIZE, sentencesOf, type TokenizeOptions } from './tokenize';
import { buildVocab, type Vocab } from './vocab';

/** A corpus the trainer reads piece by piece, pass after pass. */
export interface CorpusStream {
  readonly vocab: Vocab;
  /** Raw tokens (kept or not) of one pass. */
  readonly rawTokens: number;
  /** Sentences of one pass (after over-long ones are cut). */
  readonly sentences: number;
  /** Kept tokens of the longest sentence, to size buffers. */
  readonly longestSentence: number;
  /** The pieces of one pass, in order; every call starts a new pass from the beginning. */
  pass(): AsyncIterable<EncodedCorpus>;
}

export function isCorpusStream(c: EncodedCorpus | CorpusStream): c is CorpusStream {
  return typeof (c as CorpusStream).pass === 'function';
}

/** Sentences of a block of whole lines, over-long ones cut (as encodeCorpus does). */
function* cutSentences(block: string, tok: TokenizeOptions, maxLen: number): Generator<string[]> {
  for (const toks of sentencesOf(block, tok)) {
    if (toks.length <= maxLen) yield toks;
    else for (let i = 0; i < toks.length; i += maxLen) yield toks.slice(i, i + maxLen);
  }
}

export interface StreamOptions {
  minCount: number;
  maxVocab: number;
  tokenize?: TokenizeOptions;
  maxSentenceLength?: number;
  /** Called with each block of the counting pass before it is counted (to look at the text once). */
  onBlock?: (block: string) => void;
}

/** The counting pass: feed it every block of the text, then ask for the vocabulary. */
export class CorpusCounter {
  readonly counts = new Map<string, number>();
  rawTokens = 0;
  sentences = 0;
  private readonly tok: TokenizeOptions;
  private readonly maxLen: number;

  constructor(private readonly opts: StreamOptions) {
    this.tok = opts.tokenize ?? DEFAULT_TOKENIZE;
    this.maxLen = opts.maxSentenceLength ?? MAX_SENTENCE_LENGTH;
  }

  add(block: string): void {
    const counts = this.counts;
    for (const s of cutSentences(block, this.tok, this.maxLen)) {
      for (const w of s) counts.set(w, (counts.get(w) ?? 0) + 1);
      this.rawTokens += s.length;
      this.sentences++;
    }
  }

  /** The vocabulary, with the messages encodeCorpus gives for an empty or too small corpus. */
  vocab(): Vocab {
    if (this.rawTokens === 0) throw new Error('The corpus has no words: it is empty or holds no letters or digits.');
    const vocab = buildVocab(this.counts, this.rawTokens, { minCount: this.opts.minCount, maxSize: this.opts.maxVocab });
    if (vocab.words.length < 2) {
      throw new Error(
        `Only ${vocab.words.length} word(s) occur at least ${this.opts.minCount} times: lower min-count or use a longer text.`,
      );
    }
    return vocab;
  }
}

/** One block of whole lines as word ids: a piece of a CorpusStream. */
export function encodeBlock(block: string, vocab: Vocab, opts: Pick<StreamOptions, 'tokenize' | 'maxSentenceLength'> = {}): EncodedCorpus {
  const sentences = [...cutSentences(block, opts.tokenize ?? DEFAULT_TOKENIZE, opts.maxSentenceLength ?? MAX_SENTENCE_LENGTH)];
  return encodeSentences(sentences, vocab);
}

/**
 * A CorpusStream over any source of text blocks (each a run of whole lines). `blocks()` is called once for the
 * counting pass and once per training pass. Returns the stream after the counting pass.
 */
export async function streamCorpus(blocks: () => AsyncIterable<string>, opts: StreamOptions): Promise<CorpusStream> {
  const counter = new CorpusCounter(opts);
  for await (const block of blocks()) {
    opts.onBlock?.(block);
    counter.add(block);
  }
  const vocab = counter.vocab();
  // The longest sentence in kept tokens needs the vocabulary, so it is bounded here by the cut length, which is
  // all a buffer needs (the kernel's sentence buffer holds at most this many ids).
  const longest = opts.maxSentenceLength ?? MAX_SENTENCE_LENGTH;
  return {
    vocab,
    rawTokens: counter.rawTokens,
    sentences: counter.sentences,
    longestSentence: longest,
    async *pass() {
      for await (const block of blocks()) {
        const piece = encodeBlock(block, vocab, opts);
        if (piece.offsets.length > 1) yield piece;
      }
    },
  };
}

/** All pieces of one pass as one EncodedCorpus, for engines that need the whole corpus at once (tfjs). */
export async function collectCorpus(stream: CorpusStream): Promise<EncodedCorpus> {
  const pieces: EncodedCorpus[] = [];
  let ids = 0;
  let sentences = 0;
  for await (const p of stream.pass()) {
    pieces.push(p);
    ids += p.ids.length;
    sentences += p.offsets.length - 1;
  }
  const out = { vocab: stream.vocab, ids: new Int32Array(ids), offsets: new Int32Array(sentences + 1), rawLengths: new Int32Array(sentences), rawTokens: stream.rawTokens };
  let k = 0;
  let s = 0;
  for (const p of pieces) {
    out.ids.set(p.ids, k);
    const n = p.offsets.length - 1;
    for (let i = 0; i < n; i++) out.offsets[s + i] = p.offsets[i]! + k;
    out.rawLengths.set(p.rawLengths, s);
    k += p.ids.length;
    s += n;
  }
  out.offsets[sentences] = k;
  return out;
}
