// fastText trained in the lab's worker like any registered model: chosen by the link, its n-gram settings in the
// settings table, live loss and map, finished run; saved, it keeps its n-gram table across a reload, so the Unseen
// words playground still builds vectors for words it never saw.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch } from './browser';
import { TOY_CORPORA } from '../../src/core/text/toyCorpora';
import { LAB_TIMEOUT, TEST_TIMEOUT, expectCleanPage, mapAttr, openLab, statusLine } from './labHelpers';

const FRUIT_WORDS = new Set(TOY_CORPORA.fruit!.text.split(/\s+/).filter(Boolean));

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('lab: fastText with subwords', () => {
  it('trains in the worker with its n-gram settings, the loss curve and the map', async () => {
    const { page, watch, context } = await openLab(browser, '/#/lab?model=fasttext&corpus=toy-royals&engine=cpu&epochs=3&dim=16&bucket=5000&minn=2&mapN=100');
    await expect.poll(async () => page.getByLabel('Longest n-gram').inputValue(), { timeout: LAB_TIMEOUT }).toBe('6');
    expect(await page.getByLabel('Shortest n-gram').inputValue()).toBe('2');
    expect(await page.getByLabel('N-gram buckets').inputValue()).toBe('5000');
    await page.getByRole('button', { name: 'Start training', exact: true }).click();
    await expect.poll(async () => (await statusLine(page).textContent()) ?? '', { timeout: LAB_TIMEOUT }).toMatch(/Finished 3 epochs/);
    await expect.poll(() => page.getByRole('figure', { name: 'Loss curve' }).getAttribute('data-points').then(Number), { timeout: LAB_TIMEOUT }).toBeGreaterThan(1);
    await expect.poll(() => mapAttr(page, 'data-points'), { timeout: LAB_TIMEOUT }).toBeGreaterThan(10);
    expectCleanPage(watch);
    await context.close();
  }, TEST_TIMEOUT);

  it('keeps the n-gram table of a saved model: after a reload the Unseen words playground answers with it', async () => {
    const { page, watch, context } = await openLab(browser, '/#/lab?model=fasttext&corpus=toy-fruit&engine=cpu&epochs=3&dim=16&bucket=3000&mapN=50');
    await page.getByRole('button', { name: 'Start training', exact: true }).click();
    await expect.poll(async () => (await statusLine(page).textContent()) ?? '', { timeout: LAB_TIMEOUT }).toMatch(/Finished 3 epochs/);
    await page.getByLabel('Name for the saved model').fill('Fruit fastText');
    await page.getByRole('button', { name: 'Save model', exact: true }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Saved “Fruit fastText”' }).textContent(), { timeout: LAB_TIMEOUT }).toContain('with its n-gram table');

    await page.reload();
    await page.getByRole('button', { name: 'Load Fruit fastText' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Loaded “Fruit fastText”' }).textContent(), { timeout: LAB_TIMEOUT }).toContain('Unseen words playground');
    // In-page navigation, as the site's links do: the loaded model lives in this tab.
    await page.evaluate(() => {
      window.location.hash = '#/playgrounds/unseen?word=bananna&other=banana';
    });
    await expect.poll(() => page.getByLabel('fastText model').inputValue(), { timeout: LAB_TIMEOUT }).toBe('lab');
    await expect.poll(() => page.getByLabel('Model used').textContent(), { timeout: LAB_TIMEOUT }).toContain('Fruit fastText · 3,000 n-gram buckets');
    const status = page.getByLabel('Vocabulary status of bananna');
    await expect.poll(() => status.textContent(), { timeout: LAB_TIMEOUT }).toMatch(/not in the vocabulary \(\d+ words\)/);
    const vocabSize = Number(/\((\d+) words\)/.exec((await status.textContent()) ?? '')![1]);
    expect(vocabSize).toBeLessThanOrEqual(FRUIT_WORDS.size);
    // Its neighbours are the toy corpus's words, not Brown's.
    const near = page.getByLabel('Neighbours of bananna').locator('li');
    await expect.poll(() => near.count(), { timeout: LAB_TIMEOUT }).toBeGreaterThan(3);
    const words = await near.evaluateAll((els) => els.map((e) => e.firstChild?.textContent?.trim() ?? ''));
    for (const w of words) expect(FRUIT_WORDS.has(w)).toBe(true);
    // The student can switch back to the shipped Brown model.
    await page.getByLabel('fastText model').selectOption('shipped');
    await expect.poll(() => status.textContent(), { timeout: LAB_TIMEOUT }).toMatch(/\(\d{1,3}(,\d{3})+ words\)/);
    expectCleanPage(watch);
    await context.close();
  }, TEST_TIMEOUT);
});
