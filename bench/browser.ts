// Browser figures for `npm run bench`: the lab built for production (vite build into a temp folder), served by
// vite preview on 127.0.0.1, driven in Debian's chromium through playwright-core with the e2e tests' flags.
//   (a) words/s per backend: open #/lab?corpus=..&engine=.., press "Start training", read "Words per second"
//   (b) map updates/s for N = 500, 1,000, 2,000 points while training runs: the "Embedding map" figure's
//       data-frames attribute read twice over a 10 s window, plus the longest main-thread task in that window and
//       the number of word labels drawn (data-labels) at its end: every frame places and draws the labels.
//   (c) first load: the longest main-thread task from navigation until the map is ready (plotly loaded, its WebGL
//       context up), from a PerformanceObserver for long tasks installed before any script runs.
// Every figure is measured through the page's accessible names (the DOM contract in helpers/CONTRACTS.md), the same
// way a student's screen reader or the e2e tests find them. Failures are caught per figure and reported, never thrown.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, watchLongTasks } from '../tests/e2e/browser';

/** Seconds over which the map's frame counter is sampled (the brief's window). */
export const MAP_WINDOW_S = 10;
/** Seconds of training before words/s is read: past the first chunks, vocabulary building and JIT warm-up. */
export const WARMUP_S = 6;
/** Readings of words/s (one per second) whose median is reported: the page's own figure is a recent-window rate. */
const WPS_READINGS = 5;
/** How long a page may take to start training (fetching and encoding a corpus in the worker; slow on a busy machine). */
const START_TIMEOUT_MS = 180_000;
/** Epochs asked for in the URL: enough that training is still running when the figures are read (the page is
 * closed right after, which stops it). */
const BROWSER_EPOCHS = 50;
/** gensim's vector size, as in the Node runs, so that the cpu figure compares with the table above it. */
const BROWSER_DIM = 100;
export const BUILD_TIMEOUT_MS = 300_000;
/** Reading an attribute needs the page's main thread; a long layout step on a busy machine can hold it for seconds. */
const ATTRIBUTE_TIMEOUT_MS = 30_000;
const SERVER_START_TIMEOUT_MS = 60_000;
/** A frequent Brown word whose neighbours are on any map of 500 words or more. */
const HIGHLIGHT_WORD = 'money';

export interface BackendFigure {
  engine: string;
  corpus: string;
  activeBackend?: string;
  wordsPerSec?: number;
  error?: string;
}

export interface MapFigure {
  mapN: number;
  /** A word searched before the window: it and its neighbours are highlighted on the map while it is measured. */
  highlighted?: string;
  points?: number;
  updatesPerSec?: number;
  longestTaskMs?: number;
  /** Word labels drawn at the end of the window (data-labels). */
  labels?: number;
  /** Main-thread ms per drawn frame (points, labels, highlight), smoothed by the page (data-draw-ms). */
  drawMs?: number;
  error?: string;
}

export interface FirstLoadFigure {
  /** Longest main-thread task from navigation until the map was ready and a second more, in ms. */
  longestTaskMs?: number;
  /** From navigation to the map's data-ready, in ms. */
  readyMs?: number;
  error?: string;
}

export interface BrowserFigures {
  ok: boolean;
  error?: string;
  backends: BackendFigure[];
  maps: MapFigure[];
  firstLoad?: FirstLoadFigure;
  consoleErrors: string[];
}

export interface BrowserPlan {
  root: string;
  /** Corpus for the cpu engine and the map runs. */
  corpus: string;
  /** Corpus for the (much slower) tfjs backends. */
  smallCorpus: string;
  engines: string[];
  mapSizes: number[];
  log: (line: string) => void;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      if (addr && typeof addr === 'object') srv.close(() => resolve(addr.port));
      else reject(new Error('no free port'));
    });
  });
}

export function runQuiet(cmd: string, args: string[], cwd: string, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const p = spawn(cmd, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    p.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const timer = setTimeout(() => p.kill('SIGTERM'), timeoutMs);
    p.on('error', reject);
    p.on('exit', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`${cmd} ${args.slice(0, 2).join(' ')} failed (${code}): ${err.trim().split('\n').slice(-2).join(' ')}`));
    });
  });
}

export async function serve(root: string, outDir: string): Promise<{ url: string; server: ChildProcess }> {
  const port = await freePort();
  const server = spawn(
    'npx',
    ['vite', 'preview', '--outDir', outDir, '--port', String(port), '--strictPort', '--host', '127.0.0.1'],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('vite preview did not start in time')), SERVER_START_TIMEOUT_MS);
    server.stdout!.on('data', (d: Buffer) => {
      if (d.toString().includes(String(port))) {
        clearTimeout(timer);
        resolve();
      }
    });
    server.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`vite preview exited ${code}`));
    });
  });
  return { url: `http://127.0.0.1:${port}`, server };
}

export function stopServer(server: ChildProcess): void {
  if (!server.pid) return;
  try {
    // The server was started in its own process group (detached): end npx and vite together, and nothing else.
    process.kill(-server.pid, 'SIGTERM');
  } catch {
    /* already gone */
  }
}

/** A page with a long-task observer installed before any script runs (as in tests/e2e/browser.ts). */
async function openLab(browser: Browser, url: string, consoleErrors: string[]): Promise<Page> {
  // No service worker: its one-off download of the whole app (for offline use) would compete with the figures.
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text().slice(0, 200));
  });
  page.on('pageerror', (e) => consoleErrors.push(String(e).slice(0, 200)));
  await watchLongTasks(page);
  await page.goto(url);
  return page;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function numberIn(text: string | null): number | undefined {
  if (!text) return undefined;
  const m = /-?[\d,]*\.?\d+(?:e[+-]?\d+)?/i.exec(text.replace(/\s/g, ''));
  if (!m) return undefined;
  const v = Number(m[0].replace(/,/g, ''));
  // "12.3k" style labels
  return /k\b/i.test(text) ? v * 1000 : v;
}

async function startTraining(page: Page): Promise<void> {
  const start = page.getByRole('button', { name: 'Start training' });
  try {
    await start.waitFor({ state: 'visible', timeout: 30_000 });
  } catch {
    throw new Error('the lab page has no "Start training" button (is the lab built to the DOM contract yet?)');
  }
  await start.click();
}

/** Waits until "Words per second" shows a positive number; returns it. */
async function waitForWordsPerSec(page: Page): Promise<number> {
  const el = page.getByLabel('Words per second', { exact: true }).first();
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const v = numberIn(await el.textContent({ timeout: 5_000 }).catch(() => null));
    if (v !== undefined && v > 0) return v;
    await sleep(500);
  }
  const status = await page.getByRole('status').first().textContent({ timeout: 2_000 }).catch(() => null);
  throw new Error(
    `"Words per second" showed no positive number within ${START_TIMEOUT_MS / 1000} s` + (status ? ` (status: "${status.trim()}")` : ''),
  );
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function measureBackend(browser: Browser, base: string, engine: string, corpus: string, errors: string[]): Promise<BackendFigure> {
  const fig: BackendFigure = { engine, corpus };
  const page = await openLab(browser, `${base}/#/lab?corpus=${corpus}&engine=${engine}&epochs=${BROWSER_EPOCHS}&dim=${BROWSER_DIM}`, errors);
  try {
    await startTraining(page);
    await waitForWordsPerSec(page);
    await sleep(WARMUP_S * 1000);
    const readings: number[] = [];
    const el = page.getByLabel('Words per second', { exact: true }).first();
    for (let i = 0; i < WPS_READINGS; i++) {
      const v = numberIn(await el.textContent());
      if (v !== undefined) readings.push(v);
      await sleep(1000);
    }
    fig.wordsPerSec = readings.length ? Math.round(median(readings)) : undefined;
    fig.activeBackend = (await page.getByLabel('Active backend', { exact: true }).first().textContent({ timeout: 2_000 }).catch(() => null))?.trim();
  } catch (err) {
    fig.error = (err as Error).message.split('\n')[0];
  } finally {
    await page.context().close();
  }
  return fig;
}

async function measureMap(browser: Browser, base: string, corpus: string, mapN: number, errors: string[], highlight?: string): Promise<MapFigure> {
  const fig: MapFigure = { mapN, highlighted: highlight };
  const page = await openLab(browser, `${base}/#/lab?corpus=${corpus}&engine=cpu&mapN=${mapN}&epochs=${BROWSER_EPOCHS}&dim=${BROWSER_DIM}`, errors);
  try {
    await startTraining(page);
    await waitForWordsPerSec(page);
    const map = page.locator('figure[aria-label="Embedding map"]').first();
    const frames = async () => Number((await map.getAttribute('data-frames', { timeout: ATTRIBUTE_TIMEOUT_MS })) ?? NaN);
    // Wait for the map to draw a first frame, then measure a steady window.
    const deadline = Date.now() + START_TIMEOUT_MS;
    while (!(await frames() > 0)) {
      if (Date.now() > deadline) throw new Error('the "Embedding map" figure drew no frame (data-frames stayed 0)');
      await sleep(500);
    }
    if (highlight) {
      await page.getByLabel('Find a word', { exact: true }).fill(highlight);
      await page.getByRole('button', { name: 'Find', exact: true }).click();
      await page.getByRole('list', { name: `Neighbours of ${highlight}` }).waitFor({ timeout: ATTRIBUTE_TIMEOUT_MS });
      await sleep(1000);
    }
    await page.evaluate(() => ((window as unknown as { __longestTask: number }).__longestTask = 0));
    const f0 = await frames();
    const t0 = Date.now();
    await sleep(MAP_WINDOW_S * 1000);
    const f1 = await frames();
    const seconds = (Date.now() - t0) / 1000;
    fig.updatesPerSec = Math.round(((f1 - f0) / seconds) * 10) / 10;
    fig.points = Number((await map.getAttribute('data-points')) ?? NaN) || undefined;
    fig.labels = Number((await map.getAttribute('data-labels')) ?? NaN);
    fig.drawMs = Number((await map.getAttribute('data-draw-ms')) ?? NaN);
    fig.longestTaskMs = Math.round(await page.evaluate(() => (window as unknown as { __longestTask: number }).__longestTask));
  } catch (err) {
    fig.error = (err as Error).message.split('\n')[0];
  } finally {
    await page.context().close();
  }
  return fig;
}

/** Seconds after the map is ready during which late start-up tasks are still counted as first load. */
const FIRST_LOAD_TAIL_S = 1;

async function measureFirstLoad(browser: Browser, base: string, errors: string[]): Promise<FirstLoadFigure> {
  const fig: FirstLoadFigure = {};
  const t0 = Date.now();
  const page = await openLab(browser, `${base}/#/lab`, errors);
  try {
    await page.locator('figure[aria-label="Embedding map"][data-ready]').waitFor({ timeout: START_TIMEOUT_MS });
    fig.readyMs = Date.now() - t0;
    await sleep(FIRST_LOAD_TAIL_S * 1000);
    fig.longestTaskMs = Math.round(await page.evaluate(() => (window as unknown as { __longestTask: number }).__longestTask));
  } catch (err) {
    fig.error = (err as Error).message.split('\n')[0];
  } finally {
    await page.context().close();
  }
  return fig;
}

export async function measureBrowser(plan: BrowserPlan): Promise<BrowserFigures> {
  const out: BrowserFigures = { ok: false, backends: [], maps: [], consoleErrors: [] };
  const outDir = mkdtempSync(join(tmpdir(), 'embedding-lab-bench-'));
  let server: ChildProcess | undefined;
  let browser: Browser | undefined;
  try {
    plan.log('browser: building the lab (vite build)...');
    await runQuiet('npx', ['vite', 'build', '--logLevel', 'error', '--outDir', outDir, '--emptyOutDir'], plan.root, BUILD_TIMEOUT_MS);
    const served = await serve(plan.root, outDir);
    server = served.server;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
    plan.log('browser: first load of the lab (longest main-thread task until the map is ready)...');
    out.firstLoad = await measureFirstLoad(browser, served.url, out.consoleErrors);
    for (const engine of plan.engines) {
      const corpus = engine === 'cpu' ? plan.corpus : plan.smallCorpus;
      plan.log(`browser: words/s with engine ${engine} on ${corpus}...`);
      out.backends.push(await measureBackend(browser, served.url, engine, corpus, out.consoleErrors));
    }
    for (const n of plan.mapSizes) {
      plan.log(`browser: map updates/s with ${n} points...`);
      out.maps.push(await measureMap(browser, served.url, plan.corpus, n, out.consoleErrors));
    }
    // The largest map again with a word searched: its neighbours are highlighted and follow every frame.
    const largest = Math.max(...plan.mapSizes);
    plan.log(`browser: map updates/s with ${largest} points and "${HIGHLIGHT_WORD}" highlighted...`);
    out.maps.push(await measureMap(browser, served.url, plan.corpus, largest, out.consoleErrors, HIGHLIGHT_WORD));
    out.ok = [...out.backends, ...out.maps].some((f) => !f.error);
    if (!out.ok) out.error = out.backends[0]?.error ?? out.maps[0]?.error ?? 'no figure measured';
  } catch (err) {
    out.error = (err as Error).message.split('\n')[0];
  } finally {
    await browser?.close().catch(() => {});
    if (server) stopServer(server);
    rmSync(outDir, { recursive: true, force: true });
  }
  return out;
}
