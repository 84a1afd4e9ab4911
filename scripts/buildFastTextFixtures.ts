// Builds the test fixtures that pin the lab's fastText maths to Facebook's fastText itself (Debian's `fasttext`
// 0.9.2 binary must be installed: apt-get install fasttext). Run: npx tsx scripts/buildFastTextFixtures.ts
// Writes tests/unit/fixtures/:
//   fasttext-ngrams.json  words, their n-grams in fastText's order and the bucket fastText put each in. fastText
//                         prints n-grams with their vectors, not their buckets, so we find each bucket by matching
//                         the printed vector to the rows of the saved model (rows start random, so they are unique).
//   fasttext-tiny.bin     a tiny real model (dim 3, 211 buckets) for the .bin reader's tests, and
//   fasttext-tiny.json    the vectors `fasttext print-word-vector``fasttext print-word-vectors` gives for seen and unseen words of it.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readFastTextBin } from '../src/core/models/fasttext/fastTextBin';

const FASTTEXT = '/usr/bin/fasttext';
const OUT = join(import.meta.dirname, '..', 'tests', 'unit', 'fixtures');
/** Accented letters (bytes >= 0x80) test the signed-char cast in the hash; minn 1 tests the lone < and > rule. */
const TEXT = ['the cat sat on the mat', 'café naïve über straße', 'the dog ran ñandú', 'a cat and a dog'].join('\n') + '\n';
/** A prime near 10^5: large enough that a wrong hash would almost never land in the same bucket by chance. */
const HASH_BUCKET = 100_003;
/** fastText 0.9.2 fills only a tenth of the input matrix with random numbers per thread block, so the fixture
 *  model is trained with 10 threads to give every row a distinct start. */
const INIT_THREADS = 10;
const WORDS = ['cat', 'café', 'über', 'ñandú', 'straße', 'zebra', 'a', 'naïveté'];
/** print-ngrams and print-word-vector print 5 significant digits. */
const MATCH_TOLERANCE = 2e-4;

const dir = mkdtempSync(join(tmpdir(), 'ft-fixtures-'));
const input = join(dir, 'tiny.txt');
writeFileSync(input, TEXT);
const train = (out: string, extra: string[]): void => {
  execFileSync(FASTTEXT, ['skipgram', '-input', input, '-output', out, '-minCount', '1', '-epoch', '1', '-thread', String(INIT_THREADS), '-verbose', '0', ...extra]);
};
const numbers = (line: string): number[] => line.trim().split(/\s+/).slice(1).map(Number);

train(join(dir, 'hash'), ['-dim', '4', '-bucket', String(HASH_BUCKET), '-minn', '1', '-maxn', '6']);
const model = readFastTextBin(new Uint8Array(readFileSync(join(dir, 'hash.bin'))));
const V = model.words.length;
const dim = model.args.dim;
const cases = WORDS.map((word) => {
  const lines = execFileSync(FASTTEXT, ['print-ngrams', join(dir, 'hash.bin'), word], { encoding: 'utf8' }).trim().split('\n');
  const known = model.words.includes(word);
  const grams = (known ? lines.slice(1) : lines).map((line) => {
    const gram = line.trim().split(/\s+/)[0]!;
    const vec = numbers(line);
    const hits: number[] = [];
    for (let b = 0; b < HASH_BUCKET; b++) {
      const row = (V + b) * dim;
      let ok = true;
      for (let d = 0; d < dim && ok; d++) ok = Math.abs(model.input[row + d]! - vec[d]!) <= MATCH_TOLERANCE * Math.max(1, Math.abs(vec[d]!));
      if (ok) hits.push(b);
    }
    if (hits.length !== 1) throw new Error(`n-gram ${gram} of ${word} matched ${hits.length} rows`);
    return { ngram: gram, bucket: hits[0] };
  });
  return { word, known, ngrams: grams };
});
writeFileSync(join(OUT, 'fasttext-ngrams.json'), JSON.stringify({ minn: 1, maxn: 6, bucket: HASH_BUCKET, cases }, null, 1) + '\n');

train(join(dir, 'tiny'), ['-dim', '3', '-bucket', '211', '-minn', '2', '-maxn', '4']);
copyFileSync(join(dir, 'tiny.bin'), join(OUT, 'fasttext-tiny.bin'));
const probe = ['cat', 'café', 'dog', 'dogs', 'zebra', 'xq'];
const printed = execFileSync(FASTTEXT, ['print-word-vectors', join(dir, 'tiny.bin')], { input: probe.join('\n') + '\n', encoding: 'utf8' })
  .trim().split('\n').map((line) => ({ word: line.trim().split(/\s+/)[0]!, vector: numbers(line) }));
writeFileSync(join(OUT, 'fasttext-tiny.json'), JSON.stringify({ vectors: printed }, null, 1) + '\n');
console.log(`wrote fixtures for ${cases.length} words and a ${V}-word tiny model to ${OUT}`);
