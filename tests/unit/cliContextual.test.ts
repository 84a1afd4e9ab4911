// The `contextual` command and `train --model mlm` on the command line: a model trained and saved through the
// registry, then one JSON line per sentence with the word's vector in context (or a static file's vector), and
// errors that name the file and line of a sentence without the word.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSentences, runContextual, type ContextualLine } from '../../src/cli/contextual';
import { runTrain } from '../../src/cli/train';
import { TOY_CORPORA } from '../../src/core/text/toyCorpora';

const dir = mkdtempSync(join(tmpdir(), 'cli-contextual-'));
const weights = join(dir, 'toy.elcm');
const DIM = 16;
const log = () => {};

beforeAll(async () => {
  const corpus = join(dir, 'corpus.txt');
  writeFileSync(corpus, TOY_CORPORA.fruit!.text);
  const summary = await runTrain(['--model', 'mlm', '--corpus', corpus, '--dim', String(DIM), '--ffn', '32', '--engine', 'tfjs-cpu', '--out', weights, '--quiet'], log);
  if (summary === 'help') throw new Error('unexpected help');
  expect(summary.unit).toBe('steps');
  expect(summary.units).toBeGreaterThan(0);
  expect(summary.out).toEqual([weights]);
  expect(summary.format).toMatch(/\.elcm/);
}, 300_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

describe('contextual', () => {
  it('prints one vector of the word per sentence, different in different sentences', async () => {
    const word = 'apple';
    const sentences = file('s.txt', `I saw the ${word} today.\n\nA ${word} and another one.\n`);
    const out = (await runContextual(['--word', word, '--sentences', sentences, '--weights', weights])) as ContextualLine[];
    expect(out.map((r) => [r.sentence, r.line, r.word, r.position])).toEqual([
      [1, 1, word, 3],
      [2, 3, word, 1],
    ]);
    expect(out[0]!.vector).toHaveLength(DIM);
    expect(out[0]!.vector.every(Number.isFinite)).toBe(true);
    expect(out[0]!.vector).not.toEqual(out[1]!.vector);
  });

  it('names the file and line of a sentence without the word, and prints nothing', async () => {
    const sentences = file('bad.txt', 'the bank of the river\n\nthe river was high\n');
    await expect(runContextual(['--word', 'bank', '--sentences', sentences, '--weights', weights])).rejects.toThrow('bad.txt:3: sentence 2 does not contain the word "bank"');
  });

  it('prints a static file’s vector on every line with --static', async () => {
    const vectors = file('v.txt', '2 3\nbank 1 2 3\nriver 4 5 6\n');
    const sentences = file('s2.txt', 'the Bank of the river\nthe bank raised rates\n');
    const out = (await runContextual(['--word', 'bank', '--sentences', sentences, '--static', vectors])) as ContextualLine[];
    expect(out.map((r) => r.vector)).toEqual([[1, 2, 3], [1, 2, 3]]);
    const missing = file('v2.txt', '1 3\nriver 4 5 6\n');
    await expect(runContextual(['--word', 'bank', '--sentences', sentences, '--static', missing])).rejects.toThrow('v2.txt has no vector for "bank"');
  });

  it('refuses two words, a missing file, a foreign weights file and --static with --weights', async () => {
    const sentences = file('s3.txt', 'the bank\n');
    await expect(runContextual(['--word', 'river bank', '--sentences', sentences, '--weights', weights])).rejects.toThrow(/must be one word/);
    await expect(runContextual(['--word', 'bank', '--sentences', join(dir, 'nope.txt'), '--weights', weights])).rejects.toThrow(/no such file/);
    await expect(runContextual(['--word', 'bank', '--sentences', sentences, '--weights', sentences])).rejects.toThrow(/s3\.txt is not a contextual model file/);
    await expect(runContextual(['--word', 'bank', '--sentences', sentences, '--weights', weights, '--static', sentences])).rejects.toThrow(/exclude each other/);
  });
});

describe('readSentences', () => {
  it('reads [MASK] as a token, skips blank lines and refuses sentences longer than the model', () => {
    expect(readSentences('the bank [MASK] rates\n', 'f.txt', 'bank')).toEqual([{ line: 1, tokens: ['the', 'bank', '[MASK]', 'rates'], position: 1 }]);
    expect(() => readSentences('\n\n', 'f.txt', 'bank')).toThrow('f.txt has no sentences');
    expect(() => readSentences('bank '.repeat(40), 'f.txt', 'bank', 32)).toThrow('f.txt:1: sentence 1 has 40 words; the model reads at most 32');
  });
});

describe('train --model mlm', () => {
  it('refuses an --out that is not a contextual model file before training', async () => {
    await expect(runTrain(['--model', 'mlm', '--corpus', 'toy-fruit', '--out', join(dir, 'x.txt')], log)).rejects.toThrow(/ending in \.elcm/);
  });
});
