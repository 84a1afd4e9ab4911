// The recommendation widget of lesson 08 as a student uses it: answer the prediction, read the generating model,
// start training and cancel it, train again (keyboard), compare the page's hit rates with the core's on the same
// seeds, click films into a history and read the recommendations and their reasons, and place a new film from the
// metadata chosen.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, openPage, type Watch } from './browser';
import { answerPredictionFor, loadLessons, POLL, widgetStep } from './lessonsData';
import { runSeed, summarize } from '../../src/core/recommend/experiment';

const lesson = loadLessons().find((l) => l.id === 'applications')!;
/** Training three seeds of 500 sessions takes a few seconds on one core; a loaded machine needs more. */
const TRAIN = { ...POLL, timeout: 180_000 };

let browser: Browser;
let page: Page;
let watch: Watch;
beforeAll(async () => {
  browser = await launch();
  ({ page, watch } = await openPage(browser, '/#/lessons'));
});
afterAll(async () => {
  await browser?.close();
});

const text = (l: ReturnType<Page['locator']>) => l.textContent().then((t) => t ?? '');

describe('recommendation widget (item2vec on generated sessions)', () => {
  it('trains in a worker with progress, cancels, and shows the same figures as the core', async () => {
    const step = widgetStep(lesson, 'recommend');
    await page.goto(page.url().replace(/#.*$/, `#/lessons/applications/${step + 1}`));
    await answerPredictionFor(page, lesson, step, 'recommend');
    const w = page.locator('section.widget[data-widget="recommend"]').first();
    await w.waitFor();
    // The generating model is on the page, with example sessions.
    await expect.poll(() => text(w.getByLabel('Generating model')), POLL).toContain('Generated data, from a declared model');
    await expect.poll(() => w.getByLabel('Example sessions').locator('li').count(), POLL).toBe(3);

    // A long run (8,000 sessions x 5 seeds) shows progress and stops on Cancel.
    await w.getByLabel('Sessions in the log').selectOption('8000');
    await w.getByLabel('Seeds').selectOption('5');
    await w.getByRole('button', { name: 'Train item2vec' }).click();
    await expect.poll(async () => Number(await w.getByLabel('Training progress').getAttribute('value')), TRAIN).toBeGreaterThan(0);
    await w.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => text(w.getByRole('status')), POLL).toContain('Training cancelled');
    expect(await w.getByLabel('Hit rate at 10').count()).toBe(0);

    // Three seeds of 500 sessions, started from the keyboard.
    await w.getByLabel('Sessions in the log').selectOption('500');
    await w.getByLabel('Seeds').selectOption('3');
    await w.getByRole('button', { name: 'Train item2vec' }).focus();
    await page.keyboard.press('Enter');
    const rows = w.getByLabel('Hit rate at 10').locator('tbody tr');
    await expect.poll(() => rows.count(), TRAIN).toBe(3);
    const runs = [];
    for (const seed of [1, 2, 3]) runs.push((await runSeed(seed, { shop: { sessions: 500 } })).result);
    const core = summarize(runs, 500);
    const cell = async (r: number, c: number) => text(rows.nth(r).locator('td').nth(c));
    expect(await cell(0, 1)).toBe(`${core.hitRate.item2vec.mean.toFixed(3)} ± ${core.hitRate.item2vec.sd.toFixed(3)}`);
    expect(await cell(1, 1)).toBe(`${core.hitRate.popularity.mean.toFixed(3)} ± ${core.hitRate.popularity.sd.toFixed(3)}`);
    expect(await cell(2, 2)).toBe(`${core.ndcg.random.mean.toFixed(3)} ± ${core.ndcg.random.sd.toFixed(3)}`);
    await expect.poll(() => text(w.getByLabel('Verdict')), POLL).toContain(
      core.item2vecVsPopularity.beyondNoise ? 'beats popularity beyond the seed noise' : 'does NOT beat popularity',
    );
    await expect.poll(() => text(w.getByLabel('Cold-start summary')), POLL).toContain(
      `finds ${core.coldStart.metadata.mean.toFixed(3)} ± ${core.coldStart.metadata.sd.toFixed(3)} of its true neighbours; placed at a random film, ${core.coldStart.random.mean.toFixed(3)} ± ${core.coldStart.random.sd.toFixed(3)}`,
    );
  }, 400_000);

  it('recommends from the history a student clicks, with the reason', async () => {
    const w = page.locator('section.widget[data-widget="recommend"]').first();
    const recs = w.getByLabel('Recommendations').locator('tbody tr');
    // The lesson's history: two budget science-fiction films.
    await expect.poll(() => recs.count(), POLL).toBe(10);
    expect(await text(recs.first().locator('td').nth(2))).toBe('scifi');
    await w.getByRole('button', { name: 'Clear history' }).click();
    await expect.poll(() => text(w.getByRole('alert')), POLL).toContain('Click films in the catalogue');
    await w.getByRole('button', { name: 'comedy-premium-1', exact: true }).click();
    await w.getByRole('button', { name: 'comedy-premium-3', exact: true }).click();
    await expect.poll(() => w.getByLabel('History').locator('li').allTextContents(), POLL).toEqual(['comedy-premium-1', 'comedy-premium-3']);
    expect(await w.getByRole('button', { name: 'comedy-premium-1', exact: true }).getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => text(recs.first().locator('td').nth(2)), POLL).toBe('comedy');
    expect(['comedy-premium-1', 'comedy-premium-3']).toContain(await text(recs.first().locator('td').nth(5)));
    // The step's link keeps the history, so a shared link reopens the widget with it.
    await expect.poll(() => decodeURIComponent(page.url()), POLL).toMatch(/\.history=comedy-premium-1,comedy-premium-3/);
    // A film clicked twice leaves the history.
    await w.getByRole('button', { name: 'comedy-premium-3', exact: true }).click();
    await expect.poll(() => w.getByLabel('History').locator('li').allTextContents(), POLL).toEqual(['comedy-premium-1']);
  });

  it('places a new film from the metadata the student gives, against its true neighbours', async () => {
    const w = page.locator('section.widget[data-widget="recommend"]').first();
    const cold = w.getByLabel('Cold start');
    await cold.getByLabel("New film's genre").selectOption('drama');
    await cold.getByLabel("New film's price band").selectOption('budget');
    await expect.poll(() => text(cold), POLL).toContain('drama-budget-8 has no interactions');
    const precision = () => text(cold.getByLabel('Cold-start precision'));
    await expect.poll(precision, POLL).toMatch(/^\d of its 7 nearest films are true neighbours \(\d+%\); placed at a random film: \d+%\.$/);
    const both = Number(/^(\d)/.exec(await precision())![1]);
    expect(both).toBeGreaterThanOrEqual(4);
    await expect.poll(() => cold.getByLabel("New film's neighbours").locator('tbody tr').count(), POLL).toBe(10);
    // Telling the recommender nothing places the film at the catalogue's mean: it finds fewer true neighbours.
    await cold.getByLabel('Tell the recommender its genre').uncheck();
    await cold.getByLabel('Tell the recommender its price band').uncheck();
    await expect.poll(() => text(cold), POLL).toContain('nothing (the mean of the whole catalogue)');
    await expect.poll(async () => Number(/^(\d)/.exec(await precision())![1]), POLL).toBeLessThan(both);
  });

  it('kept the page free of errors and of requests to other origins', () => {
    expect(watch.pageErrors).toEqual([]);
    expect(watch.consoleErrors.filter((e) => !/favicon/.test(e))).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
  });
});
