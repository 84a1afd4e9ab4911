// The lab as a student uses it: train on Brown with the CPU engine and watch the loss fall and the map move, pause
// and resume, look up neighbours, and keep the main thread responsive while it all runs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, resetLongTasks } from './browser';
import { LAB_TIMEOUT, TEST_TIMEOUT, expectCleanPage, mapAttr, numberIn, openLab, progressPercent, statusLine, waitForNumber } from './labHelpers';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('lab: training on Brown', () => {
  it('opens on a sensible preset that says what to press', async () => {
    const { page, watch, context } = await openLab(browser, '/#/lab');
    await expect.poll(() => page.getByRole('button', { name: 'Start training', exact: true }).isVisible()).toBe(true);
    expect(await page.getByLabel('Corpus', { exact: true }).inputValue()).toBe('brown');
    expect(await page.getByLabel('Model', { exact: true }).inputValue()).toBe('skipgram');
    expect(await page.getByLabel('Engine', { exact: true }).inputValue()).toBe('auto');
    const mapN = Number(await page.getByLabel('Words on the map').inputValue());
    expect(mapN).toBeGreaterThanOrEqual(300);
    expect(mapN).toBeLessThanOrEqual(500);
    expect(await statusLine(page).textContent()).toContain('Start training');
    // Every setting is in the link, the seed included.
    expect(page.url()).toMatch(/[?&]seed=1(&|$)/);
    expect(page.url()).toContain('corpus=brown');
    expectCleanPage(watch);
    await context.close();
  }, TEST_TIMEOUT);

  it('trains: the loss falls, the map shows and moves, pause and resume work, neighbours are listed', async () => {
    const { page, watch, context } = await openLab(browser, '/#/lab?corpus=brown&engine=cpu&epochs=20&mapN=300&dim=30');
    // Let the page settle (plotly loads, creates its WebGL context and draws the empty map) before measuring long tasks.
    await page.locator('.loss-chart canvas').waitFor({ timeout: LAB_TIMEOUT });
    await page.locator('figure[aria-label="Embedding map"][data-ready]').waitFor({ timeout: LAB_TIMEOUT });
    await resetLongTasks(page);

    await page.getByRole('button', { name: 'Start training', exact: true }).click();
    await expect.poll(async () => (await statusLine(page).textContent()) ?? '', { timeout: LAB_TIMEOUT }).toMatch(/Reading brown\.txt|Splitting|Building vocabulary|Starting|Training/);
    const firstLoss = await waitForNumber(page, 'Current loss');
    expect(await page.getByLabel('Active backend').textContent()).toBe('cpu');
    await expect.poll(async () => (await statusLine(page).textContent()) ?? '', { timeout: LAB_TIMEOUT }).toMatch(/Training epoch \d+ of 20 on the CPU engine/);
    expect(await page.getByLabel('Corpus summary').textContent()).toMatch(/brown\.txt: [\d,]+ words/);

    // The loss falls well below what random vectors give: each of the 1 + 5 sigmoid terms of a pair costs log 2 when
    // every dot product is ~0, so 6 log 2 ~ 4.16 per pair. (The first value read may already be lower than that:
    // the CPU engine gets through many thousand pairs before the first progress message.)
    const RANDOM_LOSS = 6 * Math.LN2;
    expect(firstLoss).toBeLessThan(RANDOM_LOSS * 1.05);
    await expect.poll(() => numberIn(page, 'Current loss'), { timeout: 120_000, interval: 1000 }).toBeLessThan(RANDOM_LOSS * 0.8);
    expect(await numberIn(page, 'Words per second')).toBeGreaterThan(0);

    // The map shows the 300 most frequent words and keeps moving as snapshots arrive.
    await expect.poll(() => mapAttr(page, 'data-points'), { timeout: LAB_TIMEOUT }).toBe(300);
    const frames = await mapAttr(page, 'data-frames');
    await expect.poll(() => mapAttr(page, 'data-frames'), { timeout: LAB_TIMEOUT }).toBeGreaterThan(frames + 10);
    // Frames that only move the points are drawn in place, not through a plotly replot (movePoints.ts): with the same
    // 300 words throughout, only the first frame needs one.
    expect(await mapAttr(page, 'data-replots')).toBeLessThanOrEqual(2);
    // The loss curve follows the run.
    expect(Number(await page.getByRole('figure', { name: 'Loss curve' }).getAttribute('data-points'))).toBeGreaterThan(2);

    // Pause: training stops where it is; Resume carries on from there.
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    await page.getByRole('button', { name: 'Resume', exact: true }).waitFor({ timeout: LAB_TIMEOUT });
    const paused = await progressPercent(page);
    await page.waitForTimeout(1500);
    expect(await progressPercent(page)).toBe(paused);
    await expect.poll(() => statusLine(page).textContent(), { timeout: LAB_TIMEOUT }).toMatch(/Paused/);

    // Search a word while paused: it and its neighbours, with cosine similarities in [-1, 1].
    await page.getByLabel('Find a word').fill('money');
    await page.getByRole('button', { name: 'Find', exact: true }).click();
    const list = page.getByRole('list', { name: 'Neighbours of money' });
    await expect.poll(() => list.locator('li').count(), { timeout: LAB_TIMEOUT }).toBe(10);
    const scores = (await list.locator('.score').allTextContents()).map(Number);
    expect(scores.every((s) => s <= 1 && s >= -1)).toBe(true);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    // An unknown word says so.
    await page.getByLabel('Find a word').fill('qwzxv');
    await page.getByRole('button', { name: 'Find', exact: true }).click();
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'not in the vocabulary' }).count(), { timeout: LAB_TIMEOUT }).toBe(1);

    await page.getByRole('button', { name: 'Resume', exact: true }).click();
    await expect.poll(() => progressPercent(page), { timeout: LAB_TIMEOUT }).toBeGreaterThan(paused);

    const longest = await watch.longestTask();
    console.log(`[lab] longest main-thread task while training Brown and running t-SNE: ${Math.round(longest)} ms`);
    await page.getByRole('button', { name: 'Reset', exact: true }).click();
    await page.getByRole('button', { name: 'Start training', exact: true }).waitFor();
    expect(await page.getByLabel('Current loss').textContent()).toBe('—');
    expectCleanPage(watch);
    await context.close();
  }, TEST_TIMEOUT);
});
