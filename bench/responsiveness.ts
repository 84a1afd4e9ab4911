// Is the page responsive while a model trains? Builds the lab, serves it, and in headless chromium trains each model
// the way a student would (click Train / Start training) for a fixed time per backend, counting the page's
// main-thread long tasks (PerformanceObserver 'longtask': any task over 50 ms) from the click until a fixed time after
// training visibly started (start-up included: loading, vocabulary, the first draws). Prints, per model
// and backend: the longest task, the number of tasks over 50 ms, and the machine's load average meanwhile (the
// machine may be shared: a busy one stretches every task).
//   npx tsx bench/responsiveness.ts                      every scenario once, 20 s each
//   npx tsx bench/responsiveness.ts --repeat 3 --seconds 30
//   npx tsx bench/responsiveness.ts --only imagetext,mlm-toy --backends tfjs-wasm   (ids: imagetext, mlm, mlm-toy,
//                                                        skipgram, fasttext, glove, or one as model/backend)
//   npx tsx bench/responsiveness.ts --trace              also attribute each long task (Chromium trace: JS functions,
//                                                        style, layout, paint, GC, message handling)
//   npm run bench -- --responsiveness [same flags]
// Writes bench/out/responsiveness.json. The build is unminified (function names survive for --trace; the work done
// is the same as in the production build).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../tests/e2e/browser';
import { BUILD_TIMEOUT_MS, runQuiet, serve, stopServer } from './browser';
import { summariseTrace, type LongTaskCause } from './traceLongTasks';
import { ROOT } from './trainers';

/** The browser's own threshold for a long task: a frame the page could not draw or an input it could not answer. */
const LONG_TASK_MS = 50;
const DEFAULT_SECONDS = 20;
/** How long a page may take to show its Train button (loading a corpus or shipped model on a busy machine). */
const READY_TIMEOUT_MS = 180_000;
/** Time counted after a short run finished: the work its end starts (final vectors, saving) is counted too. */
const FINISH_TAIL_MS = 3000;
/** Load average is sampled this often while a scenario runs; the mean is reported. */
const LOAD_SAMPLE_MS = 1000;

interface Scenario {
  id: string;
  model: string;
  backend: string;
  /** What the student sees while it trains (for the table). */
  view: string;
  /** Opens the page and clicks Train; counting starts just before the click. */
  run: (page: Page, base: string) => Promise<void>;
  /** Resolves once training visibly runs (points on the loss chart); the fixed window starts then. */
  training: (page: Page) => Promise<void>;
  /** For a run short enough to finish: resolves when it has; the window then ends FINISH_TAIL_MS later instead of
   *  after the fixed time (the end of training, saving and scoring included). */
  finished?: (page: Page) => Promise<void>;
}

/** The lab with a word model on Brown: the loss curve and the live t-SNE map of the 400 most frequent words with labels. */
function labScenario(model: string, backend: string, small = false): Scenario {
  // small: the masked-LM browser test's run (a toy corpus, a tiny model), trained to the end.
  const query = small ? `corpus=toy-fruit&model=${model}&engine=${backend}&epochs=3&dim=16&ffn=32` : `corpus=brown&model=${model}&engine=${backend}&epochs=50`;
  return {
    id: `${model}${small ? '-toy' : ''}/${backend}`,
    model: small ? `${model} (toy-fruit, to the end)` : model,
    backend,
    view: model === 'mlm' ? 'loss curve, live guesses' : 'loss curve, live t-SNE map (400 words, labels)',
    finished: small ? (page) => page.locator('.status-line', { hasText: 'Finished' }).waitFor({ timeout: READY_TIMEOUT_MS }) : undefined,
    run: async (page, base) => {
      await page.goto(`${base}/#/lab?${query}`);
      const start = page.getByRole('button', { name: 'Start training', exact: true });
      await start.waitFor({ state: 'visible', timeout: READY_TIMEOUT_MS });
      await settle(page);
      await resetTasks(page);
      await start.click();
    },
    training: (page) => page.locator('figure[aria-label="Loss curve"]:not([data-points="0"])').waitFor({ timeout: READY_TIMEOUT_MS }),
  };
}

/** The Images-and-captions playground: its loss chart (both losses) and the status line, while the map stays. */
function imageTextScenario(backend: string): Scenario {
  return {
    id: `imagetext/${backend}`,
    model: 'imagetext',
    backend,
    view: 'both losses (chart), progress line',
    run: async (page, base) => {
      await page.goto(`${base}/#/playgrounds/imagetext`);
      const train = page.getByRole('region', { name: 'Train the image-text model' });
      await train.getByRole('button', { name: 'Train', exact: true }).waitFor({ state: 'visible', timeout: READY_TIMEOUT_MS });
      await train.getByRole('combobox', { name: 'Backend' }).selectOption(backend);
      await train.getByRole('spinbutton', { name: 'Epochs' }).fill('10');
      // The map of both modalities is drawn once at load (plotly's first load): not part of training.
      await page.locator('figure[aria-label="Captions and pictures on one map"]:not([data-drawn="0"])').waitFor({ timeout: READY_TIMEOUT_MS });
      await settle(page);
      await resetTasks(page);
      await train.getByRole('button', { name: 'Train', exact: true }).click();
    },
    training: (page) => page.getByRole('region', { name: 'Train the image-text model' }).getByRole('status').filter({ hasText: 'Training on' }).waitFor({ timeout: READY_TIMEOUT_MS }),
  };
}

/** performance.mark name set when counting starts (just before the click). */
const COUNTING_MARK = 'bench-counting-starts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Let the page finish what loading left (late chunks, first paints) before counting starts. */
async function settle(page: Page): Promise<void> {
  await sleep(2000);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
}

interface TaskRecord {
  start: number;
  duration: number;
}

async function installObserver(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __tasks: { start: number; duration: number }[]; __from: number };
    w.__tasks = [];
    w.__from = 0;
    try {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__tasks.push({ start: e.startTime, duration: e.duration });
      }).observe({ type: 'longtask', buffered: true });
    } catch {
      /* no longtask support: the figures will say 0 */
    }
  });
}

async function resetTasks(page: Page): Promise<void> {
  await page.evaluate((COUNTING_MARK) => {
    const w = window as unknown as { __tasks: unknown[]; __from: number };
    w.__tasks = [];
    w.__from = performance.now();
    // The trace's marker of the same moment: --trace attributes the long tasks after it only.
    performance.mark(COUNTING_MARK);
  }, COUNTING_MARK);
}

async function readTasks(page: Page): Promise<TaskRecord[]> {
  return page.evaluate(() => {
    const w = window as unknown as { __tasks: { start: number; duration: number }[]; __from: number };
    return w.__tasks.filter((t) => t.start >= w.__from);
  });
}

export interface ResponsivenessFigure {
  id: string;
  model: string;
  backend: string;
  view: string;
  run: number;
  seconds: number;
  /** From the click until training visibly ran (loading, vocabulary, backend start); counted too. */
  startSeconds?: number;
  longestMs?: number;
  over50?: number;
  /** All long tasks' durations, ms, in order. */
  tasks?: number[];
  loadAverage?: number;
  /** --trace: the longest long task's main-thread CPU time, and how many long tasks used over 50 ms of CPU. On a
   *  loaded machine a task's wall time includes waiting for a core; its CPU time is what the page itself did. */
  longestCpuMs?: number;
  over50Cpu?: number;
  causes?: LongTaskCause[];
  error?: string;
}

/** Trace categories that name what a main-thread task did: tasks, JS entry points, style/layout/paint, GC, samples. */
const TRACE_CATEGORIES = [
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8',
  'v8.execute',
  'disabled-by-default-v8.cpu_profiler',
  'blink.user_timing',
];

async function measure(browser: Browser, base: string, s: Scenario, seconds: number, run: number, trace: boolean): Promise<ResponsivenessFigure> {
  const fig: ResponsivenessFigure = { id: s.id, model: s.model, backend: s.backend, view: s.view, run, seconds };
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  page.setDefaultTimeout(READY_TIMEOUT_MS);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e).slice(0, 200)));
  await installObserver(page);
  let tracing = false;
  try {
    if (trace) {
      await browser.startTracing(page, { categories: TRACE_CATEGORIES, screenshots: false });
      tracing = true;
    }
    await s.run(page, base);
    const clicked = Date.now();
    await s.training(page);
    fig.startSeconds = Math.round((Date.now() - clicked) / 100) / 10;
    const loads: number[] = [];
    const sampler = setInterval(() => loads.push(loadavg()[0]!), LOAD_SAMPLE_MS);
    try {
      if (s.finished) {
        await s.finished(page);
        await sleep(FINISH_TAIL_MS);
      } else await sleep(seconds * 1000);
    } finally {
      clearInterval(sampler);
    }
    const tasks = await readTasks(page);
    fig.tasks = tasks.map((t) => Math.round(t.duration));
    fig.longestMs = Math.round(Math.max(0, ...tasks.map((t) => t.duration)));
    fig.over50 = tasks.filter((t) => t.duration > LONG_TASK_MS).length;
    fig.loadAverage = Math.round((loads.reduce((a, b) => a + b, 0) / Math.max(1, loads.length)) * 100) / 100;
    if (tracing) {
      const buf = await browser.stopTracing();
      tracing = false;
      // Kept for a closer look in Chrome's Performance panel (it opens these files).
      const dir = join(ROOT, 'bench', 'out', 'traces');
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, `${s.id.replace('/', '-')}-${run}.json`), buf);
      fig.causes = summariseTrace(JSON.parse(buf.toString('utf8')), LONG_TASK_MS, COUNTING_MARK);
      const cpu = fig.causes.filter((c) => c.atMs >= 0 || c.atMs + c.ms > 0).map((c) => c.cpuMs ?? 0);
      fig.longestCpuMs = Math.round(Math.max(0, ...cpu));
      fig.over50Cpu = cpu.filter((ms) => ms > LONG_TASK_MS).length;
    }
    if (errors.length) fig.error = `page error: ${errors[0]}`;
  } catch (err) {
    fig.error = (err as Error).message.split('\n')[0];
  } finally {
    if (tracing) await browser.stopTracing().catch(() => undefined);
    await context.close();
  }
  return fig;
}

const ALL_BACKENDS = ['tfjs-wasm', 'tfjs-webgl'];

function scenarios(only: string[] | null, backends: string[]): Scenario[] {
  const list: Scenario[] = [];
  for (const b of backends) list.push(imageTextScenario(b));
  for (const b of backends) list.push(labScenario('mlm', b));
  for (const b of backends) list.push(labScenario('mlm', b, true));
  // The word models: the typed-array (WebAssembly) engine, which is what "auto" picks without a fast GPU; skip-gram
  // also on the tfjs backends asked for. fastText and GloVe train on that engine only.
  list.push(labScenario('skipgram', 'cpu'));
  for (const b of backends) list.push(labScenario('skipgram', b));
  list.push(labScenario('fasttext', 'cpu'));
  list.push(labScenario('glove', 'cpu'));
  return only ? list.filter((s) => only.includes(s.id.split('/')[0]!) || only.includes(s.id)) : list;
}

function usage(message?: string): never {
  if (message) process.stderr.write(`error: ${message}\n`);
  process.stderr.write('Usage: npx tsx bench/responsiveness.ts [--seconds N] [--repeat N] [--only imagetext,mlm,mlm-toy,skipgram,fasttext,glove] [--backends tfjs-wasm,tfjs-webgl] [--trace]\n');
  process.exit(message ? 2 : 0);
}

function flags(argv: string[]) {
  let v;
  try {
    v = parseArgs({
      args: argv.filter((a) => a !== '--responsiveness'),
      options: {
        seconds: { type: 'string', default: String(DEFAULT_SECONDS) },
        repeat: { type: 'string', default: '1' },
        only: { type: 'string' },
        backends: { type: 'string', default: ALL_BACKENDS.join(',') },
        trace: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    }).values;
  } catch (err) {
    usage((err as Error).message.split('.')[0]);
  }
  if (v.help) usage();
  const seconds = Number(v.seconds);
  const repeat = Number(v.repeat);
  if (!Number.isInteger(seconds) || seconds < 1) usage(`--seconds expects a whole number >= 1, got "${v.seconds}"`);
  if (!Number.isInteger(repeat) || repeat < 1) usage(`--repeat expects a whole number >= 1, got "${v.repeat}"`);
  const backends = v.backends!.split(',').map((b) => b.trim());
  for (const b of backends) if (!ALL_BACKENDS.includes(b) && b !== 'tfjs-webgpu') usage(`--backends takes tfjs-wasm, tfjs-webgl, tfjs-webgpu, got "${b}"`);
  return { seconds, repeat, only: v.only ? v.only.split(',').map((x) => x.trim()) : null, backends, trace: v.trace === true };
}

const log = (line: string) => process.stderr.write(line + '\n');

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

function table(figs: ResponsivenessFigure[]): string[] {
  const traced = figs.some((f) => f.longestCpuMs !== undefined);
  const lines = [
    `| model | backend | what the page draws | runs | start-up s | longest task (ms), each run | tasks > 50 ms, each run |${traced ? ' longest task CPU ms | tasks > 50 CPU ms |' : ''} load average |`,
    `|---|---|---|---|---|---|---|${traced ? '---|---|' : ''}---|`,
  ];
  const ids = [...new Set(figs.map((f) => f.id))];
  for (const id of ids) {
    const rows = figs.filter((f) => f.id === id);
    const ok = rows.filter((f) => !f.error || f.longestMs !== undefined);
    const first = rows[0]!;
    const err = rows.find((f) => f.error)?.error;
    lines.push(
      `| ${first.model} | ${first.backend} | ${first.view} | ${rows.length} | ${ok.map((f) => f.startSeconds ?? '-').join(', ') || '-'} | ${ok.map((f) => f.longestMs).join(', ') || '-'} | ${ok.map((f) => f.over50).join(', ') || '-'} |${traced ? ` ${ok.map((f) => f.longestCpuMs ?? '-').join(', ')} | ${ok.map((f) => f.over50Cpu ?? '-').join(', ')} |` : ''} ${ok.map((f) => f.loadAverage?.toFixed(1)).join(', ') || '-'}${err ? ` (error: ${err})` : ''} |`,
    );
  }
  return lines;
}

function causesText(figs: ResponsivenessFigure[]): string[] {
  const out: string[] = [];
  for (const f of figs) {
    if (!f.causes?.length) continue;
    out.push(`${f.id} (run ${f.run}): ${f.causes.length} long task(s) in the trace`);
    for (const c of f.causes.slice(0, 8)) out.push(`  ${Math.round(c.ms)} ms at +${(c.atMs / 1000).toFixed(1)} s: ${c.summary}`);
  }
  return out;
}

export async function runResponsiveness(argv: string[]): Promise<void> {
  const f = flags(argv);
  const list = scenarios(f.only, f.backends);
  if (list.length === 0) usage(`--only matched no scenario`);
  const outDir = mkdtempSync(join(tmpdir(), 'embedding-lab-resp-'));
  let server: Awaited<ReturnType<typeof serve>>['server'] | undefined;
  let browser: Browser | undefined;
  const figs: ResponsivenessFigure[] = [];
  try {
    log('responsiveness: building the lab (vite build, unminified)...');
    await runQuiet('npx', ['vite', 'build', '--logLevel', 'error', '--minify', 'false', '--outDir', outDir, '--emptyOutDir'], ROOT, BUILD_TIMEOUT_MS);
    const served = await serve(ROOT, outDir);
    server = served.server;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
    for (let run = 1; run <= f.repeat; run++) {
      for (const s of list) {
        log(`responsiveness: ${s.id}, run ${run}, ${f.seconds} s of training...`);
        const fig = await measure(browser, served.url, s, f.seconds, run, f.trace);
        log(`  start-up ${fig.startSeconds ?? '-'} s, longest ${fig.longestMs ?? '-'} ms, ${fig.over50 ?? '-'} over 50 ms,${fig.longestCpuMs !== undefined ? ` longest ${fig.longestCpuMs} CPU ms, ${fig.over50Cpu} over 50 CPU ms,` : ''} load ${fig.loadAverage ?? '-'}${fig.error ? `, error: ${fig.error}` : ''}`);
        figs.push(fig);
      }
    }
  } finally {
    await browser?.close().catch(() => {});
    if (server) stopServer(server);
    rmSync(outDir, { recursive: true, force: true });
  }
  const out = join(ROOT, 'bench', 'out');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'responsiveness.json'), JSON.stringify({ at: new Date().toISOString(), cores: cpus().length, seconds: f.seconds, figures: figs }, null, 2) + '\n');
  const lines = [
    `Main-thread long tasks while training (headless chromium, from the click until ${f.seconds} s after training showed its first progress, ${cpus().length} cores; load average = mean 1-minute load meanwhile)`,
    '',
    ...table(figs),
  ];
  const medians = [...new Set(figs.map((x) => x.id))].map((id) => {
    const xs = figs.filter((x) => x.id === id && x.longestMs !== undefined).map((x) => x.longestMs!);
    return `${id} ${xs.length ? median(xs) : '-'}`;
  });
  lines.push('', `median longest task (ms): ${medians.join('; ')}`);
  const causes = causesText(figs);
  if (causes.length) lines.push('', 'What the long tasks did (from the trace):', ...causes);
  lines.push('', `results: ${join(out, 'responsiveness.json')}`);
  process.stdout.write(lines.join('\n') + '\n');
}

if (process.argv[1]?.endsWith('responsiveness.ts')) {
  runResponsiveness(process.argv.slice(2)).catch((err: unknown) => {
    log(`responsiveness: error: ${(err as Error).message ?? String(err)}`);
    process.exitCode = 1;
  });
}
