// Quick speed check of the cpu engine on Brown (core-cpu's own tool; `npm run bench` is the full benchmark).
// Usage: npx tsx bench/quick-cpu.ts [--model skipgram|cbow] [--epochs 1] [--threads 1] [--hs 0] [--negative 5]
//        [--kernel auto|js|wasm] [--corpus public/corpora/brown.txt]
import { readFileSync } from 'node:fs';
import { encodeCorpus } from '../src/core/text/corpus';
import type { CpuKernelChoice } from '../src/core/train/cpuEngine';
import { createTrainer } from '../src/core/train/createTrainer';
import { DEFAULT_TRAIN_CONFIG, type TrainConfig } from '../src/core/train/types';

/** gensim 4.2 skip-gram training-only throughput on Brown here (median, docs/measurements.md, "Reference trainers"). */
const GENSIM_SG_WORDS_PER_SEC = 350_000;
/** Words per run() call, about what the lab worker asks for between progress posts. */
const CHUNK_WORDS = 100_000;

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}

async function main(): Promise<void> {
  const path = arg('corpus', 'public/corpora/brown.txt');
  const t0 = performance.now();
  const corpus = encodeCorpus(readFileSync(path, 'utf8'), { minCount: 5, maxVocab: 0 });
  const t1 = performance.now();
  const config: TrainConfig = {
    ...DEFAULT_TRAIN_CONFIG,
    model: arg('model', 'skipgram') as TrainConfig['model'],
    epochs: Number(arg('epochs', '1')),
    threads: Number(arg('threads', '1')),
    hs: arg('hs', '0') === '1',
    negative: Number(arg('negative', '5')),
    seed: Number(arg('seed', '1')),
  };
  const kernel = arg('kernel', 'auto');
  const trainer = await createTrainer(corpus, config, 'cpu', {
    onLog: (m: string) => console.log(m),
    kernel: kernel as CpuKernelChoice,
  });
  let p = trainer.progress();
  const cpu0 = process.cpuUsage();
  // The machine is shared: the best chunk (words per CPU second) is the steadiest estimate of the kernel's speed.
  let best = 0;
  while (!p.done) {
    const w0 = p.wordsDone;
    const c0 = process.cpuUsage();
    p = await trainer.run(CHUNK_WORDS);
    const c = process.cpuUsage(c0);
    best = Math.max(best, (p.wordsDone - w0) / ((c.user + c.system) / 1e6));
  }
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const seconds = p.seconds;
  const rate = p.wordsDone / seconds;
  console.log(
    JSON.stringify({
      corpus: path,
      model: config.model,
      engine: trainer.engine,
      vocab: corpus.vocab.words.length,
      tokens: corpus.rawTokens,
      epochs: config.epochs,
      encodeSeconds: +((t1 - t0) / 1000).toFixed(2),
      trainSeconds: +seconds.toFixed(2),
      kernel: (trainer as { kernel?: string }).kernel,
      wordsPerSec: Math.round(rate),
      cpuSeconds: +cpuSeconds.toFixed(2),
      wordsPerCpuSec: Math.round(p.wordsDone / cpuSeconds),
      bestChunkWordsPerCpuSec: Math.round(best),
      ratioToGensimSg: +(rate / GENSIM_SG_WORDS_PER_SEC).toFixed(3),
      finalLoss: +p.loss.toFixed(4),
      peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
    }),
  );
  trainer.dispose();
}

void main();
