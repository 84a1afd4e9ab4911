// One lab fastText run for the bench, in its own process (so its peak memory is its own): reads a tokenized corpus
// (one sentence per line), trains fastText through the model registry on one thread, writes the vocabulary's
// vectors as word2vec text for the evaluator, and prints one JSON line like the CLI's `train`.
//   npx tsx bench/fastTextChild.ts --input FILE --out FILE.txt --arch skipgram --dim 100 --window 5 --negative 5
//        --min-count 5 --sample 1e-3 --alpha 0.025 --epochs 5 --seed 1 --minn 3 --maxn 6 --bucket 2000000 [--kernel js]
// (--kernel js forces the JavaScript kernel; by default the WebAssembly SIMD kernel runs where Node has it.)
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { defaultCommon, defaultParams, getModel } from '../src/core/models';
import { FastTextTrainer } from '../src/core/models/fasttext/fastTextTrainer';
import { fastTextConfigFrom, FastTextRegistryTrainer } from '../src/core/models/fasttext/fastTextSpec';
import { encodeCorpus } from '../src/core/text/corpus';
import { KeyedVectors } from '../src/core/vectors/keyedVectors';
import { writeWord2VecText } from '../src/core/vectors/formats';

/** Words per run() call: a few hundred milliseconds of work, as the CLI's chunks. */
const CHUNK_WORDS = 50_000;
const BYTES_PER_MB = 2 ** 20;

const { values: v } = parseArgs({
  options: Object.fromEntries(
    ['input', 'out', 'kernel', 'arch', 'dim', 'window', 'negative', 'min-count', 'sample', 'alpha', 'min-alpha', 'epochs', 'seed', 'minn', 'maxn', 'bucket']
      .map((k) => [k, { type: 'string' as const }]),
  ),
});
const spec = getModel('fasttext');
const num = (k: string, fallback: number): number => (v[k] === undefined ? fallback : Number(v[k]));
const p = defaultParams(spec);
const params = {
  ...p, arch: String(v.arch ?? p.arch), window: num('window', p.window as number), negative: num('negative', p.negative as number),
  sample: num('sample', p.sample as number), alpha: num('alpha', p.alpha as number), minAlpha: num('min-alpha', p.minAlpha as number),
  minn: num('minn', p.minn as number), maxn: num('maxn', p.maxn as number), bucket: num('bucket', p.bucket as number),
};
const c = defaultCommon(spec);
const common = { ...c, dim: num('dim', c.dim), epochs: num('epochs', c.epochs), minCount: num('min-count', c.minCount), seed: num('seed', c.seed), threads: 1 };
const t0 = performance.now();
const corpus = encodeCorpus(readFileSync(String(v.input), 'utf8'), { minCount: common.minCount, maxVocab: 0 });
const config = { model: 'fasttext', common, params };
// The registry's trainer unless a kernel is forced (the registry picks WebAssembly SIMD where it can).
const trainer = v.kernel === 'js'
  ? new FastTextRegistryTrainer(new FastTextTrainer(corpus, fastTextConfigFrom(config), { kernel: 'js' }))
  : await spec.create({ kind: 'text', corpus }, config, 'cpu');
const kernel = trainer instanceof FastTextRegistryTrainer ? trainer.inner.kernel : 'unknown';
const setupSeconds = (performance.now() - t0) / 1000;
process.stderr.write(`fastText ${params.arch}: ${corpus.rawTokens} tokens, ${corpus.vocab.words.length} words, minn ${params.minn} maxn ${params.maxn} bucket ${params.bucket}, ${kernel} kernel\n`);
let seconds = 0;
let cpu = 0;
let last = 0;
let progress = trainer.progress();
while (!trainer.done) {
  const w0 = performance.now();
  const c0 = process.cpuUsage();
  progress = await trainer.run(CHUNK_WORDS);
  const used = process.cpuUsage(c0);
  cpu += (used.user + used.system) / 1e6;
  seconds += (performance.now() - w0) / 1000;
  if (seconds - last > 5) {
    last = seconds;
    process.stderr.write(`${((100 * progress.unitsDone) / progress.unitsTotal).toFixed(1)}%  loss ${progress.loss.toFixed(4)}  ${Math.round(progress.unitsPerSec)} words/s\n`);
  }
}
const model = trainer.model();
const kv = new KeyedVectors(corpus.vocab.words, model.kind === 'subword' ? model.vectors() : new Float32Array(0), common.dim);
const tmp = `${v.out}.part`;
writeFileSync(tmp, writeWord2VecText(kv));
renameSync(tmp, String(v.out));
const words = corpus.rawTokens * common.epochs;
console.log(JSON.stringify({
  command: 'train', model: 'fasttext', kernel, arch: params.arch, words, corpusTokens: corpus.rawTokens, vocab: corpus.vocab.words.length,
  seconds, cpuSeconds: cpu, setupSeconds, wordsPerSec: Math.round(words / seconds), finalLoss: progress.loss,
  peakRssMB: Math.round(process.memoryUsage().rss / BYTES_PER_MB), out: [v.out],
}));
