// The one corpus file every trainer reads: the lab's tokenizer applied once (lower-case, Unicode letter/digit runs),
// one sentence per line, tokens joined by single spaces. gensim splits on white space and fastText on blanks, so
// all trainers see the same tokens and the same sentences; vocabularies match (fastText adds its </s> line-end token).
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, basename } from 'node:path';
import { sentencesOf } from '../src/core/text/tokenize';
import { MAX_SENTENCE_LENGTH } from '../src/core/text/corpus';
import { corpusPath, ensureCorpora } from '../scripts/buildCorpora';

export interface TokenizedCorpus {
  label: string;
  path: string;
  tokens: number;
  sentences: number;
}

/** The lines of the tokenized corpus, long sentences cut as our encoder and gensim cut them. */
function tokenizedLines(text: string): string[] {
  const lines: string[] = [];
  for (const s of sentencesOf(text)) {
    for (let i = 0; i < s.length; i += MAX_SENTENCE_LENGTH) lines.push(s.slice(i, i + MAX_SENTENCE_LENGTH).join(' '));
  }
  return lines;
}

function write(label: string, path: string, lines: string[]): TokenizedCorpus {
  writeFileSync(path, lines.join('\n') + '\n');
  let tokens = 0;
  for (const l of lines) tokens += l.split(' ').length;
  return { label, path, tokens, sentences: lines.length };
}

/** Reads a bundled corpus (built if missing) or a file, writes NAME.tok.txt in workDir and, if asked, a slice. */
export function prepareCorpus(
  corpus: string,
  workDir: string,
  sliceTokens?: number,
): { full: TokenizedCorpus; slice?: TokenizedCorpus } {
  let source = corpusPath(corpus);
  if (source) ensureCorpora([corpus]);
  else if (existsSync(corpus) && statSync(corpus).isFile()) source = corpus;
  else throw new Error(`corpus not found: ${corpus} (bundled: brown, sotu, toy-fruit, toy-royals)`);
  const name = basename(source).replace(/\.[^.]+$/, '');
  const lines = tokenizedLines(readFileSync(source, 'utf8'));
  const full = write(name, join(workDir, `${name}.tok.txt`), lines);
  if (!sliceTokens || sliceTokens >= full.tokens) return { full };
  const head: string[] = [];
  let n = 0;
  for (const l of lines) {
    if (n >= sliceTokens) break;
    head.push(l);
    n += l.split(' ').length;
  }
  const slice = write(`${name}[:${Math.round(n / 1000)}k]`, join(workDir, `${name}.slice.tok.txt`), head);
  return { full, slice };
}
