// `npm run bench`: trains the same corpus with the same settings in several trainers, one after another, each in
// its own process, scores every result with the lab's evaluator, prints a table with ratios to gensim, and writes
// bench/out/results.json. Then (unless --skip-browser) measures the lab in headless chromium.
//   npm run bench                          Brown, skip-gram, CBOW, GloVe and fastText, about 25 minutes
//   npm run bench -- --models glove --skip-browser   the GloVe row alone, against Stanford's tool's measured figures
//   npm run bench -- --models ft --skip-browser      fastText with subwords, the lab's and Debian's, same run
//   npm run bench -- --quick               one epoch, skip-gram only, fewer browser figures: a couple of minutes
//   npm run bench -- --models sg --epochs 3 --skip-browser
//   npm run bench -- --memory              the CLI's peak memory on a 1 GiB corpus and a 2.2 GiB vectors file
//   npm run bench -- --responsiveness      main-thread long tasks while each model trains in the page (bench/responsiveness.ts)
// Installs nothing: gensim and fastText are used when Debian's packages are there, and reported missing otherwise.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { measureBrowser, type BrowserFigures } from './browser';
import { running } from './child';
import { prepareCorpus } from './corpus';
import { extraEvalFiles } from './evalSets';
import { GLOVE_BENCH, STANFORD_GLOVE_BROWN } from './gloveReference';
import { scoreVectors } from './score';
import { addRatios, formatTable, markdown, type ScoredRun } from './table';
import {
  fasttextAvailable, gensimAvailable, labCpuThreads, ROOT, runFasttext, runGensim, runLab, type BenchSettings, type TrainerJob,
} from './trainers';

const OUT_DIR = join(ROOT, 'bench', 'out');
/** Tokens of the slice the tfjs-wasm engine trains on: it runs at a few tens of thousands of words/s in Node. */
const TFJS_SLICE_TOKENS = 50_000;
const QUICK_TFJS_SLICE_TOKENS = 20_000;

const MODEL_ALIASES: Record<string, BenchSettings['model']> = { sg: 'skipgram', skipgram: 'skipgram', cbow: 'cbow', glove: 'glove', ft: 'fasttext', fasttext: 'fasttext' };
/** The bench's default models; --quick keeps skip-gram only. */
const DEFAULT_MODELS = 'sg,cbow,glove,ft';
/** fastText's rows: skip-gram with n-grams 3-6 in fastText's default 2,000,000 buckets (both tools hash alike). */
const FASTTEXT_BENCH = { minn: 3, maxn: 6, bucket: 2_000_000 };
/** GloVe iterations in --quick: enough to time one and see the loss fall. */
const QUICK_GLOVE_ITERATIONS = 2;

function usage(message?: string): never {
  if (message) process.stderr.write(`error: ${message}\n`);
  process.stderr.write(
    'Usage: npm run bench -- [--corpus brown|sotu|PATH] [--epochs N] [--models sg,cbow,glove,ft] [--threads N] [--skip-browser]\n' +
      '                        [--skip-tfjs] [--full-eval] [--quick] [--browser-only]\n',
  );
  process.exit(message ? 2 : 0);
}

function parseFlags() {
  let values;
  try {
    values = parseArgs({
      args: process.argv.slice(2),
      options: {
        corpus: { type: 'string', default: 'brown' },
        epochs: { type: 'string' },
        models: { type: 'string', default: DEFAULT_MODELS },
        threads: { type: 'string', default: String(Math.max(1, cpus().length)) },
        'skip-browser': { type: 'boolean', default: false },
        'browser-only': { type: 'boolean', default: false },
        'skip-tfjs': { type: 'boolean', default: false },
        'full-eval': { type: 'boolean', default: false },
        quick: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    }).values;
  } catch (err) {
    usage((err as Error).message.split('.')[0]);
  }
  if (values.help) usage();
  const quick = values.quick === true;
  const epochs = Number(values.epochs ?? (quick ? 1 : 5));
  if (!Number.isInteger(epochs) || epochs < 1) usage(`--epochs expects a whole number >= 1, got "${values.epochs}"`);
  const threads = Number(values.threads);
  if (!Number.isInteger(threads) || threads < 1) usage(`--threads expects a whole number >= 1, got "${values.threads}"`);
  const models = [...new Set((quick && values.models === DEFAULT_MODELS ? 'sg' : values.models!).split(','))].map((m) => {
    const model = MODEL_ALIASES[m.trim()];
    if (!model) usage(`--models takes sg, cbow, glove and/or ft (fastText with subwords), got "${m}"`);
    return model;
  });
  // GloVe runs the reference's 25 iterations unless --epochs says otherwise.
  const gloveIterations = values.epochs !== undefined ? epochs : quick ? QUICK_GLOVE_ITERATIONS : GLOVE_BENCH.iterations;
  return { corpus: values.corpus!, epochs, gloveIterations, models, threads, quick, skipBrowser: values['skip-browser'] === true, browserOnly: values['browser-only'] === true, skipTfjs: values['skip-tfjs'] === true, fullEval: values['full-eval'] === true };
}

const log = (line: string) => process.stderr.write(line + '\n');

function settingsFor(model: BenchSettings['model'], epochs: number): BenchSettings {
  if (model === 'glove') {
    // The Stanford reference run's settings (bench/gloveReference.ts); negative/sample do not apply.
    const g = GLOVE_BENCH;
    return { model, dim: g.dim, window: g.window, negative: 0, minCount: g.minCount, sample: 0, alpha: g.alpha, minAlpha: g.alpha, epochs, seed: g.seed, xMax: g.xMax, weightPower: g.weightPower };
  }
  // gensim's defaults, which DEFAULT_TRAIN_CONFIG also follows (fastText: the same, plus its n-grams).
  if (model === 'fasttext') return { model, dim: 100, window: 5, negative: 5, minCount: 5, sample: 1e-3, alpha: 0.025, minAlpha: 0.0001, epochs, seed: 1, ...FASTTEXT_BENCH };
  return { model, dim: 100, window: 5, negative: 5, minCount: 5, sample: 1e-3, alpha: 0.025, minAlpha: 0.0001, epochs, seed: 1 };
}

async function main(): Promise<void> {
  const flags = parseFlags();
  const work = join(OUT_DIR, 'work');
  mkdirSync(work, { recursive: true });
  const started = new Date();
  log(`bench: preparing ${flags.corpus} (tokenized once, shared by every trainer)...`);
  const { full, slice } = prepareCorpus(flags.corpus, work, flags.quick ? QUICK_TFJS_SLICE_TOKENS : TFJS_SLICE_TOKENS);
  log(`bench: ${full.tokens.toLocaleString('en-US')} tokens in ${full.sentences.toLocaleString('en-US')} sentences`);
  const gensimVersion = gensimAvailable();
  const haveFasttext = fasttextAvailable();
  const evalSets = extraEvalFiles(ROOT, flags.fullEval);
  const missing: string[] = [];
  if (!gensimVersion) missing.push('gensim (apt-get install python3-gensim)');
  if (!haveFasttext) missing.push('fastText (apt-get install fasttext)');

  const labThreads = !flags.quick && (await labCpuThreads(flags.threads));
  if (flags.threads > 1 && !flags.quick && !labThreads) log(`bench: the lab's cpu engine trains on 1 thread; no ${flags.threads}-thread run`);
  const runs: ScoredRun[] = [];
  // --browser-only: the page's figures alone (words/s per backend, map updates/s), without the Node trainers.
  for (const model of flags.browserOnly ? [] : flags.models) {
    const settings = settingsFor(model, model === 'glove' ? flags.gloveIterations : flags.epochs);
    const job = (trainer: string, threads: number, tag: string, c = full): TrainerJob => ({
      trainer, threads, input: c.path, corpusLabel: c.label, settings,
      out: join(work, `${c.label.replace(/[^\w.-]+/g, '_')}-${model}-${tag}.txt`),
      echo: (line) => log(`  [${trainer} ${model} x${threads}] ${line}`),
    });
    const plan: { label: string; go: () => Promise<ScoredRun> }[] = [];
    plan.push({ label: 'lab cpu x1', go: () => runLab(job('lab cpu', 1, 'cpu1'), 'cpu') });
    // GloVe: the lab's one-thread cpu trainer only; its reference (Stanford's tool) is a measured figure, not a run.
    if (model === 'glove') {
      // (nothing more to plan)
    } else if (labThreads && model !== 'fasttext') {
      plan.push({ label: `lab cpu x${flags.threads}`, go: () => runLab(job('lab cpu', flags.threads, `cpu${flags.threads}`), 'cpu') });
    }
    if (!flags.skipTfjs && model !== 'glove' && model !== 'fasttext') {
      const c = slice ?? full;
      plan.push({ label: 'lab tfjs-wasm', go: () => runLab(job('lab tfjs-wasm', 1, 'tfjs-wasm', c), 'tfjs-wasm') });
    }
    if (gensimVersion && model !== 'glove' && model !== 'fasttext') {
      plan.push({ label: 'gensim x1', go: () => runGensim(job(`gensim ${gensimVersion}`, 1, 'gensim1')) });
      if (flags.threads > 1 && !flags.quick) {
        plan.push({ label: `gensim x${flags.threads}`, go: () => runGensim(job(`gensim ${gensimVersion}`, flags.threads, `gensim${flags.threads}`)) });
      }
    }
    if (haveFasttext && model !== 'glove') {
      plan.push({ label: 'fastText x1', go: () => runFasttext({ ...job('fastText', 1, 'fasttext1'), out: join(work, `${full.label}-${model}-fasttext1.vec`) }, full.tokens) });
    }
    for (const step of plan) {
      log(`bench: ${model} ${step.label}...`);
      const run = await step.go();
      if (run.ok && run.vectorsFile) {
        try {
          run.scores = await scoreVectors(run.vectorsFile, evalSets.analogies, evalSets.similarity);
        } catch (err) {
          run.scoreError = (err as Error).message;
        }
      }
      log(run.ok ? `bench:   ${run.wordsPerSec?.toLocaleString('en-US')} words/s, ${run.seconds?.toFixed(1)} s training` : `bench:   failed: ${run.error}`);
      runs.push(run);
    }
  }
  addRatios(runs);

  let browser: BrowserFigures | undefined;
  if (!flags.skipBrowser) {
    browser = await measureBrowser({
      root: ROOT,
      corpus: flags.corpus === 'sotu' ? 'sotu' : 'brown',
      smallCorpus: 'toy-royals',
      engines: flags.quick ? ['cpu', 'tfjs-wasm'] : ['cpu', 'tfjs-wasm', 'tfjs-webgl', 'tfjs-webgpu'],
      mapSizes: flags.quick ? [1000] : [500, 1000, 2000],
      log,
    });
  }

  const machine = {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    loadAverageAtStart: loadavg().map((x) => Math.round(x * 100) / 100),
  };
  const results = {
    startedAt: started.toISOString(),
    seconds: Math.round((Date.now() - started.getTime()) / 1000),
    machine,
    corpus: { name: flags.corpus, tokens: full.tokens, sentences: full.sentences, tfjsSlice: slice ?? null },
    settings: settingsFor(flags.models[0]!, flags.epochs),
    evalSets,
    missing,
    runs,
    browser: browser ?? null,
  };
  // Paths inside the repository are stored relative to it, so results from two machines (or clones) compare as-is.
  const repoRelative = (_key: string, v: unknown) => (typeof v === 'string' && v.startsWith(`${ROOT}/`) ? relative(ROOT, v) : v);
  writeFileSync(join(OUT_DIR, 'results.json'), JSON.stringify(results, repoRelative, 2) + '\n');

  const out: string[] = [];
  out.push(`Embedding Lab bench: ${flags.corpus}, ${full.tokens.toLocaleString('en-US')} tokens x ${flags.epochs} epoch(s), dim 100, window 5, negative 5, min-count 5, sample 1e-3, alpha 0.025`);
  out.push(`machine: ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}, load average at start ${machine.loadAverageAtStart.join(' ')}`);
  if (!flags.browserOnly) {
    out.push('');
    out.push(formatTable(runs));
    out.push('');
    out.push('words/s = corpus tokens x epochs / training seconds. Scores: the lab evaluator on every saved vectors file;');
    const rel = (files: string[]) => files.map((f) => relative(ROOT, f)).join(', ') || '-';
    out.push(`analogies ${rel(evalSets.analogies)}; similarity ${rel(evalSets.similarity)}.`);
    if (missing.length) out.push(`not run (not installed): ${missing.join('; ')}`);
    const glove = runs.find((r) => r.ok && r.model === 'glove');
    if (glove) out.push('', ...formatGlove(glove, flags.corpus, flags.gloveIterations));
    if (runs.some((r) => r.model === 'fasttext')) out.push('', `fasttext rows: skip-gram with subwords (n-grams ${FASTTEXT_BENCH.minn}-${FASTTEXT_BENCH.maxn}, ${FASTTEXT_BENCH.bucket.toLocaleString('en-US')} buckets), one thread; their "vs gensim" columns are ratios to Debian's fastText trained the same way in this run.`);
  }
  if (browser) out.push('', ...formatBrowser(browser));
  out.push('', `results: ${join(OUT_DIR, 'results.json')}`);
  process.stdout.write(out.join('\n') + '\n');
}

/** The GloVe row against Stanford's tool: seconds per iteration (its 143 s / 25 on Brown, measured here), cells,
 *  memory; quality on the project's sets (the tool's quality figures are on the standard sets, scored when present). */
function formatGlove(r: ScoredRun, corpus: string, iterations: number): string[] {
  const ref = STANFORD_GLOVE_BROWN;
  const refPerIter = ref.trainSeconds / ref.iterations;
  const perIter = r.secondsPerEpoch;
  const cpuPerIter = r.cpuSeconds !== undefined ? r.cpuSeconds / iterations : undefined;
  const lines = [`GloVe (${corpus}), lab cpu engine, 1 thread, against Stanford's glove.c measured on this machine (${ref.settings}):`, ''];
  lines.push(
    markdown(
      ['trainer', 's / iteration (wall)', 's / iteration (CPU)', 'counting s', 'cells', 'peak MB', 'final loss'],
      [
        ['lab GloVe', perIter?.toFixed(2) ?? '-', cpuPerIter?.toFixed(2) ?? '-', r.stageSeconds?.toFixed(1) ?? '-', r.cells?.toLocaleString('en-US') ?? '-', String(r.peakRssMB ?? '-'), r.finalLoss?.toFixed(4) ?? '-'],
        [`glove.c (measured, ${corpus === 'brown' ? 'Brown' : 'Brown, not this corpus'})`, refPerIter.toFixed(2), '-', '-', `${(ref.cells / 1e6).toFixed(1)} M`, String(ref.peakMB), '-'],
      ],
    ),
  );
  // glove.c's 143 s are wall seconds on a loaded machine (its CPU time was not recorded, so at most that): the lab's
  // wall and CPU figures are both set against it, and the load average printed above says how loaded this run was.
  if (perIter !== undefined) lines.push('', `ratio to glove.c's wall seconds per iteration: ${(perIter / refPerIter).toFixed(2)}x in wall seconds, ${cpuPerIter !== undefined ? (cpuPerIter / refPerIter).toFixed(2) : '-'}x in CPU seconds (below 1 = faster).`);
  lines.push(`glove.c's quality on Brown (standard public sets): analogy ${ref.quality.analogy}, WS-353 ${ref.quality.ws353}, SimLex-999 ${ref.quality.simlex}, MEN ${ref.quality.men}; the lab's on the sets above (add the standard files to data/eval/ to compare like with like).`);
  return lines;
}

function formatBrowser(b: BrowserFigures): string[] {
  if (!b.ok && b.backends.length === 0 && b.maps.length === 0) return [`browser: not measured: ${b.error}`];
  const lines = ['Browser (headless chromium, software WebGL/WebGPU):', ''];
  lines.push(
    markdown(
      ['engine', 'corpus', 'active backend', 'words/s'],
      b.backends.map((f) => [f.engine, f.corpus, f.activeBackend ?? '-', f.error ? `failed: ${f.error}` : (f.wordsPerSec?.toLocaleString('en-US') ?? '-')]),
    ),
  );
  lines.push('');
  lines.push(
    markdown(
      ['map points', 'updates/s while training', 'longest main-thread task (ms)', 'labels drawn', 'ms per frame drawn'],
      b.maps.map((f) => [`${f.points ?? f.mapN}${f.highlighted ? ` ("${f.highlighted}" highlighted)` : ''}`, f.error ? `failed: ${f.error}` : String(f.updatesPerSec ?? '-'), String(f.longestTaskMs ?? '-'), String(f.labels ?? '-'), String(f.drawMs ?? '-')]),
    ),
  );
  const fl = b.firstLoad;
  if (fl) lines.push('', fl.error ? `first load: failed: ${fl.error}` : `first load of #/lab: map ready after ${fl.readyMs} ms; longest main-thread task ${fl.longestTaskMs} ms`);
  if (b.consoleErrors.length) lines.push('', `console errors seen: ${b.consoleErrors.length} (first: ${b.consoleErrors[0]})`);
  return lines;
}

// Ctrl-C: stop the trainer that is running (each is its own process) and leave.
process.on('SIGINT', () => {
  for (const c of running) c.kill('SIGTERM');
  log('bench: stopped');
  process.exit(130);
});

if (!existsSync(join(ROOT, 'package.json'))) throw new Error('run the bench from the project (npm run bench)');
// --memory: the command line's peak memory on a 1 GiB corpus and a vectors file over 2 GiB (bench/memory.ts).
const entry = process.argv.includes('--memory')
  ? import('./memory').then((m) => m.runMemoryBench(process.argv.slice(2)))
  : process.argv.includes('--responsiveness')
    ? import('./responsiveness').then((m) => m.runResponsiveness(process.argv.slice(2)))
    : main();
entry.catch((err: unknown) => {
  log(`bench: error: ${(err as Error).message ?? String(err)}`);
  process.exitCode = 1;
});
