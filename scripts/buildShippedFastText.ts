// Builds the small fastText model the lessons and playgrounds ship with (public/vectors/brown-ft.elft): skip-gram
// with character n-grams trained by the lab's own fastText trainer on Brown, so that any typed word, seen or not,
// gets a real vector. Settings: fastText's defaults (window 5, 5 negatives, min-count 5, lr 0.05, t 1e-4, n-grams
// 3-6, 5 epochs, seed 1) except dim 50 and 60,000 buckets, stored int8 with a scale per row, to stay near 4 MB.
// The output is committed: rebuilding takes minutes.   npx tsx scripts/buildShippedFastText.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodeCorpus } from '../src/core/text/corpus';
import { DEFAULT_FASTTEXT_CONFIG, FastTextTrainer, type FastTextConfig } from '../src/core/models/fasttext/fastTextTrainer';
import { writeSubwordModel } from '../src/core/models/fasttext/subwordModelFile';
import { evaluateAnalogies, evaluateSimilarity } from '../src/core/vectors/evaluation';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const SHIPPED_FASTTEXT_FILE = 'brown-ft.elft';
/** Half of the lab's usual 100 dimensions and 60,000 buckets: (14,140 words + 60,000 rows) x 50 int8 = 3.7 MB. */
const SHIPPED: FastTextConfig = { ...DEFAULT_FASTTEXT_CONFIG, dim: 50, bucket: 60_000 };
const CHUNK_WORDS = 200_000;

const corpus = encodeCorpus(readFileSync(join(ROOT, 'public', 'corpora', 'brown.txt'), 'utf8'), { minCount: SHIPPED.minCount, maxVocab: 0 });
const trainer = new FastTextTrainer(corpus, SHIPPED);
while (!trainer.done) {
  const p = await trainer.run(CHUNK_WORDS);
  process.stderr.write(`\r${((100 * p.wordsDone) / p.wordsTotal).toFixed(1)}%  loss ${p.loss.toFixed(3)}  ${Math.round(p.wordsPerSec)} words/s`);
}
process.stderr.write('\n');
const kv = trainer.subwordVectors();
const eval_ = join(ROOT, 'data', 'eval');
const a = evaluateAnalogies(kv, readFileSync(join(eval_, 'analogies.txt'), 'utf8'), { fileName: 'analogies.txt' });
const s = evaluateSimilarity(kv, readFileSync(join(eval_, 'similarity.txt'), 'utf8'), { fileName: 'similarity.txt' });
const c = SHIPPED;
const meta = {
  label: 'Brown, fastText skip-gram 50d, n-grams 3-6',
  corpus: 'Brown (1.0 M tokens)',
  settings: { model: c.model, dim: c.dim, window: c.window, negative: c.negative, 'min-count': c.minCount, sample: c.sample, alpha: c.alpha, epochs: c.epochs, seed: c.seed, minn: c.minn, maxn: c.maxn, bucket: c.bucket },
  scores: { 'analogy accuracy': a.overall.accuracy, 'similarity Spearman': s.spearman },
  date: new Date().toISOString(),
};
const bytes = writeSubwordModel(kv, { meta });
writeFileSync(join(ROOT, 'public', 'vectors', SHIPPED_FASTTEXT_FILE), bytes);
console.log(`wrote public/vectors/${SHIPPED_FASTTEXT_FILE}: ${(bytes.length / 2 ** 20).toFixed(1)} MB, analogy ${a.overall.accuracy.toFixed(3)}, Spearman ${s.spearman.toFixed(3)}`);
