// The built lab carries a Content-Security-Policy (scripts/csp.ts) and works under it: opening the lab, training
// briefly on the wasm engine with the live map, opening a lesson and a playground plot raise no CSP violation
// (securitypolicyviolation events in the page) and no console error (violations inside workers are logged there).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { baseURL, launch } from './browser';
import { openLab, statusLine, LAB_TIMEOUT, TEST_TIMEOUT, waitForNumber } from './labHelpers';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('Content-Security-Policy', () => {
  it('is set, and the lab, a lesson and a playground run without a violation', async () => {
    const { page, watch, context } = await openLab(browser, '/#/lab?corpus=toy-fruit&engine=tfjs-wasm&epochs=50');
    const violations: string[] = [];
    const collect = async () => violations.push(...(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)));
    await page.addInitScript(() => {
      const w = window as unknown as { __csp: string[] };
      w.__csp = [];
      document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    await page.reload();
    const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(policy).not.toMatch(/'unsafe-eval'/);

    await page.getByRole('button', { name: 'Start training', exact: true }).click();
    await waitForNumber(page, 'Current loss');
    await expect.poll(async () => (await statusLine(page).textContent()) ?? '', { timeout: LAB_TIMEOUT }).toMatch(/Training epoch|Finished|Done/);
    expect(await page.getByLabel('Active backend').textContent()).toBe('tfjs-wasm');
    await page.locator('figure[aria-label="Embedding map"][data-ready]').waitFor({ timeout: LAB_TIMEOUT });
    await expect.poll(() => page.locator('figure[aria-label="Embedding map"]').getAttribute('data-points'), { timeout: LAB_TIMEOUT }).not.toBe('0');
    const pause = page.getByRole('button', { name: 'Pause', exact: true });
    if (await pause.isVisible()) await pause.click();

    await page.evaluate(() => {
      location.hash = '#/lessons';
    });
    await page.getByRole('link', { name: /word embeddings/i }).first().click();
    await page.locator('article.lesson').waitFor({ timeout: LAB_TIMEOUT });

    // A fresh load: the lab's toy vectors would otherwise answer the playground (and know no "king").
    await collect();
    await page.goto(`${baseURL()}/#/playgrounds/analogy?a=man&b=king&c=woman`);
    await page.reload(); // a new hash alone is a same-document navigation
    const fig = page.getByRole('figure', { name: 'Analogy arithmetic in 2-D' }).first();
    await expect.poll(() => fig.getAttribute('data-drawn'), { timeout: 150_000, interval: 500 }).not.toBe('0');

    await collect();
    expect(violations).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
    expect(watch.pageErrors).toEqual([]);
    await context.close();
  }, TEST_TIMEOUT);
});
