// A lecture on bad Wi-Fi: once the lab has been opened and says "Ready offline", the network can go away. The page
// reloads from the service worker's copy, trains on a bundled corpus (the default Brown and a toy one), opens a
// lesson and answers an analogy from the shipped vectors, all with the browser offline.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { baseURL, launch } from './browser';
import { LAB_TIMEOUT, TEST_TIMEOUT, expectCleanPage, openLab, statusLine } from './labHelpers';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const status = async (page: Page) => (await statusLine(page).textContent()) ?? '';
const offlineBadge = (page: Page) => page.locator('.offline-status');

describe('offline', () => {
  it('keeps working without a network once the lab says it is ready offline', async () => {
    const { page, watch, context } = await openLab(browser, '/#/lab?corpus=toy-fruit&engine=cpu&epochs=3&dim=10&mapN=100', { serviceWorkers: 'allow' });
    await expect.poll(() => offlineBadge(page).textContent(), { timeout: LAB_TIMEOUT }).toBe('Ready offline');

    // Every request from here on must be answered from the stored copy (fonts included: formulas need them).
    const failed: string[] = [];
    context.on('requestfailed', (r) => failed.push(`${r.url()} ${r.failure()?.errorText ?? ''}`));
    await context.setOffline(true);
    await page.reload();
    await expect.poll(() => offlineBadge(page).textContent(), { timeout: LAB_TIMEOUT }).toBe('Offline: using the saved copy');

    // An analogy on the shipped vectors (the active ones until the lab trains) and a lesson with formulas: chunks
    // and files this page had not loaded before going offline.
    await page.goto(page.url().replace(/#.*$/, '#/playgrounds/analogy?a=man&b=king&c=woman'));
    await expect.poll(() => page.getByTestId('analogy-answer').textContent(), { timeout: LAB_TIMEOUT }).toBe('queen');
    await page.goto(page.url().replace(/#.*$/, '#/lessons/word-embeddings/1'));
    await page.locator('.katex').first().waitFor({ timeout: LAB_TIMEOUT });
    await page.goto(page.url().replace(/#.*$/, '#/lab?corpus=toy-fruit&engine=cpu&epochs=3&dim=10&mapN=100'));

    // Train on the toy corpus: worker, wasm kernel and corpus all come from the stored copy.
    await page.getByRole('button', { name: 'Start training', exact: true }).click();
    await expect.poll(() => status(page), { timeout: LAB_TIMEOUT }).toMatch(/Finished 3 epochs/);
    await expect.poll(() => page.locator('figure[aria-label="Embedding map"]').getAttribute('data-points'), { timeout: LAB_TIMEOUT }).not.toBe('0');

    // SOTU is stored only once read online: offline, the lab says so and keeps its state.
    await page.getByLabel('Corpus', { exact: true }).selectOption('sotu');
    await page.getByRole('button', { name: 'Start training', exact: true }).click();
    const notStored = page.getByRole('alert').filter({ hasText: 'not stored for offline use yet' });
    await expect.poll(() => notStored.count(), { timeout: LAB_TIMEOUT }).toBeGreaterThanOrEqual(1);
    expect(await notStored.first().textContent()).toContain('Could not read sotu.txt: the network is unreachable');
    // That failure was the point (the service worker's request and the page's both report it); nothing else failed.
    expect(failed.filter((f) => !f.includes('/corpora/sotu.txt'))).toEqual([]);
    failed.length = 0;

    // The default corpus, Brown, is stored too: its training starts.
    await page.getByLabel('Corpus', { exact: true }).selectOption('brown');
    await page.getByRole('button', { name: 'Start training', exact: true }).click();
    await expect.poll(() => status(page), { timeout: LAB_TIMEOUT }).toMatch(/Training epoch 1 of 3/);
    await page.getByRole('button', { name: 'Pause', exact: true }).click();

    expect(failed).toEqual([]);
    expectCleanPage(watch);
    await context.close();
  }, TEST_TIMEOUT);

  it('offers a new version once it is stored, and switches to it on request', async (ctx) => {
    const buildDir = inject('buildDir');
    if (!buildDir) ctx.skip(); // LAB_URL: the test cannot publish a new version on someone else's server
    const { page, watch, context } = await openLab(browser, '/#/lab?corpus=toy-fruit', { serviceWorkers: 'allow' });
    await expect.poll(() => offlineBadge(page).textContent(), { timeout: LAB_TIMEOUT }).toBe('Ready offline');
    const appCaches = () => page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith('embedding-lab-app-')));
    const before = await appCaches();
    expect(before).toHaveLength(1);
    expect(await page.getByRole('button', { name: 'Update the lab' }).count()).toBe(0);

    // Publish a "new version": same files, a new version hash in sw.js (as a new build would have).
    const swPath = join(buildDir, 'sw.js');
    const original = readFileSync(swPath, 'utf8');
    try {
      const version = /"version":"([0-9a-f]+)"/.exec(original)?.[1];
      expect(version).toBeDefined();
      writeFileSync(swPath, original.replace(version!, 'feedfacefeedface'));
      await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());
      const update = page.getByRole('button', { name: 'Update the lab' });
      await update.waitFor({ timeout: LAB_TIMEOUT });
      await Promise.all([page.waitForEvent('load', { timeout: LAB_TIMEOUT }), update.click()]);
      await expect.poll(() => offlineBadge(page).textContent(), { timeout: LAB_TIMEOUT }).toBe('Ready offline');
      // The new version serves the page and the old one's files are gone.
      await expect.poll(appCaches, { timeout: LAB_TIMEOUT }).toEqual(['embedding-lab-app-feedfacefeedface']);
      expect(await page.getByRole('button', { name: 'Update the lab' }).count()).toBe(0);
      expect(page.url().startsWith(baseURL())).toBe(true);
    } finally {
      writeFileSync(swPath, original);
    }
    expectCleanPage(watch);
    await context.close();
  }, TEST_TIMEOUT);
});
