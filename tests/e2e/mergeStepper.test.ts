// The BPE / WordPiece stepper as a student uses it in the "challenges" lesson: merge on a corpus, see the merges,
// the words split and the held-out coverage grow; switch to WordPiece. The first merges are checked against the
// core learner run here on the same corpus and split.
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { splitCounts } from '../../src/core/text/subwords/heldOut';
import { MergeLearner } from '../../src/core/text/subwords/mergeLearner';
import { launch, openPage } from './browser';
import { loadLessons, widgetStep } from './lessonsData';

const WAIT = { timeout: 120_000, interval: 300 };
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

function firstMerges(scheme: 'bpe' | 'wordpiece', n: number): string[] {
  const split = splitCounts(readFileSync('public/corpora/toy-fruit.txt', 'utf8'), 0.1);
  const l = new MergeLearner(split.train, scheme);
  l.growTo(l.size + n);
  return l.merges.map((m) => m.merged);
}

describe('merge stepper', () => {
  it('merges step by step on a corpus, splits words and measures held-out coverage', async () => {
    const lesson = loadLessons().find((l) => l.id === 'challenges')!;
    const { page, watch, context } = await openPage(browser, `/#/lessons/challenges/${widgetStep(lesson, 'merges') + 1}`);
    const w = page.locator('section.widget[data-widget="merges"]').first();
    await w.getByLabel('Corpus').selectOption('toy-fruit');
    await expect.poll(() => w.getByLabel('Merge status').textContent(), WAIT).toContain('after 0 merges');
    await w.getByRole('button', { name: '1 merge', exact: true }).click();
    await expect.poll(() => w.getByLabel('Merge status').textContent(), WAIT).toContain('after 1 merges');
    const expected = firstMerges('bpe', 10);
    await expect.poll(() => w.getByRole('table', { name: 'Latest merges' }).locator('tbody tr').first().textContent(), WAIT).toContain(`→ ${expected[0]}`);
    await w.getByRole('button', { name: '10 merges', exact: true }).click();
    await expect.poll(() => w.getByLabel('Merge status').textContent(), WAIT).toContain('after 11 merges');
    await expect.poll(() => w.getByRole('table', { name: 'Vocabulary size against held-out coverage' }).locator('tbody tr').count(), WAIT).toBe(3);
    await w.getByLabel('Words to split').fill('apples');
    await expect.poll(() => w.getByLabel('How the words split').textContent(), WAIT).toMatch(/^apples: /);
    await w.getByLabel('Scheme').selectOption('wordpiece');
    await expect.poll(() => w.getByLabel('Merge status').textContent(), WAIT).toContain('after 0 merges');
    await w.getByRole('button', { name: '1 merge', exact: true }).click();
    await expect.poll(() => w.getByRole('table', { name: 'Latest merges' }).locator('tbody tr').first().textContent(), WAIT).toContain(`→ ${firstMerges('wordpiece', 1)[0]}`);
    expect(watch.pageErrors).toEqual([]);
    await context.close();
  });
});
