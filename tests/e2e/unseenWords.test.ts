// fastText's unseen words, used as a student would: the playground builds a misspelling from its n-grams and sets it
// beside its correct form; typing another word updates the parts and neighbours; the lesson widget shows the same
// model. Expected answers come from the core reading the same shipped file.
import { readFileSync } from 'node:fs';
import type { Browser, Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSubwordModel } from '../../src/core/models/fasttext/subwordModelFile';
import { launch, openPage } from './browser';
import { loadLessons, widgetStep } from './lessonsData';

const WAIT = { timeout: 120_000, interval: 300 };
const { kv } = readSubwordModel(new Uint8Array(readFileSync('public/vectors/brown-ft.elft')));
const neighboursOf = (w: string) => kv.nearestToVector(kv.vectorOf(w), 8, new Set(kv.has(w) ? [kv.indexOf(w)] : [])).map((x) => x.word);
const items = (l: Locator) => l.locator('li').evaluateAll((els) => els.map((e) => e.firstChild?.textContent?.trim() ?? ''));

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('unseen words playground', () => {
  it('builds a misspelling from its n-grams, beside its correct form, and follows what is typed', async () => {
    const { page, watch, context } = await openPage(browser, '/#/playgrounds/unseen?word=recieve&other=receive');
    await expect.poll(() => page.getByLabel('Vocabulary status of recieve').textContent(), WAIT).toContain('not in');
    expect(kv.has('recieve')).toBe(false);
    const parts = page.getByRole('table', { name: 'Parts of the vector' }).locator('tbody tr');
    await expect.poll(() => parts.count(), WAIT).toBeGreaterThan(5);
    await expect.poll(() => items(page.getByLabel('Neighbours of recieve')), WAIT).toEqual(neighboursOf('recieve'));
    await expect.poll(() => items(page.getByLabel('Neighbours of receive')), WAIT).toEqual(neighboursOf('receive'));
    await expect.poll(() => page.getByLabel('Cosine between the two words').textContent(), WAIT).toMatch(/cosine\(“recieve”, “receive”\) = 0\.\d{3}/);

    await page.getByRole('textbox', { name: 'Word', exact: true }).fill('goverment');
    await expect.poll(() => items(page.getByLabel('Neighbours of goverment')), WAIT).toContain('government');
    await expect.poll(() => page.url(), WAIT).toContain('word=goverment');
    await page.getByRole('textbox', { name: 'Word', exact: true }).fill('war');
    await expect.poll(() => page.getByLabel('Vocabulary status of war').textContent(), WAIT).toContain('is in');
    await expect.poll(() => page.getByRole('table', { name: 'Parts of the vector' }).textContent(), WAIT).toContain('war (word)');
    await page.getByRole('textbox', { name: 'Word', exact: true }).fill('');
    await expect.poll(() => page.getByRole('alert').first().textContent(), WAIT).toContain('Type a word');
    expect(watch.pageErrors).toEqual([]);
    await context.close();
  });

  it('the lesson widget uses the same model', async () => {
    const lesson = loadLessons().find((l) => l.id === 'beyond-word2vec')!;
    const step = widgetStep(lesson, 'subword');
    const { page, context } = await openPage(browser, `/#/lessons/beyond-word2vec/${step + 1}`);
    const w = page.locator('section.widget[data-widget="subword"]').first();
    await w.getByRole('textbox', { name: 'Word', exact: true }).fill('telescopes');
    await expect.poll(() => items(w.getByLabel('Neighbours of telescopes')), WAIT).toEqual(neighboursOf('telescopes'));
    await expect.poll(() => w.getByLabel('Model used').textContent(), WAIT).toContain('fastText');
    await context.close();
  });
});
