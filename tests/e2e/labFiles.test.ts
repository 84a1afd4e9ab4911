// The student's own text: picked or dropped, read with a progress bar, trained on in the page. A file that is not
// text, or is empty, is refused with a message and changes nothing else.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch } from './browser';
import { LAB_TIMEOUT, TEST_TIMEOUT, expectCleanPage, openLab, ownText, waitForNumber } from './labHelpers';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

// The first bytes of a PNG: a binary header with zero bytes, as any image or archive has.
const PNG_BYTES = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0]);

describe('lab: your own text', () => {
  it('trains on an uploaded .txt, and refuses a binary or empty file without changing anything', async () => {
    const { page, watch, context } = await openLab(browser, '/#/lab?engine=cpu&minCount=2&mapN=100&epochs=5');
    const picker = page.getByLabel(/Your own text/);
    await picker.setInputFiles({ name: 'my-notes.txt', mimeType: 'text/plain', buffer: Buffer.from(ownText()) });
    await expect.poll(() => page.getByLabel('Corpus', { exact: true }).inputValue()).toBe('file');
    expect(await page.getByText('Using my-notes.txt').count()).toBe(1);
    // The link records that an own text is used, never the text itself (a link opened elsewhere asks for the file).
    expect(page.url()).toContain('corpus=file');

    await page.getByRole('button', { name: 'Start training', exact: true }).click();
    await waitForNumber(page, 'Current loss', 60_000);
    await expect.poll(() => page.getByLabel('Corpus summary').textContent(), { timeout: LAB_TIMEOUT }).toContain('my-notes.txt: 2,320 words');
    await expect.poll(() => page.locator('figure[aria-label="Embedding map"]').getAttribute('data-points'), { timeout: LAB_TIMEOUT }).not.toBe('0');

    // A binary file: a clear message, and the corpus, the model and the map stay as they were.
    await picker.setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: PNG_BYTES });
    const alert = page.getByRole('alert').filter({ hasText: 'photo.png' });
    await expect.poll(() => alert.textContent()).toContain('is not a text file');
    expect(await page.getByLabel('Corpus', { exact: true }).inputValue()).toBe('file');
    expect(await page.getByText('my-notes.txt', { exact: false }).count()).toBeGreaterThan(0);
    expect(Number.isNaN(Number(await page.getByLabel('Current loss').textContent()))).toBe(false);

    // An empty file.
    await picker.setInputFiles({ name: 'empty.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) });
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'empty.txt' }).textContent()).toContain('is empty');
    // Latin-1 bytes that are not UTF-8: named with the offending line.
    await picker.setInputFiles({ name: 'latin1.txt', mimeType: 'text/plain', buffer: Buffer.from('caf\xe9 au lait\nna\xefve\n', 'latin1') });
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'latin1.txt' }).textContent()).toContain('not UTF-8 text');
    expect(await page.getByRole('alert').filter({ hasText: 'latin1.txt' }).textContent()).toContain('line 1');

    expectCleanPage(watch);
    await context.close();
  }, TEST_TIMEOUT);

  it('accepts a file dropped on the corpus box', async () => {
    const { page, watch, context } = await openLab(browser, '/#/lab?engine=cpu&minCount=2');
    await page.getByTestId('corpus-drop-zone').waitFor();
    const text = ownText();
    const dataTransfer = await page.evaluateHandle((t) => {
      const dt = new DataTransfer();
      dt.items.add(new File([t], 'dropped.txt', { type: 'text/plain' }));
      return dt;
    }, text);
    await page.dispatchEvent('[data-testid="corpus-drop-zone"]', 'drop', { dataTransfer });
    await expect.poll(() => page.getByLabel('Corpus', { exact: true }).inputValue()).toBe('file');
    expect(await page.getByText('Using dropped.txt').count()).toBe(1);
    expectCleanPage(watch);
    await context.close();
  }, TEST_TIMEOUT);
});
