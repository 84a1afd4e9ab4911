// Keeping and exporting what was trained, and what happens when training goes wrong: a saved model survives a reload,
// vectors export in word2vec and Projector formats, divergence pauses with a suggested learning rate.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Download } from 'playwright-core';
import { readFile } from 'node:fs/promises';
import { launch } from './browser';
import { LAB_TIMEOUT, TEST_TIMEOUT, expectCleanPage, mapAttr, numberIn, openLab, statusLine } from './labHelpers';
import { countThemeColourPixels } from './pixels';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function text(d: Download): Promise<string> {
  return readFile((await d.path())!, 'utf8');
}

describe('lab: saved models, export, divergence', () => {
  it('saves a trained model in the browser and finds it again after a reload', async () => {
    const { page, watch, context } = await openLab(browser, '/#/lab?corpus=toy-royals&engine=cpu&epochs=5&dim=16&mapN=100');
    await page.getByRole('button', { name: 'Start training', exact: true }).click();
    await expect.poll(async () => (await statusLine(page).textContent()) ?? '', { timeout: LAB_TIMEOUT }).toMatch(/Finished 5 epochs/);

    // Export while the trained model is in the page: word2vec text (header "words dim") and Projector TSV.
    const [w2v] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Vectors (word2vec .txt)' }).click()]);
    const body = await text(w2v);
    const [header, first] = body.split('\n');
    const [n, dim] = header!.split(' ').map(Number);
    expect(dim).toBe(16);
    expect(n).toBeGreaterThan(10);
    expect(first!.trim().split(' ')).toHaveLength(17);
    const downloads: Download[] = [];
    page.on('download', (d) => downloads.push(d));
    await page.getByRole('button', { name: 'Vectors (Projector TSV)' }).click();
    await expect.poll(() => downloads.length).toBe(2);
    const tsv = downloads.find((d) => d.suggestedFilename().endsWith('-vectors.tsv'))!;
    expect((await text(tsv)).split('\n')[0]!.split('\t')).toHaveLength(16);

    // The loss curve as a PNG: 1200 x 800 (read from the IHDR chunk), with the curve in the accent colour on it.
    const lossFigure = page.getByRole('figure', { name: 'Loss curve' });
    expect(Number(await lossFigure.getAttribute('data-points'))).toBeGreaterThan(3);
    expect(await lossFigure.getByRole('img').getAttribute('aria-label')).toMatch(/^Loss over training, in epochs: \d+\.\d{3} at the start, \d+\.\d{3} at epoch \d+\.\d{2}\.$/);
    const [lossPng] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Loss curve (PNG)' }).click()]);
    expect(lossPng.suggestedFilename()).toBe('loss-curve.png');
    const png = await readFile((await lossPng.path())!);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 800]);
    const accentPixels = await countThemeColourPixels(page, png, '--accent', 40);
    // A line across most of a 1,000-pixel-wide plot area, a few pixels thick.
    expect(accentPixels).toBeGreaterThan(1500);

    await page.getByLabel('Name for the saved model').fill('Royals for lesson 2');
    await page.getByRole('button', { name: 'Save model', exact: true }).click();
    await expect.poll(() => page.getByRole('list', { name: 'Saved models' }).textContent()).toContain('Royals for lesson 2');

    await page.reload();
    const list = page.getByRole('list', { name: 'Saved models' });
    await expect.poll(() => list.textContent(), { timeout: LAB_TIMEOUT }).toContain('Royals for lesson 2');
    expect(await list.textContent()).toContain('16');
    await page.getByRole('button', { name: 'Load Royals for lesson 2' }).click();
    await expect.poll(() => mapAttr(page, 'data-points'), { timeout: LAB_TIMEOUT }).toBeGreaterThan(10);
    // Neighbours come from the loaded vectors.
    await page.getByLabel('Find a word').fill('king');
    await page.getByRole('button', { name: 'Find', exact: true }).click();
    await expect.poll(() => page.getByRole('list', { name: 'Neighbours of king' }).locator('li').count(), { timeout: LAB_TIMEOUT }).toBeGreaterThan(3);
    expect(await page.getByLabel('Dimensions').inputValue()).toBe('16');

    await page.getByRole('button', { name: 'Delete Royals for lesson 2' }).click();
    await expect.poll(() => page.getByText('No saved models yet.').count()).toBe(1);
    expectCleanPage(watch);
    await context.close();
  }, TEST_TIMEOUT);

  it('pauses on divergence, explains it, and applies the suggested learning rate', async () => {
    const { page, watch, context } = await openLab(browser, '/#/lab?corpus=toy-fruit&engine=cpu&alpha=10&epochs=5&mapN=100');
    await page.getByRole('button', { name: 'Start training', exact: true }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Training diverged' });
    await expect.poll(() => alert.count(), { timeout: LAB_TIMEOUT }).toBe(1);
    expect(await alert.textContent()).toMatch(/learning rate is too large/);
    await page.getByRole('button', { name: 'Resume', exact: true }).waitFor();
    // Apply the suggestion; if that still diverges (the suggestion halves or quarters the rate), the student applies
    // the next one, and within a few clicks the model trains.
    let trains = false;
    for (let attempt = 0; attempt < 4 && !trains; attempt++) {
      const apply = page.getByRole('button', { name: /Use learning rate [\d.]+ and start again/ });
      const suggested = Number(/learning rate ([\d.]+)/.exec((await apply.textContent()) ?? '')![1]);
      expect(suggested).toBeLessThan(10);
      await apply.click();
      await expect.poll(() => page.getByRole('spinbutton', { name: 'Learning rate', exact: true }).inputValue()).toBe(String(suggested));
      expect(page.url()).toContain(`alpha=${suggested}`);
      await expect
        .poll(async () => !Number.isNaN(await numberIn(page, 'Current loss')) || (await alert.count()) === 1, { timeout: LAB_TIMEOUT })
        .toBe(true);
      trains = !Number.isNaN(await numberIn(page, 'Current loss'));
    }
    expect(trains).toBe(true);
    expectCleanPage(watch);
    await context.close();
  }, TEST_TIMEOUT);

  it('"Step" before any start prepares a paused model and takes one small step', async () => {
    const { page, watch, context } = await openLab(browser, '/#/lab?corpus=toy-fruit&engine=cpu&mapN=100');
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await page.getByRole('button', { name: 'Resume', exact: true }).waitFor({ timeout: LAB_TIMEOUT });
    expect(await page.getByLabel('Active backend').textContent()).toBe('cpu');
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await expect.poll(() => statusLine(page).textContent(), { timeout: LAB_TIMEOUT }).toMatch(/Paused after a step/);
    expectCleanPage(watch);
    await context.close();
  }, TEST_TIMEOUT);
});
