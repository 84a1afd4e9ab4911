// Tokenizing: words are runs of Unicode letters and digits (with inner apostrophes and hyphens kept, so "don't" and
// "well-known" stay whole), optionally lower-cased. Sentences are lines, and within a line, . ! ? followed by space.

export interface TokenizeOptions {
  lowercase: boolean;
  /** Keep tokens made only of digits (word2vec keeps them; some lessons prefer not to). */
  keepNumbers: boolean;
}

export const DEFAULT_TOKENIZE: TokenizeOptions = { lowercase: true, keepNumbers: true };

// \p{L}\p{N} with \p{M} so that combining accents stay inside words.
const WORD_RE = /[\p{L}\p{N}\p{M}]+(?:['’-][\p{L}\p{N}\p{M}]+)*/gu;
const NUMBER_RE = /^\p{N}+$/u;
// A sentence ends at . ! ? (optionally followed by quotes/brackets) and white space.
const SENTENCE_END_RE = /(?<=[.!?]["'’”)\]]*)\s+/u;

export function tokenize(text: string, opts: TokenizeOptions = DEFAULT_TOKENIZE): string[] {
  const src = opts.lowercase ? text.toLowerCase() : text;
  const out: string[] = [];
  for (const m of src.matchAll(WORD_RE)) {
    const w = m[0];
    if (!opts.keepNumbers && NUMBER_RE.test(w)) continue;
    out.push(w);
  }
  return out;
}

/** Split one line (or paragraph) into sentences at . ! ? followed by white space. */
export function splitSentences(line: string): string[] {
  return line.split(SENTENCE_END_RE).filter((s) => s.trim().length > 0);
}

/** Every sentence of a text as a token list; empty sentences are skipped. */
export function* sentencesOf(text: string, opts: TokenizeOptions = DEFAULT_TOKENIZE): Generator<string[]> {
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end);
    start = end + 1;
    if (line.trim().length === 0) continue;
    for (const s of splitSentences(line)) {
      const toks = tokenize(s, opts);
      if (toks.length > 0) yield toks;
    }
  }
}
