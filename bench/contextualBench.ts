// `npx tsx bench/contextualBench.ts`: the contextual model's figures.
//  1. Sense AUC on the project's sense-labelled set (data/senses/senses.json): the contextual vectors of each word's
//     occurrences against the baseline "static vector + mean of the context window's static vectors" (static =
//     public/vectors/brown-sotu-sg100.elv; a static vector alone scores 0.5 by definition), per word and averaged.
//  2. Masked-word accuracy on held-out sentences (every 50th of Brown + SOTU, never trained on) against the unigram
//     and bigram guesses.
//  3. Training speed in optimiser steps/s and tokens/s on each tfjs backend Node has (cpu, wasm), several seeds,
//     with the spread (min-max) over seeds.
//  4. With --browser: the same training speed in headless Chromium, in the lab, on tfjs wasm, WebGL and WebGPU
//     (bench/tfjsBrowserRows.ts; WebGL and WebGPU there are SwiftShader, a CPU emulation: correctness, not GPU speed).
//   npx tsx bench/contextualBench.ts [--weights public/models/mlm-brown-sotu.elcm] [--seeds 3] [--steps 8]
//                                    [--held-out 1000] [--skip-speed] [--browser [--lab-url URL]]
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
import { senseAuc, windowVector } from '../src/core/models/contextual/senseAuc';
import { encodeCorpus } from '../src/core/text/corpus';
import { activateTfjsBackend } from '../src/core/train/tfjsBackend';
import { readCompact } from '../src/core/vectors/formats';
import { BROWSER_ENGINES, browserRowsTable, measureTfjsBrowser, SOFTWARE_GPU_LABEL } from './tfjsBrowserRows';
import { ROOT } from './trainers';

const { values: flags } = parseArgs({
  options: {
    weights: { type: 'string', default: join('public', 'models', 'mlm-brown-sotu.elcm') },
    seeds: { type: 'string', default: '3' },
    steps: { type: 'string', default: '8' },
    'held-out': { type: 'string', default: '1000' },
    'skip-speed': { type: 'boolean', default: false },
    browser: { type: 'boolean', default: false },
    'lab-url': { type: 'string' },
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
const model = loadMlmModel(new Uint8Array(readFileSync(resolve(ROOT, flags.weights))), flags.weights);
const kv = readCompact(new Uint8Array(readFileSync(join(ROOT, 'public', 'vectors', 'brown-sotu-sg100.elv')))).kv;
const set = JSON.parse(readFileSync(join(ROOT, 'data', 'senses', 'senses.json'), 'utf8')) as SenseSet;

// 1. Sense AUC.
const senseRows = [];
for (const w of set.words) {
  const enc = await model.encode(w.occurrences.map((o) => o.tokens));
  const d = model.dim;
  const ctx = w.occurrences.map((o, i) => enc[i]!.slice(o.position * d, (o.position + 1) * d));
  const base = w.occurrences.map((o) => windowVector(kv, o.tokens, o.position));
  const labels = w.occurrences.map((o) => o.sense);
  const counts = Object.keys(w.senses).map((s) => `${s} ${labels.filter((l) => l === s).length}`).join(', ');
  senseRows.push({ word: w.word, senses: counts, inVocab: model.tokenizer.has(w.word), contextual: r3(senseAuc(ctx, labels)), window: r3(senseAuc(base, labels)), static: 0.5 });
}
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const senseMean = { contextual: r3(mean(senseRows.map((r) => r.contextual))), window: r3(mean(senseRows.map((r) => r.window))) };
say('\nSense AUC (same-sense pairs closer than different-sense pairs; static vectors: 0.5)');
say('| word | senses | contextual | static + window mean |\n| --- | --- | --- | --- |');
for (const r of senseRows) say(`| ${r.word}${r.inVocab ? '' : ' ([UNK])'} | ${r.senses} | ${r.contextual.toFixed(3)} | ${r.window.toFixed(3)} |`);
say(`| mean of ${senseRows.length} words | | ${senseMean.contextual.toFixed(3)} | ${senseMean.window.toFixed(3)} |`);

// 2. Masked-word accuracy on the held-out sentences of the corpus the model was trained on.
const spec = getModel('mlm');
const text = ['brown', 'sotu'].map((c) => readFileSync(join(ROOT, 'public', 'corpora', `${c}.txt`), 'utf8')).join('\n');
const corpus = encodeCorpus(text, { minCount: defaultCommon(spec).minCount, maxVocab: 0 });
const words = model.shape.vocab - SPECIAL_TOKENS.length;
if (corpus.vocab.words.slice(0, words).join('\n') !== model.tokens.slice(SPECIAL_TOKENS.length).join('\n')) {
  throw new Error(`${flags.weights} was not trained on Brown + SOTU with min-count 1: its held-out sentences cannot be rebuilt here.`);
}
const { train, heldOut } = sentencesFrom(corpus, words, model.maxLen);
const acc = await maskedAccuracy(model, train, heldOut, { seed: EVAL_SEED, limit: Number(flags['held-out']) });
say(`\nMasked-word accuracy, ${acc.sentences} held-out sentences (one known word hidden each)`);
say(`| guesser | top-1 |\n| --- | --- |\n| model | ${acc.model.toFixed(3)} (top-5 ${acc.modelTop5.toFixed(3)}) |\n| bigram (most frequent word after the left neighbour) | ${acc.bigram.toFixed(3)} |\n| unigram (always the most frequent word) | ${acc.unigram.toFixed(3)} |`);
model.dispose();

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

// 4. The lab's training speed in headless Chromium, per tfjs backend.
const browserSpeed = flags.browser ? await measureTfjsBrowser({ root: ROOT, model: 'mlm', engines: BROWSER_ENGINES, labUrl: flags['lab-url'], log: say }) : [];
if (browserSpeed.length) {
  say(`\nTraining speed in the browser (the lab, Brown, default model; ${SOFTWARE_GPU_LABEL})`);
  for (const line of browserRowsTable(browserSpeed, 'steps')) say(line);
}

const outDir = join(ROOT, 'bench', 'out');
if (!existsSync(outDir)) mkdirSync(outDir, { recursive: true });
const result = { weights: flags.weights, meta: model.meta, sense: { rows: senseRows, mean: senseMean }, maskedAccuracy: acc, speed, browserSpeed, date: new Date().toISOString() };
writeFileSync(join(outDir, 'contextual.json'), JSON.stringify(result, null, 1) + '\n');
say(`\nwrote bench/out/contextual.json`);
