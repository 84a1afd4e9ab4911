// The contextual model's tokenizer: whole words, lower-cased by the lab's tokenizer, over the corpus vocabulary's
// most frequent words, plus three special tokens. Words rather than WordPiece pieces because every question the lab
// asks of this model is "the vector of word i in this sentence": with one token per word that vector is one row of
// the encoder's output, with no pooling of pieces to explain, and the ambiguous words students try (bank, state,
// interest, play...) are all frequent enough to be in a few-thousand-word vocabulary. Rare words become [UNK], which
// the trainer also shows the model now and then so that its row is a trained one (see mlmBatches.ts).
import { DEFAULT_TOKENIZE, tokenize } from '../../text/tokenize';

/** Padding (never attended to, never predicted). */
export const PAD = '[PAD]';
/** Any word outside the vocabulary. */
export const UNK = '[UNK]';
/** The hidden word the model has to guess. */
export const MASK = '[MASK]';
export const SPECIAL_TOKENS = [PAD, UNK, MASK] as const;
export const PAD_ID = 0;
export const UNK_ID = 1;
export const MASK_ID = 2;
/** Ids below this are special tokens; corpus words follow in the vocabulary's order (most frequent first). */
export const FIRST_WORD_ID = SPECIAL_TOKENS.length;

export class MlmTokenizer {
  /** Special tokens, then words. The id of a token is its index here. */
  readonly tokens: readonly string[];
  private readonly index: ReadonlyMap<string, number>;

  constructor(words: readonly string[]) {
    for (const w of words) {
      if ((SPECIAL_TOKENS as readonly string[]).includes(w)) throw new Error(`The word list holds the special token ${w}.`);
    }
    this.tokens = [...SPECIAL_TOKENS, ...words];
    this.index = new Map(this.tokens.map((t, i) => [t, i]));
    if (this.index.size !== this.tokens.length) throw new Error('The word list holds a word twice.');
  }

  get size(): number {
    return this.tokens.length;
  }

  /** The words, without the special tokens. */
  get words(): readonly string[] {
    return this.tokens.slice(FIRST_WORD_ID);
  }

  /** Id of one token ("[MASK]" is the mask token; a word outside the vocabulary is [UNK]). */
  idOf(token: string): number {
    return this.index.get(token) ?? UNK_ID;
  }

  has(word: string): boolean {
    return this.index.has(word) && this.index.get(word)! >= FIRST_WORD_ID;
  }

  tokenOf(id: number): string {
    const t = this.tokens[id];
    if (t === undefined) throw new Error(`Token id ${id} is outside the vocabulary of ${this.size}.`);
    return t;
  }

  encode(words: readonly string[]): Int32Array {
    return Int32Array.from(words, (w) => this.idOf(w));
  }

  decode(ids: ArrayLike<number>): string[] {
    return Array.from(ids, (id) => this.tokenOf(id));
  }
}

/** A typed sentence -> the tokens the model sees: the lab's word tokenizer, except that "[MASK]" (any case) or a
 *  lone "_" stays one mask token, so students can write "the [MASK] of the river" or "the _ of the river". */
export function sentenceTokens(text: string): string[] {
  const out: string[] = [];
  for (const part of text.split(/(\[mask\]|(?<![\p{L}\p{N}])_(?![\p{L}\p{N}]))/iu)) {
    if (/^\[mask\]$/i.test(part) || part === '_') out.push(MASK);
    else out.push(...tokenize(part, DEFAULT_TOKENIZE));
  }
  return out;
}
