// Shared browser harness for the e2e tests: Debian's chromium through playwright-core (never a downloaded browser),
// with the flags measured in docs/measurements.md, "Browser", plus watchers that every test asserts on:
// console errors, page errors, requests to other origins, and main-thread long tasks.
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { existsSync } from 'node:fs';
import { inject } from 'vitest';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--enable-unsafe-webgpu',
];

export function baseURL(): string {
  return inject('baseURL');
}

/** Debian's chromium with the harness's flags, plus `extraArgs` (e.g. to take a GPU backend away). */
export async function launch(extraArgs: readonly string[] = []): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`No browser at ${CHROMIUM}. Install Debian's chromium: apt-get install -y chromium`);
  }
  return chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS, ...extraArgs], headless: true });
}

export interface Watch {
  consoleErrors: string[];
  pageErrors: string[];
  foreignRequests: string[];
  /** Longest main-thread task seen so far, in ms (PerformanceObserver 'longtask'). */
  longestTask: () => Promise<number>;
}

/** Record the longest main-thread task (PerformanceObserver 'longtask') in window.__longestTask, from page load on. */
export async function watchLongTasks(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __longestTask: number };
    w.__longestTask = 0;
    try {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__longestTask = Math.max(w.__longestTask, e.duration);
      }).observe({ type: 'longtask', buffered: true });
    } catch {
      /* longtask unsupported */
    }
  });
}

/** A fresh context and page with the watchers installed. */
export async function openPage(
  browser: Browser,
  path = '/',
  opts: { viewport?: { width: number; height: number }; serviceWorkers?: 'allow' | 'block' } = {},
): Promise<{ context: BrowserContext; page: Page; watch: Watch }> {
  // Service workers are blocked unless a test asks for one (tests/e2e/offline.test.ts): each fresh context would
  // otherwise download and store the whole app (~20 MB) for offline use while the test runs.
  const context = await browser.newContext({
    viewport: opts.viewport ?? { width: 1400, height: 900 },
    acceptDownloads: true,
    serviceWorkers: opts.serviceWorkers ?? 'block',
  });
  const page = await context.newPage();
  const origin = new URL(baseURL()).origin;
  const watch: Watch = {
    consoleErrors: [],
    pageErrors: [],
    foreignRequests: [],
    longestTask: () =>
      page.evaluate(() => (window as unknown as { __longestTask?: number }).__longestTask ?? 0),
  };
  page.on('console', (m) => {
    if (m.type() === 'error') watch.consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => watch.pageErrors.push(String(e)));
  page.on('request', (r) => {
    const u = r.url();
    if (u.startsWith('data:') || u.startsWith('blob:')) return;
    if (!u.startsWith(origin)) watch.foreignRequests.push(u);
  });
  await watchLongTasks(page);
  await page.goto(baseURL() + path);
  return { context, page, watch };
}

/** Reset the long-task maximum (e.g. after the page's first load, which may legitimately take long). */
export async function resetLongTasks(page: Page): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as { __longestTask: number }).__longestTask = 0;
  });
}
