// A reload in mid-training: the page asks before throwing away unsaved training, and after the reload it says what
// came back (the settings, from the link) and what did not (the model; an own text, which it asks for again instead
// of training on Brown).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch } from './browser';
import { LAB_TIMEOUT, openLab, ownText, TEST_TIMEOUT, waitForNumber } from './labHelpers';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** Reload as a student would (F5), answering the leave-page prompt; returns the prompts seen. */
async function reloadAccepting(page: Page): Promise<string[]> {
  const prompts: string[] = [];
  page.on('dialog', (d) => {
    prompts.push(d.type());
    void d.accept();
  });
  await page.reload();
  return prompts;
}

const reloadNote = (page: Page) => page.getByRole('status').filter({ hasText: 'The page was reloaded' });

describe('lab: reload in mid-training', () => {
  it('asks before leaving unsaved training, then says the model was not restored', async () => {
    const { page, context } = await openLab(browser, '/#/lab?corpus=toy-fruit&engine=cpu&epochs=100&mapN=50');
    await page.getByRole('button', { name: 'Start training', exact: true }).click();
    await waitForNumber(page, 'Current loss');
    const prompts = await reloadAccepting(page);
    await expect.poll(() => reloadNote(page).count(), { timeout: LAB_TIMEOUT }).toBe(1);
    expect(prompts).toEqual(['beforeunload']);
    expect(await reloadNote(page).textContent()).toContain('the settings came back from the link, but a model that was training is not restored');
    expect(await page.getByLabel('Corpus', { exact: true }).inputValue()).toBe('toy-fruit');
    expect(await page.getByLabel('Epochs', { exact: true }).inputValue()).toBe('100');
    await context.close();
  }, TEST_TIMEOUT);

  it('saved training reloads without a prompt', async () => {
    const { page, context } = await openLab(browser, '/#/lab?corpus=toy-fruit&engine=cpu&epochs=3&mapN=50');
    await page.getByRole('button', { name: 'Start training', exact: true }).click();
    await expect.poll(() => page.locator('.status-line').textContent(), { timeout: LAB_TIMEOUT }).toMatch(/Finished 3 epochs/);
    await page.getByRole('button', { name: 'Save model' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Saved “' }).count(), { timeout: LAB_TIMEOUT }).toBe(1);
    const prompts = await reloadAccepting(page);
    await expect.poll(() => reloadNote(page).count(), { timeout: LAB_TIMEOUT }).toBe(1);
    expect(prompts).toEqual([]);
    await context.close();
  }, TEST_TIMEOUT);

  it('with an own text, asks for the file again instead of training on Brown', async () => {
    const { page, context } = await openLab(browser, '/#/lab?engine=cpu&minCount=2&mapN=50&epochs=100');
    await page.getByLabel(/Your own text/).setInputFiles({ name: 'my-notes.txt', mimeType: 'text/plain', buffer: Buffer.from(ownText()) });
    await expect.poll(() => page.getByLabel('Corpus', { exact: true }).inputValue()).toBe('file');
    await page.getByRole('button', { name: 'Start training', exact: true }).click();
    await waitForNumber(page, 'Current loss');
    await reloadAccepting(page);
    await expect.poll(() => reloadNote(page).count(), { timeout: LAB_TIMEOUT }).toBe(1);
    expect(await reloadNote(page).textContent()).toContain('Your own text is not in the link either: choose the .txt file again');
    expect(await page.getByLabel('Corpus', { exact: true }).inputValue()).toBe('file');
    const linkNote = page.getByRole('note', { name: 'Link settings' });
    expect(await linkNote.textContent()).toContain('choose the .txt file again below');
    expect(await linkNote.textContent()).not.toMatch(/sender|Brown/);
    await context.close();
  }, TEST_TIMEOUT);
});
