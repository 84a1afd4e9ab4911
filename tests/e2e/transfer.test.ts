// The Transfer curve playground as a student uses it: choose the vectors, type the sizes and seeds, run, watch the
// progress, read a table and a reading that match the core run here on the same files; cancel a long run.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { launch, openPage } from './browser';
import { readCompact } from '../../src/core/vectors/formats';
import { brownGenreDocs } from '../../src/core/transfer/brownDocs';
import { runTransferCurve } from '../../src/core/transfer/transferCurve';
import { readCurve } from '../../src/core/transfer/curveReading';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const WAIT = { timeout: 200_000, interval: 500 };
const spreadText = (s: { mean: number; min: number; max: number }) => `${(100 * s.mean).toFixed(1)} (${(100 * s.min).toFixed(0)}-${(100 * s.max).toFixed(0)})`;

describe('transfer playground', () => {
  it('runs a small curve in a worker with progress, and shows the core numbers and reading', async () => {
    const kv = readCompact(new Uint8Array(readFileSync('public/vectors/sotu-sg100.elv'))).kv;
    const collection = brownGenreDocs(readFileSync('public/corpora/brown.txt', 'utf8'), JSON.parse(readFileSync('public/corpora/brown-docs.json', 'utf8')));
    const expected = runTransferCurve(collection, kv, { sizes: [4, 8], seeds: [1, 2] });
    const { page, watch, context } = await openPage(browser, '/#/playgrounds/transfer');
    await page.getByLabel('Pre-trained vectors').selectOption('sotu-sg100.elv');
    await page.getByLabel('Labelled documents').fill('8, 4');
    await page.getByLabel('Seeds').fill('2');
    await page.getByRole('button', { name: 'Run the curve' }).click();
    await expect.poll(() => page.getByTestId('transfer-status').textContent(), WAIT).toMatch(/of 12 runs/);
    await page.getByRole('table', { name: 'Transfer curve results' }).waitFor({ timeout: WAIT.timeout });
    for (const p of expected.points) {
      for (const arm of ['random', 'frozen', 'finetune'] as const) {
        expect(await page.locator(`tr[data-size="${p.size}"] td[data-arm="${arm}"]`).textContent()).toBe(spreadText(p.arms[arm]!));
      }
    }
    expect(await page.getByTestId('transfer-reading').textContent()).toContain(readCurve(expected).summary);
    await expect.poll(() => page.getByRole('figure', { name: 'Transfer curve' }).getAttribute('data-drawn'), WAIT).not.toBe('0');
    expect(page.url()).toContain('sizes=4%2C8');
    expect(watch.pageErrors).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
    await context.close();
  }, 300_000);

  it('cancels a long run and refuses a size beyond the training pool', async () => {
    const { page, context } = await openPage(browser, '/#/playgrounds/transfer?sizes=401&seeds=1');
    await page.getByRole('button', { name: 'Run the curve' }).click();
    await expect.poll(() => page.getByRole('alert').textContent(), WAIT).toContain('"401" is not a number of documents from 1 to 400');
    await page.getByLabel('Labelled documents').fill('30, 60, 120, 240, 400');
    await page.getByLabel('Seeds').fill('5');
    await page.getByRole('button', { name: 'Run the curve' }).click();
    await expect.poll(() => page.getByRole('progressbar', { name: 'Transfer curve progress' }).count(), WAIT).toBe(1);
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => page.getByRole('alert').textContent(), WAIT).toContain('Cancelled');
    expect(await page.getByRole('progressbar').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Run the curve' }).isEnabled()).toBe(true);
    await context.close();
  }, 300_000);
});
