// Trained vectors never replace the ones in use by themselves: after a run in the Lab the Playgrounds still answer
// with the shipped vectors, and switching is one visible choice in the header, announced, with scores.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch } from './browser';
import { expectCleanPage, LAB_TIMEOUT, openLab, statusLine, TEST_TIMEOUT } from './labHelpers';

/** Polls wait as long as a lab action may take on a busy machine (vitest's default is one second). */
const POLL = { timeout: LAB_TIMEOUT, interval: 100 };

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function neighbourWords(page: Page): Promise<string[]> {
  const table = page.getByRole('table', { name: 'Nearest neighbours of "apple"', exact: true });
  await table.waitFor();
  return table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).dataset.word ?? ''));
}

describe('choosing the vectors in use', () => {
  it('keeps the shipped vectors after a Lab run; the header select switches the similarity answers and says so', async () => {
    const { page, watch, context } = await openLab(browser, '/#/lab?corpus=toy-fruit&epochs=5&dim=20');
    await page.getByRole('button', { name: 'Start training' }).click();
    await expect.poll(() => statusLine(page).innerText(), { timeout: 120_000 }).toMatch(/^Finished/);

    await page.evaluate(() => (window.location.hash = '#/playgrounds/similarity?word=apple'));
    const select = page.getByLabel('Vectors in use');
    // Still the shipped set, with its published scores.
    await expect.poll(() => page.getByTestId('active-vectors').first().textContent(), { timeout: 60_000 }).toMatch(/^Brown/);
    expect(await page.getByTestId('active-vectors-scores').textContent()).toMatch(/^analogies 0\.\d{3}, Spearman 0\.\d{3}$/);
    const shippedAnswer = await neighbourWords(page);
    expect(shippedAnswer.length).toBeGreaterThan(0);

    // The Lab's vectors are offered, not used.
    const trained = await select.locator('option', { hasText: 'trained in the Lab' }).first();
    const value = await trained.getAttribute('value');
    expect(value).toBeTruthy();
    await select.selectOption(value!);
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Now using' }).first().textContent(), POLL).toMatch(/toy-fruit.*trained in the Lab/);
    await expect.poll(() => page.getByTestId('active-vectors').first().textContent(), POLL).toMatch(/toy-fruit/);
    // The answer now comes from the toy model: its neighbours are toy-fruit words, not Brown's.
    await expect.poll(async () => (await neighbourWords(page)).join(' '), POLL).not.toBe(shippedAnswer.join(' '));
    // Scored in a worker once chosen.
    await expect.poll(() => page.getByTestId('active-vectors-scores').textContent(), { timeout: 120_000 }).toMatch(/^analogies /);
    expectCleanPage(watch);
    await context.close();
  }, TEST_TIMEOUT);
});
