// Builds public/vectors/brown-sg100-output.elv: the output (context) vectors of the shipped Brown skip-gram model
// (public/vectors/brown-sg100.elv), which a vectors file does not keep but continuing the model needs (lesson 06's
// fine-tuning widget continues it on a domain text with these kept). Retrains Brown with exactly the shipped
// settings (buildShippedVectors.ts: skip-gram 100d, gensim's defaults, 5 epochs, seed 1, one thread; the engine is
// deterministic), checks that its input vectors are the shipped ones up to int8 rounding, and writes the output rows
// in the shipped words' order.
// Run: npx tsx scripts/buildFineTuneBase.ts   (after npm run corpora; a few minutes)
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodeCorpus } from '../src/core/text/corpus';
import { createTrainer } from '../src/core/train/createTrainer';
import { DEFAULT_TRAIN_CONFIG, type TrainConfig } from '../src/core/train/types';
import { KeyedVectors } from '../src/core/vectors/keyedVectors';
import { readCompact, writeCompact } from '../src/core/vectors/formats';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SHIPPED = join(ROOT, 'public', 'vectors', 'brown-sg100.elv');
const OUT = join(ROOT, 'public', 'vectors', 'brown-sg100-output.elv');
/** Largest input-vector difference accepted as int8 rounding of the same model, in units of the row's largest entry. */
const ROUNDING_TOLERANCE = 0.02;

async function main(): Promise<void> {
  const shipped = readCompact(new Uint8Array(readFileSync(SHIPPED)), { fileName: 'brown-sg100.elv' }).kv;
  const config: TrainConfig = { ...DEFAULT_TRAIN_CONFIG, model: 'skipgram', dim: 100, epochs: 5, seed: 1, threads: 1 };
  const corpus = encodeCorpus(readFileSync(join(ROOT, 'public', 'corpora', 'brown.txt'), 'utf8'), { minCount: config.minCount, maxVocab: config.maxVocab });
  const trainer = await createTrainer(corpus, config, 'cpu');
  while (!trainer.done) {
    const p = await trainer.run(500_000);
    process.stderr.write(`${((100 * p.wordsDone) / p.wordsTotal).toFixed(0)}% `);
  }
  const words = trainer.vocab.words;
  const input = new KeyedVectors(words, trainer.vectors(), trainer.dim);
  const output = new KeyedVectors(words, (trainer as unknown as { outputVectors(): Float32Array }).outputVectors(), trainer.dim);
  let worst = 0;
  for (const w of shipped.words) {
    const a = shipped.vector(w);
    const b = input.vector(w);
    const scale = Math.max(...Array.from(b, Math.abs));
    for (let d = 0; d < a.length; d++) worst = Math.max(worst, Math.abs(a[d]! - b[d]!) / scale);
  }
  process.stderr.write(`\ninput vectors vs the shipped ones: largest difference ${worst.toFixed(4)} of a row's largest entry\n`);
  if (worst > ROUNDING_TOLERANCE) throw new Error('the retrained input vectors are not the shipped ones: the settings or the engine changed; rebuild both files');
  const rows = new Float32Array(shipped.size * shipped.dim);
  shipped.words.forEach((w, i) => rows.set(output.vector(w), i * shipped.dim));
  writeFileSync(OUT, writeCompact(new KeyedVectors(shipped.words, rows, shipped.dim)));
  process.stderr.write(`wrote ${OUT}\n`);
}

void main();
