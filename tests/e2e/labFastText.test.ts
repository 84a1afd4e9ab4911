// fastText trained in the lab's worker like any registered model: chosen by the link, its n-gram settings in the
// settings table, live loss and map, finished run.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch } from './browser';
import { LAB_TIMEOUT, TEST_TIMEOUT, expectCleanPage, mapAttr, openLab, statusLine } from './labHelpers';

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
});
