// Small steps the lab tests share: read the live numbers the way a student reads them, and wait for states.
import { expect } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { openPage, type Watch } from './browser';

/**
 * Actions wait this long: the test machine may be shared and busy, and drawing the WebGL map on a software
 * renderer can hold the page for seconds. Waiting longer never makes a test pass that should fail.
 */
export const LAB_TIMEOUT = 120_000;

/** A whole lab test: Brown is read, tokenized and trained for a while on a possibly busy machine. */
export const TEST_TIMEOUT = 480_000;

/** openPage with the lab's generous action timeouts. */
export async function openLab(browser: Browser, path: string, opts?: Parameters<typeof openPage>[2]) {
  const r = await openPage(browser, path, opts);
  r.page.setDefaultTimeout(LAB_TIMEOUT);
  return r;
}

/** The number shown in an element with this accessible label (NaN while it shows a dash). */
export async function numberIn(page: Page, label: string): Promise<number> {
  const t = (await page.locator(`[aria-label="${label}"]`).first().textContent()) ?? '';
  return Number(t.trim());
}

export async function progressPercent(page: Page): Promise<number> {
  return numberIn(page, 'Progress');
}

export async function waitForNumber(page: Page, label: string, timeout = LAB_TIMEOUT): Promise<number> {
  await expect.poll(() => numberIn(page, label), { timeout, interval: 500 }).not.toBeNaN();
  return numberIn(page, label);
}

export async function mapAttr(page: Page, name: 'data-points' | 'data-frames' | 'data-replots'): Promise<number> {
  return Number((await page.locator('figure[aria-label="Embedding map"]').getAttribute(name)) ?? 0);
}

export function statusLine(page: Page) {
  return page.locator('.status-line');
}

/** Console errors, page errors and requests to other origins: none are allowed anywhere in the lab. */
export function expectCleanPage(watch: Watch): void {
  expect(watch.pageErrors).toEqual([]);
  expect(watch.consoleErrors).toEqual([]);
  expect(watch.foreignRequests).toEqual([]);
}

/** A short English text with repeated patterns, long enough for min-count 2. */
export function ownText(): string {
  const lines = [
    'the cat sat on the mat and the dog sat on the rug',
    'a cat and a dog are friends in the small house',
    'the bird sings in the tree and the cat watches the bird',
    'my dog runs in the park every morning with the ball',
    'the river flows past the old mill near the green hill',
  ];
  const out: string[] = [];
  for (let i = 0; i < 40; i++) out.push(...lines);
  return out.join('\n') + '\n';
}
