// Sentences -> masked-language-model batches, in plain JavaScript with the project's seeded generator, so that the
// same seed hides the same words on every backend. BERT's recipe: each token is chosen with probability `maskRate`
// (at least one per sentence); a chosen token becomes [MASK] 80% of the time, a random word 10%, and stays itself
// 10% (so the model cannot learn that only [MASK] positions matter). [UNK] is never a target (guessing "some rare
// word" teaches nothing), but it stays in the input, so the [UNK] row is trained as the context it really is.
import type { EncodedCorpus } from '../../text/corpus';
import { Rng } from '../../train/rng';
import { FIRST_WORD_ID, MASK_ID, PAD_ID, UNK_ID } from './mlmTokenizer';

/** BERT's split of chosen positions: [MASK], a random word, unchanged. */
const MASK_SHARE = 0.8;
const RANDOM_SHARE = 0.1;
/** Every HELD_OUT_EVERY-th sentence (by corpus order) is never trained on: the masked-word accuracy of the bench
 *  and of the lab's live view is measured on them. */
export const HELD_OUT_EVERY = 50;
/** Sequence lengths are rounded up to a multiple of this, so a backend that compiles per shape (WebGL) sees only
 *  seqLen / LENGTH_STEP different shapes instead of one per sentence length. */
const LENGTH_STEP = 8;
/** Sentences shorter than this give no context to learn from. */
export const MIN_SENTENCE_TOKENS = 2;

/** Token-id sentences (ids in the model's vocabulary: specials first), cut to at most `seqLen` tokens. */
export interface SentenceSet {
  sentences: Int32Array[];
}

/**
 * The corpus as model-vocabulary sentences, split into training and held-out ones. Corpus word id c maps to token
 * FIRST_WORD_ID + c while c < modelWords, else [UNK]. Long sentences are cut into pieces of `seqLen`.
 */
export function sentencesFrom(corpus: EncodedCorpus, modelWords: number, seqLen: number): { train: SentenceSet; heldOut: SentenceSet } {
  const train: Int32Array[] = [];
  const heldOut: Int32Array[] = [];
  const n = corpus.offsets.length - 1;
  for (let s = 0; s < n; s++) {
    const from = corpus.offsets[s]!;
    const to = corpus.offsets[s + 1]!;
    for (let a = from; a < to; a += seqLen) {
      const b = Math.min(to, a + seqLen);
      if (b - a < MIN_SENTENCE_TOKENS) continue;
      const t = new Int32Array(b - a);
      for (let i = a; i < b; i++) {
        const c = corpus.ids[i]!;
        t[i - a] = c < modelWords ? FIRST_WORD_ID + c : UNK_ID;
      }
      (s % HELD_OUT_EVERY === HELD_OUT_EVERY - 1 ? heldOut : train).push(t);
    }
  }
  return { train: { sentences: train }, heldOut: { sentences: heldOut } };
}

export interface MlmBatch {
  /** Rows of the batch and padded length. */
  size: number;
  length: number;
  /** [size * length] input ids (masked), PAD beyond each sentence. */
  ids: Int32Array;
  /** [size * length] 1 for a real token, 0 for padding. */
  keep: Float32Array;
  /** Flat positions (row * length + i) of the targets, and the true token there. */
  at: Int32Array;
  targets: Int32Array;
  /** Real (non-padding) tokens in the batch. */
  tokens: number;
}

export function paddedLength(longest: number, seqLen: number): number {
  return Math.min(seqLen, Math.ceil(longest / LENGTH_STEP) * LENGTH_STEP);
}

/** Lay sentences out as a padded batch with nothing masked (for encoding and for predictions at given positions). */
export function plainBatch(sentences: readonly Int32Array[], seqLen: number): MlmBatch {
  const longest = sentences.reduce((m, s) => Math.max(m, s.length), 1);
  const length = paddedLength(longest, seqLen);
  const size = sentences.length;
  const ids = new Int32Array(size * length).fill(PAD_ID);
  const keep = new Float32Array(size * length);
  let tokens = 0;
  sentences.forEach((s, r) => {
    if (s.length > length) throw new Error(`A sentence of ${s.length} tokens is longer than the model's ${seqLen}.`);
    ids.set(s, r * length);
    keep.fill(1, r * length, r * length + s.length);
    tokens += s.length;
  });
  return { size, length, ids, keep, at: new Int32Array(0), targets: new Int32Array(0), tokens };
}

/** A training batch: the sentences with BERT's masking applied (see the file comment). */
export function maskedBatch(sentences: readonly Int32Array[], seqLen: number, vocab: number, maskRate: number, rng: Rng): MlmBatch {
  const b = plainBatch(sentences, seqLen);
  const at: number[] = [];
  const targets: number[] = [];
  sentences.forEach((s, r) => {
    const chosen: number[] = [];
    for (let i = 0; i < s.length; i++) if (s[i] !== UNK_ID && rng.nextFloat() < maskRate) chosen.push(i);
    if (chosen.length === 0) {
      // At least one target per sentence, drawn among its known words (none: the sentence only gives context).
      const known = [...s.keys()].filter((i) => s[i] !== UNK_ID);
      if (known.length > 0) chosen.push(known[rng.nextInt(known.length)]!);
    }
    for (const i of chosen) {
      const flat = r * b.length + i;
      at.push(flat);
      targets.push(s[i]!);
      const u = rng.nextFloat();
      if (u < MASK_SHARE) b.ids[flat] = MASK_ID;
      else if (u < MASK_SHARE + RANDOM_SHARE) b.ids[flat] = FIRST_WORD_ID + rng.nextInt(vocab - FIRST_WORD_ID);
    }
  });
  b.at = Int32Array.from(at);
  b.targets = Int32Array.from(targets);
  return b;
}

/** A seeded Fisher-Yates shuffle of 0..n-1 (the order sentences are visited in one epoch). */
export function shuffledOrder(n: number, rng: Rng): Int32Array {
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = rng.nextInt(i + 1);
    const t = order[i]!;
    order[i] = order[j]!;
    order[j] = t;
  }
  return order;
}
