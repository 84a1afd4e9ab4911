// GloVe in the lab, as a student meets it: pick it in the model list, see its own settings (x_max, the weighting
// exponent), train in the worker with the live map and loss, and watch the fitted dot products follow log X.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch } from './browser';
import { LAB_TIMEOUT, TEST_TIMEOUT, expectCleanPage, mapAttr, numberIn, openLab, statusLine, waitForNumber } from './labHelpers';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('lab: GloVe', () => {
  it('is in the model list with its own settings, and trains with the live map, the loss and the co-occurrence view', async () => {
    const { page, watch, context } = await openLab(browser, '/#/lab?corpus=toy-fruit&minCount=1&dim=10&epochs=60&mapN=100&engine=cpu');
    const model = page.getByLabel('Model', { exact: true });
    await expect.poll(() => model.isVisible(), { timeout: LAB_TIMEOUT }).toBe(true);
    // skip-gram's settings first; choosing GloVe swaps them for GloVe's own, and the link follows.
    expect(await page.getByLabel('Negative samples').count()).toBe(1);
    await model.selectOption('glove');
    await expect.poll(() => page.getByLabel('x_max').count()).toBe(1);
    expect(await page.getByLabel('Negative samples').count()).toBe(0);
    expect(await page.getByLabel('Weighting exponent').inputValue()).toBe('0.75');
    await expect.poll(() => page.url()).toContain('model=glove');
    const xMax = page.getByLabel('x_max');
    await xMax.fill('5');
    await xMax.press('Enter');
    await expect.poll(() => page.url()).toContain('xmax=5');

    await page.getByRole('button', { name: 'Start training', exact: true }).click();
    expect(await waitForNumber(page, 'Current loss')).toBeGreaterThan(0);
    await expect.poll(async () => (await statusLine(page).textContent()) ?? '', { timeout: LAB_TIMEOUT }).toMatch(/^Finished 60 epochs/);
    // First and last points of the drawn curve: the live readout may already show the end when it is first read.
    const curve = page.getByRole('figure', { name: 'Loss curve' });
    await expect.poll(async () => Number(await curve.getAttribute('data-points')), { timeout: LAB_TIMEOUT }).toBeGreaterThan(2);
    const first = Number(await curve.getAttribute('data-first'));
    expect(Number(await curve.getAttribute('data-last'))).toBeLessThan(first);
    expect(await numberIn(page, 'Cells per second')).toBeGreaterThan(0);
    // The live map drew the toy vocabulary (fewer words than mapN).
    await expect.poll(() => mapAttr(page, 'data-points'), { timeout: LAB_TIMEOUT }).toBeGreaterThan(10);
    // The co-occurrence view: two heatmaps and a fit that follows the counts.
    expect(await page.getByRole('img', { name: /^log X \(counted\)/ }).count()).toBe(1);
    expect(await page.getByRole('img', { name: /fitted\)/ }).count()).toBe(1);
    await expect.poll(() => numberIn(page, 'Fit correlation'), { timeout: LAB_TIMEOUT }).toBeGreaterThan(0.8);
    expectCleanPage(watch);
    await context.close();
  }, TEST_TIMEOUT);
});
