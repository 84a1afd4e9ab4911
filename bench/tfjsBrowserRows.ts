// Browser rows for the contextual and image-text benches: training speed of the masked-LM transformer (in the lab)
// and of the image-text model (in its playground) on each tfjs backend a student can pick, measured in headless
// Chromium through the pages themselves, as a student starts them. On this project's machines Chromium has no GPU:
// WebGL and WebGPU run on SwiftShader, a CPU emulation, so these rows show that the GPU code paths run and what
// they cost in emulation, never what a GPU would do (docs/webgpu.md says how to measure on one).
//   The masked LM: the lab on Brown with the model's default settings (those of the Node rows), steps counted from the
//   stats bar's raw counter (data-words-done) over a window after WARMUP_STEPS steps (shader compilation, JIT).
//   The image-text model: the playground's default run; every progress tick is timestamped in the page, and the
//   rate is taken between the tick after WARMUP_STEPS batches and the last tick of the window.
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../tests/e2e/browser';
import { BUILD_TIMEOUT_MS, runQuiet, serve, stopServer } from './browser';

/** Printed beside every browser row: what these figures can and cannot say. */
export const SOFTWARE_GPU_LABEL = 'software GPU (SwiftShader): correctness, not GPU speed';
export const BROWSER_ENGINES = ['tfjs-wasm', 'tfjs-webgl', 'tfjs-webgpu'] as const;
/** Steps (or batches) left out of the timing: the first ones compile every shader. */
const WARMUP_STEPS = 2;
/** At least this many timed steps, and at least MIN_WINDOW_MS, whichever is longer (bounded by MAX_WAIT_MS). */
const TIMED_STEPS = 3;
const MIN_WINDOW_MS = 15_000;
/** A backend that has not done its warm-up and timed steps by then is reported as too slow, not waited for. */
const MAX_WAIT_MS = 600_000;
const POLL_MS = 500;

export interface BrowserSpeedRow {
  engine: string;
  /** What the page showed as its active backend (a fallback would show here). */
  activeBackend?: string;
  /** Steps (masked LM) or pictures (image-text) per second, and what was timed. */
  perSec?: number;
  timedUnits?: number;
  timedSeconds?: number;
  error?: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function newPage(browser: Browser, url: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

/** Poll `read` (units done, or null before training shows any) until warm-up and the window are done. */
async function timeWindow(read: () => Promise<{ units: number; at: number } | null>, unitsPerStep: number): Promise<{ units: number; seconds: number }> {
  const deadline = Date.now() + MAX_WAIT_MS;
  let start: { units: number; at: number } | null = null;
  let last: { units: number; at: number } | null = null;
  while (Date.now() < deadline) {
    const now = await read();
    if (now && !start && now.units >= WARMUP_STEPS * unitsPerStep) start = now;
    if (now && start) {
      last = now;
      if (last.units - start.units >= TIMED_STEPS * unitsPerStep && last.at - start.at >= MIN_WINDOW_MS) break;
    }
    await sleep(POLL_MS);
  }
  if (!start || !last || last.units === start.units) throw new Error(`fewer than ${WARMUP_STEPS + 1} steps in ${MAX_WAIT_MS / 60_000} minutes`);
  return { units: last.units - start.units, seconds: (last.at - start.at) / 1000 };
}

/** The masked LM in the lab, default model on Brown: optimiser steps per second. */
async function measureMlm(browser: Browser, base: string, engine: string): Promise<BrowserSpeedRow> {
  const page = await newPage(browser, `${base}/#/lab?corpus=brown&model=mlm&engine=${engine}&seed=1`);
  try {
    await page.getByRole('button', { name: 'Start training', exact: true }).click({ timeout: 120_000 });
    const stats = page.locator('[data-words-done]').first();
    // The count is read in the page together with the page's own clock, so a slow poll does not skew the rate.
    const read = async () => {
      const r = await stats.evaluate((el) => ({ units: Number(el.getAttribute('data-words-done')), at: performance.now() }));
      return r.units > 0 ? r : null;
    };
    const w = await timeWindow(read, 1);
    const activeBackend = (await page.getByLabel('Active backend').textContent())?.trim();
    return { engine, activeBackend, perSec: w.units / w.seconds, timedUnits: w.units, timedSeconds: w.seconds };
  } finally {
    await page.context().close();
  }
}

/** The image-text playground's default run: pictures per second. */
async function measureImageText(browser: Browser, base: string, engine: string): Promise<BrowserSpeedRow> {
  const page = await newPage(browser, `${base}/#/playgrounds/imagetext`);
  try {
    const train = page.getByRole('region', { name: 'Train the image-text model' });
    await train.getByRole('button', { name: 'Train', exact: true }).waitFor({ timeout: 120_000 });
    await train.getByRole('combobox', { name: 'Backend' }).selectOption(engine);
    // Every status text, with the page's clock, as it is written (ticks come once per batch).
    await train.getByRole('status', { name: 'Training progress' }).evaluate((el) => {
      const seen: { text: string; at: number }[] = [];
      (window as unknown as { __ticks: typeof seen }).__ticks = seen;
      new MutationObserver(() => seen.push({ text: el.textContent ?? '', at: performance.now() })).observe(el, { childList: true, characterData: true, subtree: true });
    });
    await train.getByRole('button', { name: 'Train', exact: true }).click();
    const read = async () => {
      const ticks = await page.evaluate(() => (window as unknown as { __ticks: { text: string; at: number }[] }).__ticks);
      const parsed = ticks.map((t) => ({ units: Number(/: ([\d,]+) of [\d,]+ images/.exec(t.text)?.[1]?.replace(/,/g, '') ?? NaN), at: t.at })).filter((t) => Number.isFinite(t.units));
      return parsed.length ? { first: parsed[0]!, last: parsed[parsed.length - 1]! } : null;
    };
    // The first tick tells the batch size (one tick per batch).
    let ticks = null;
    const deadline = Date.now() + MAX_WAIT_MS;
    while (!(ticks = await read()) && Date.now() < deadline) await sleep(POLL_MS);
    if (!ticks) throw new Error(`no training progress in ${MAX_WAIT_MS / 60_000} minutes`);
    const w = await timeWindow(async () => (await read())?.last ?? null, ticks.first.units);
    const activeBackend = (await train.getByLabel('Active backend').textContent())?.trim();
    await train.getByRole('button', { name: 'Cancel training' }).click();
    return { engine, activeBackend, perSec: w.units / w.seconds, timedUnits: w.units, timedSeconds: w.seconds };
  } finally {
    await page.context().close();
  }
}

export interface TfjsBrowserPlan {
  root: string;
  model: 'mlm' | 'imagetext';
  engines: readonly string[];
  /** An already served lab (e.g. `npx vite preview`), to skip the build. */
  labUrl?: string;
  log: (line: string) => void;
}

/** One row per engine; a failure is reported in its row, never thrown. */
export async function measureTfjsBrowser(plan: TfjsBrowserPlan): Promise<BrowserSpeedRow[]> {
  const rows: BrowserSpeedRow[] = [];
  let outDir: string | undefined;
  let server: ChildProcess | undefined;
  let browser: Browser | undefined;
  try {
    let base = plan.labUrl?.replace(/\/$/, '');
    if (!base) {
      outDir = mkdtempSync(join(tmpdir(), 'embedding-lab-bench-'));
      plan.log('browser: building the lab (vite build)...');
      await runQuiet('npx', ['vite', 'build', '--logLevel', 'error', '--outDir', outDir, '--emptyOutDir'], plan.root, BUILD_TIMEOUT_MS);
      const served = await serve(plan.root, outDir);
      server = served.server;
      base = served.url;
    }
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
    for (const engine of plan.engines) {
      plan.log(`browser: ${plan.model} on ${engine}...`);
      try {
        rows.push(plan.model === 'mlm' ? await measureMlm(browser, base, engine) : await measureImageText(browser, base, engine));
      } catch (e) {
        rows.push({ engine, error: (e as Error).message.split('\n')[0] });
      }
    }
  } catch (e) {
    rows.push({ engine: plan.engines.join(', '), error: (e as Error).message.split('\n')[0] });
  } finally {
    await browser?.close().catch(() => {});
    if (server) stopServer(server);
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  }
  return rows;
}

/** Markdown rows: engine, active backend, rate, what was timed, and the label that says what the figure means. */
export function browserRowsTable(rows: readonly BrowserSpeedRow[], unit: string): string[] {
  const out = [`| engine (headless Chromium) | active backend | ${unit}/s | timed | note |`, '| --- | --- | --- | --- | --- |'];
  for (const r of rows) {
    const note = r.engine === 'tfjs-wasm' ? 'CPU (WebAssembly)' : SOFTWARE_GPU_LABEL;
    if (r.error) out.push(`| ${r.engine} | ${r.activeBackend ?? '?'} | — | failed: ${r.error} | ${note} |`);
    else out.push(`| ${r.engine} | ${r.activeBackend} | ${r.perSec!.toPrecision(3)} | ${r.timedUnits} ${unit} in ${r.timedSeconds!.toFixed(1)} s | ${note} |`);
  }
  return out;
}
