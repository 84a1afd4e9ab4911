// `npx tsx bench/contextualBench.ts`: the contextual model's figures.
//  1. Sense AUC on the project's sense-labelled set (data/senses/senses.json): the contextual vectors of each word's
//     occurrences against the baseline "static vector + mean of the context window's static vectors" (static =
//     public/vectors/brown-sotu-sg100.elv; a static vector alone scores 0.5 by definition), per word and averaged.
//  2. Masked-word accuracy on held-out sentences (every 50th of Brown + SOTU, never trained on) against the unigram
//     and bigram guesses.
//  Several --weights files (comma-separated: the same run with other seeds, from scripts/buildShippedContextual.ts
//  --seed S) add the mean and standard deviation of 1 and 2 over them, and per word how many runs beat the baseline.
//  3. Training speed in optimiser steps/s and tokens/s on each tfjs backend Node has (cpu, wasm), several seeds,
//     with the spread (min-max) over seeds.
//   npx tsx bench/contextualBench.ts [--weights public/models/mlm-brown-sotu.elcm[,other.elcm,...]] [--seeds 3] [--steps 8]
//                                    [--held-out 1000] [--skip-speed]
// Run `npm run corpora` first. Writes bench/out/contextual.json.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultCommon, defaultParams, getModel } from '../src/core/models';
import { maskedAccuracy } from '../src/core/models/contextual/maskedAccuracy';
import { sentencesFrom } from '../src/core/models/contextual/mlmBatches';
import { loadMlmModel } from '../src/core/models/contextual/mlmModel';
import { SPECIAL_TOKENS } from '../src/core/models/contextual/mlmTokenizer';
import type { MlmTrainer } from '../src/core/models/contextual/mlmTrainer';
import { senseAuc, signTestP, windowVector } from '../src/core/models/contextual/senseAuc';
import { encodeCorpus } from '../src/core/text/corpus';
import { activateTfjsBackend } from '../src/core/train/tfjsBackend';
import { readCompact } from '../src/core/vectors/formats';
import { ROOT } from './trainers';

const { values: flags } = parseArgs({
  options: {
    weights: { type: 'string', default: join('public', 'models', 'mlm-brown-sotu.elcm') },
    seeds: { type: 'string', default: '3' },
    steps: { type: 'string', default: '8' },
    'held-out': { type: 'string', default: '1000' },
    'skip-speed': { type: 'boolean', default: false },
  },
});
const SPEED_WARMUP_STEPS = 2;
const EVAL_SEED = 7;

interface SenseSet {
  words: { word: string; senses: Record<string, string>; occurrences: { tokens: string[]; position: number; sense: string }[] }[];
}

const say = (line: string) => process.stderr.write(line + '\n');
const r3 = (x: number) => Math.round(x * 1000) / 1000;

await activateTfjsBackend('wasm');
const kv = readCompact(new Uint8Array(readFileSync(join(ROOT, 'public', 'vectors', 'brown-sotu-sg100.elv')))).kv;
const set = JSON.parse(readFileSync(join(ROOT, 'data', 'senses', 'senses.json'), 'utf8')) as SenseSet;
const spec = getModel('mlm');
const text = ['brown', 'sotu'].map((c) => readFileSync(join(ROOT, 'public', 'corpora', `${c}.txt`), 'utf8')).join('\n');
const corpus = encodeCorpus(text, { minCount: defaultCommon(spec).minCount, maxVocab: 0 });
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
/** Sample standard deviation (n - 1): the spread a further seed would show. */
const sd = (xs: number[]) => (xs.length < 2 ? NaN : Math.sqrt(xs.reduce((a, x) => a + (x - mean(xs)) ** 2, 0) / (xs.length - 1)));
const pm = (xs: number[]) => `${mean(xs).toFixed(3)} ± ${sd(xs).toFixed(3)}`;

// The baseline needs no model: one static set, so it has no seed spread of its own.
const baseline = set.words.map((w) => r3(senseAuc(w.occurrences.map((o) => windowVector(kv, o.tokens, o.position)), w.occurrences.map((o) => o.sense))));

/** Sense AUC per word and masked-word accuracy on held-out sentences, for one weights file. */
async function evaluate(file: string) {
  const model = loadMlmModel(new Uint8Array(readFileSync(resolve(ROOT, file))), file);
  // 1. Sense AUC.
  const rows: { word: string; senses: string; inVocab: boolean; contextual: number; window: number; static: number }[] = [];
  for (const [wi, w] of set.words.entries()) {
    const enc = await model.encode(w.occurrences.map((o) => o.tokens));
    const d = model.dim;
    const ctx = w.occurrences.map((o, i) => enc[i]!.slice(o.position * d, (o.position + 1) * d));
    const labels = w.occurrences.map((o) => o.sense);
    const counts = Object.keys(w.senses).map((s) => `${s} ${labels.filter((l) => l === s).length}`).join(', ');
    rows.push({ word: w.word, senses: counts, inVocab: model.tokenizer.has(w.word), contextual: r3(senseAuc(ctx, labels)), window: baseline[wi]!, static: 0.5 });
  }
  // 2. Masked-word accuracy on the held-out sentences of the corpus the model was trained on.
  const words = model.shape.vocab - SPECIAL_TOKENS.length;
  if (corpus.vocab.words.slice(0, words).join('\n') !== model.tokens.slice(SPECIAL_TOKENS.length).join('\n')) {
    throw new Error(`${file} was not trained on Brown + SOTU with min-count 1: its held-out sentences cannot be rebuilt here.`);
  }
  const { train, heldOut } = sentencesFrom(corpus, words, model.maxLen);
  const acc = await maskedAccuracy(model, train, heldOut, { seed: EVAL_SEED, limit: Number(flags['held-out']) });
  const meta = model.meta;
  model.dispose();
  const wordsAbove = rows.filter((r) => r.contextual > r.window).length;
  const sense = { rows, mean: { contextual: r3(mean(rows.map((r) => r.contextual))), window: r3(mean(baseline)) }, wordsAbove, signTestP: r3(signTestP(wordsAbove, rows.length)) };
  return { weights: file, meta, sense, maskedAccuracy: acc };
}

const runs: Awaited<ReturnType<typeof evaluate>>[] = [];
for (const file of flags.weights.split(',')) {
  const run = await evaluate(file);
  runs.push(run);
  say(`\n${file} (seed ${String((run.meta as { settings?: { seed?: number } }).settings?.seed ?? '?')})`);
  say('Sense AUC (same-sense pairs closer than different-sense pairs; static vectors: 0.5)');
  say('| word | senses | contextual | static + window mean |\n| --- | --- | --- | --- |');
  for (const r of run.sense.rows) say(`| ${r.word}${r.inVocab ? '' : ' ([UNK])'} | ${r.senses} | ${r.contextual.toFixed(3)} | ${r.window.toFixed(3)} |`);
  say(`| mean of ${run.sense.rows.length} words | | ${run.sense.mean.contextual.toFixed(3)} | ${run.sense.mean.window.toFixed(3)} |`);
  say(`Above the baseline on ${run.sense.wordsAbove} of ${run.sense.rows.length} words (sign test, one-sided: p = ${run.sense.signTestP})`);
  const acc = run.maskedAccuracy;
  say(`\nMasked-word accuracy, ${acc.sentences} held-out sentences (one known word hidden each)`);
  say(`| guesser | top-1 |\n| --- | --- |\n| model | ${acc.model.toFixed(3)} (top-5 ${acc.modelTop5.toFixed(3)}) |\n| bigram (most frequent word after the left neighbour) | ${acc.bigram.toFixed(3)} |\n| unigram (always the most frequent word) | ${acc.unigram.toFixed(3)} |`);
}
// Over several weights files (one per seed): mean ± standard deviation, and per word how many runs beat the baseline.
let overSeeds = null;
if (runs.length > 1) {
  const auc = runs.map((r) => r.sense.mean.contextual);
  const top1 = runs.map((r) => r.maskedAccuracy.model);
  const perWord = set.words.map((w, wi) => {
    const xs = runs.map((r) => r.sense.rows[wi]!.contextual);
    return { word: w.word, contextual: r3(mean(xs)), sd: r3(sd(xs)), window: baseline[wi]!, runsAbove: xs.filter((x) => x > baseline[wi]!).length };
  });
  overSeeds = {
    runs: runs.length,
    senseAuc: { mean: r3(mean(auc)), sd: r3(sd(auc)), min: Math.min(...auc), max: Math.max(...auc), baseline: r3(mean(baseline)) },
    maskedTop1: { mean: r3(mean(top1)), sd: r3(sd(top1)), bigram: runs[0]!.maskedAccuracy.bigram, unigram: runs[0]!.maskedAccuracy.unigram },
    perWord,
  };
  say(`\nOver ${runs.length} runs (mean ± sd): sense AUC ${pm(auc)} against ${r3(mean(baseline)).toFixed(3)} for static + window mean; masked top-1 ${pm(top1)} against bigram ${runs[0]!.maskedAccuracy.bigram.toFixed(3)}`);
  say('| word | contextual (mean ± sd) | static + window mean | runs above the baseline |\n| --- | --- | --- | --- |');
  for (const w of perWord) say(`| ${w.word} | ${w.contextual.toFixed(3)} ± ${w.sd.toFixed(3)} | ${w.window.toFixed(3)} | ${w.runsAbove} of ${runs.length} |`);
}

// 3. Training speed per backend and seed.
const speed: { engine: string; seed: number; stepsPerSec: number; tokensPerSec: number }[] = [];
if (!flags['skip-speed']) {
  const seeds = Array.from({ length: Number(flags.seeds) }, (_, i) => i + 1);
  for (const engine of ['tfjs-wasm', 'tfjs-cpu']) {
    for (const seed of seeds) {
      const common = { ...defaultCommon(spec), seed };
      const t = (await spec.create({ kind: 'text', corpus }, { model: spec.id, common, params: defaultParams(spec) }, engine)) as MlmTrainer;
      for (let i = 0; i < SPEED_WARMUP_STEPS; i++) await t.run(1);
      const tokens0 = t.tokensDone;
      const t0 = performance.now();
      for (let i = 0; i < Number(flags.steps); i++) await t.run(1);
      const secs = (performance.now() - t0) / 1000;
      speed.push({ engine, seed, stepsPerSec: r3(Number(flags.steps) / secs), tokensPerSec: Math.round((t.tokensDone - tokens0) / secs) });
      t.dispose();
      say(`${engine} seed ${seed}: ${speed.at(-1)!.stepsPerSec} steps/s`);
    }
  }
  say('\nTraining speed (default model, batch 32 sentences; min-max over seeds)');
  say('| engine | steps/s | tokens/s |\n| --- | --- | --- |');
  for (const engine of ['tfjs-wasm', 'tfjs-cpu']) {
    const rows = speed.filter((s) => s.engine === engine);
    const span = (k: 'stepsPerSec' | 'tokensPerSec') => `${r3(mean(rows.map((r) => r[k])))} (${Math.min(...rows.map((r) => r[k]))}-${Math.max(...rows.map((r) => r[k]))})`;
    say(`| ${engine} | ${span('stepsPerSec')} | ${span('tokensPerSec')} |`);
  }
}

const outDir = join(ROOT, 'bench', 'out');
if (!existsSync(outDir)) mkdirSync(outDir, { recursive: true });
const result = { ...runs[0]!, runs, overSeeds, speed, date: new Date().toISOString() };
writeFileSync(join(outDir, 'contextual.json'), JSON.stringify(result, null, 1) + '\n');
say(`\nwrote bench/out/contextual.json`);
