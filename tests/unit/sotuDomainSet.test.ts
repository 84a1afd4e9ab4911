// data/eval/sotu-domain.txt stays askable of every arm of the fine-tuning comparison: each word occurs at least 5
// times (word2vec's min_count) in both bundled corpora, no question repeats an input word as its answer, and the
// file parses as questions-words with its four sections.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/core/text/tokenize';
import { ROOT } from './cliProcess';

const FILE = join(ROOT, 'data', 'eval', 'sotu-domain.txt');
const corpus = (name: string) => join(ROOT, 'public', 'corpora', `${name}.txt`);
const MIN_COUNT = 5;

describe.skipIf(!existsSync(corpus('sotu')) || !existsSync(corpus('brown')))('SOTU-domain questions', () => {
  it('ask only words both corpora know, in four sections', () => {
    const lines = readFileSync(FILE, 'utf8').split('\n').filter((l) => l && !l.startsWith('#'));
    const sections = lines.filter((l) => l.startsWith(':'));
    expect(sections).toEqual([': sotu-institution-adjective', ': sotu-country-adjective', ': sotu-plural', ': sotu-office-body']);
    const questions = lines.filter((l) => !l.startsWith(':')).map((l) => l.split(' '));
    expect(questions.length).toBeGreaterThan(1000);
    const words = new Set(questions.flat());
    for (const name of ['sotu', 'brown']) {
      const counts = new Map<string, number>();
      for (const line of readFileSync(corpus(name), 'utf8').split('\n')) for (const w of tokenize(line)) if (words.has(w)) counts.set(w, (counts.get(w) ?? 0) + 1);
      const rare = [...words].filter((w) => (counts.get(w) ?? 0) < MIN_COUNT);
      expect(rare, `${name}`).toEqual([]);
    }
    for (const q of questions) {
      expect(q).toHaveLength(4);
      expect(q.slice(0, 3)).not.toContain(q[3]);
    }
  }, 60_000);
});
