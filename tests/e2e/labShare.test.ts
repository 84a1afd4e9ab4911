// Sharing a lab: every setting lives in the link (seed included), bad values fall back with a note, an instructor
// hides control groups, and the presenter's keys drive training (but not while typing in a field).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { DEFAULT_LAB_CONFIG } from '../../src/state/labConfig';
import { launch } from './browser';
import { LAB_TIMEOUT, TEST_TIMEOUT, expectCleanPage, openLab, progressPercent, statusLine } from './labHelpers';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('lab: links and keys', () => {
  it('puts every setting in the link and reopens it with the same settings', async () => {
    const { page, watch, context } = await openLab(browser, '/#/lab');
    await page.getByLabel('Model', { exact: true }).selectOption('cbow');
    await page.getByLabel('Corpus', { exact: true }).selectOption('toy-royals');
    await page.getByLabel('Dimensions').fill('24');
    await page.getByLabel('Dimensions').press('Enter');
    await page.getByLabel('Seed').fill('7');
    await page.getByLabel('Seed').press('Tab');
    await page.getByLabel('Hierarchical softmax').check();
    await page.getByLabel('Words on the map').fill('150');
    await page.getByLabel('Words on the map').press('Enter');
    await page.getByRole('button', { name: 'Share link', exact: true }).click();
    const link = await page.getByLabel('Link to this lab').inputValue();
    expect(link).toBe(page.url());
    for (const p of ['model=cbow', 'corpus=toy-royals', 'dim=24', 'seed=7', 'hs=1', 'mapN=150']) expect(link).toContain(p);
    expectCleanPage(watch);
    await context.close();

    // A classmate opens the link in a fresh browser profile.
    const other = await openLab(browser, link.slice(link.indexOf('/#/')));
    const p2 = other.page;
    await expect.poll(() => p2.getByLabel('Model', { exact: true }).inputValue()).toBe('cbow');
    expect(await p2.getByLabel('Corpus', { exact: true }).inputValue()).toBe('toy-royals');
    expect(await p2.getByLabel('Dimensions').inputValue()).toBe('24');
    expect(await p2.getByLabel('Seed').inputValue()).toBe('7');
    expect(await p2.getByLabel('Hierarchical softmax').isChecked()).toBe(true);
    expect(await p2.getByLabel('Words on the map').inputValue()).toBe('150');
    expectCleanPage(other.watch);
    await other.context.close();
  }, TEST_TIMEOUT);

  it('ignores bad values in a link with a visible note, and keeps the good ones', async () => {
    const { page, watch, context } = await openLab(browser, '/#/lab?dim=abc&model=transformer&window=3&hide=bogus');
    const note = page.getByRole('note', { name: 'Link settings' });
    await expect.poll(() => note.textContent()).toContain('Ignored dim=abc');
    expect(await note.textContent()).toContain('model=transformer');
    expect(await note.textContent()).toContain('hide=bogus');
    expect(await page.getByLabel('Dimensions').inputValue()).toBe(String(DEFAULT_LAB_CONFIG.dim));
    expect(await page.getByLabel('Model', { exact: true }).inputValue()).toBe('skipgram');
    expect(await page.getByLabel('Window').inputValue()).toBe('3');
    expectCleanPage(watch);
    await context.close();
  }, TEST_TIMEOUT);

  it('lets an instructor hide control groups for a focused lab', async () => {
    const { page, watch, context } = await openLab(browser, '/#/lab');
    await page.getByText('Instructor: share a focused lab').click();
    await page.getByLabel('Corpus picker').check();
    await page.getByLabel('Model and hyper-parameters').check();
    expect(page.url()).toContain('hide=corpus%2Cmodel');
    const link = page.url();
    await context.close();

    const student = await openLab(browser, link.slice(link.indexOf('/#/')));
    const p = student.page;
    await p.getByRole('button', { name: 'Start training', exact: true }).waitFor();
    expect(await p.getByLabel('Corpus', { exact: true }).count()).toBe(0);
    expect(await p.getByLabel('Dimensions').count()).toBe(0);
    expect(await p.getByLabel('Engine', { exact: true }).count()).toBe(1);
    expectCleanPage(student.watch);
    expectCleanPage(watch);
    await student.context.close();
  }, TEST_TIMEOUT);

  it('space starts, pauses and resumes; the right arrow steps; typing in a field is left alone', async () => {
    const { page, watch, context } = await openLab(browser, '/#/lab?corpus=toy-fruit&engine=cpu&speed=slow&epochs=10&mapN=100');
    await page.getByRole('button', { name: 'Start training', exact: true }).waitFor();
    await page.locator('h1').click(); // focus on the page, not on a control
    await page.keyboard.press('Space');
    await page.getByRole('button', { name: 'Pause', exact: true }).waitFor({ timeout: LAB_TIMEOUT });
    await page.keyboard.press('Space');
    await page.getByRole('button', { name: 'Resume', exact: true }).waitFor({ timeout: LAB_TIMEOUT });
    const before = await progressPercent(page);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => progressPercent(page), { timeout: LAB_TIMEOUT }).toBeGreaterThan(before);
    // Progress, snapshot and status arrive as separate worker messages: poll for the status, never read it once.
    await expect.poll(() => statusLine(page).textContent(), { timeout: LAB_TIMEOUT }).toMatch(/Paused after a step/);
    // A space typed in the search box is text, not a shortcut.
    await page.getByLabel('Find a word').fill('apple');
    await page.getByLabel('Find a word').press('Space');
    expect(await page.getByLabel('Find a word').inputValue()).toBe('apple ');
    expect(await page.getByRole('button', { name: 'Resume', exact: true }).count()).toBe(1);
    expectCleanPage(watch);
    await context.close();
  }, TEST_TIMEOUT);
});
