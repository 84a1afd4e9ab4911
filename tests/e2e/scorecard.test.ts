// The Scorecard playground as a student uses it: score the vectors in use, read every benchmark with its band,
// baselines and verdict (checked against the core run here on the same files), score a second set and read where
// the benchmarks order the two; and cancel a run from the keyboard.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { launch, openPage } from './browser';
import { axeViolations } from './axe';
import { readCompact } from '../../src/core/vectors/formats';
import { evaluateAnalogies } from '../../src/core/vectors/evaluation';
import { buildProbeDataset, parseTagLexicon } from '../../src/core/probe/probeData';
import { runProbe } from '../../src/core/probe/runProbe';
import { GENRE_TRAINING_DOCS, SCORECARD_SEEDS } from '../../src/core/scorecard/scorecard';
import { wilsonInterval } from '../../src/core/scorecard/intervals';
import { aheadBeyondNoise } from '../../src/core/scorecard/disagreement';
import { brownGenreDocs } from '../../src/core/transfer/brownDocs';
import { runTransferCurve } from '../../src/core/transfer/transferCurve';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** Scoring takes about half a minute on a quiet machine; polls allow for a busy one. */
const WAIT = { timeout: 400_000, interval: 500 };
const TEST_TIMEOUT = 900_000;

const analogies = readFileSync('data/eval/analogies.txt', 'utf8');
const lexicon = parseTagLexicon(JSON.parse(readFileSync('public/corpora/brown-pos.json', 'utf8')), 'brown-pos.json');
const shipped = (id: string) => readCompact(new Uint8Array(readFileSync(`public/vectors/${id}.elv`))).kv;
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

function analogyBand(id: string) {
  const kv = shipped(id);
  const a = evaluateAnalogies(kv, analogies, { restrict: kv.size, caseInsensitive: true }).overall;
  return { value: a.accuracy, ...wilsonInterval(a.correct, a.total) };
}


async function activeLabel(page: Page, startsWith: string): Promise<string> {
  await expect.poll(() => page.getByTestId('active-vectors').textContent(), WAIT).toMatch(new RegExp(`^${startsWith}`));
  return (await page.getByTestId('active-vectors').textContent())!;
}

describe('scorecard playground', () => {
  it('scores two sets on every benchmark and shows where the benchmarks order them', async () => {
    const { page, watch, context } = await openPage(browser, '/#/playgrounds/scorecard');
    const first = await activeLabel(page, 'Brown \\+ SOTU');
    await page.getByRole('button', { name: 'Score these vectors' }).click();
    await expect.poll(() => page.getByRole('progressbar', { name: 'Scoring progress' }).count(), WAIT).toBe(1);
    const card = page.getByRole('table', { name: `Scores of ${first}` });
    await card.waitFor({ timeout: WAIT.timeout });

    // Every benchmark is there, intrinsic and extrinsic, each with a band, baselines and a verdict.
    const rows = card.locator('tbody tr');
    expect(await rows.evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).dataset.benchmark))).toEqual([
      'analogy',
      'similarity',
      'probe',
      'genre',
      'search-mean',
      'search-sif',
    ]);
    const a1 = analogyBand('brown-sotu-sg100');
    expect(await card.getByTestId('score-analogy').textContent()).toBe(pct(a1.value));
    const probe = runProbe(buildProbeDataset(shipped('brown-sotu-sg100'), lexicon), { seeds: SCORECARD_SEEDS });
    expect(await card.getByTestId('score-probe').textContent()).toBe(pct(probe.accuracy.mean));
    const probeRow = card.locator('tr[data-benchmark="probe"]');
    expect(await probeRow.textContent()).toContain(`majority class ${pct(probe.majority.mean)}`);
    expect(await probeRow.textContent()).toContain(`control task ${pct(probe.control.mean)}`);
    expect(await probeRow.getAttribute('data-verdict')).toBe(probe.beyondBaselines ? 'beats' : 'within noise');
    expect(await card.locator('tr[data-benchmark="search-mean"]').textContent()).toContain('BM25 keywords');

    // A second set, chosen in the header as a student would.
    const select = page.getByLabel('Vectors in use');
    const option = select.locator('option', { hasText: /^Brown, skip-gram/ }).first();
    await select.selectOption((await option.getAttribute('value'))!);
    const second = await activeLabel(page, 'Brown, skip-gram');
    await page.getByRole('button', { name: 'Score these vectors' }).click();
    await page.getByRole('table', { name: `Scores of ${second}` }).waitFor({ timeout: WAIT.timeout });
    expect(await page.getByTestId('scorecard').count()).toBe(2);

    const region = page.getByRole('region', { name: 'Where the benchmarks disagree' });
    await region.waitFor({ timeout: WAIT.timeout });
    const ranks = region.getByRole('table', { name: 'Rank of each set per benchmark' });
    expect(await ranks.locator('tbody tr').count()).toBe(6);
    const line = await region.getByTestId('pair-orders').locator('li').textContent();
    const a2 = analogyBand('brown-sg100');
    const firstAhead = aheadBeyondNoise(a1, a2);
    expect(line!.includes(`${first} is ahead on Analogies (accuracy)`)).toBe(firstAhead);
    // Two cards and the comparison, as a student sees them, pass an axe-core scan.
    expect(await axeViolations(page)).toEqual([]);
    expect(watch.pageErrors).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
    await context.close();
  }, TEST_TIMEOUT);

  it('flags the pair two benchmarks order oppositely: the shipped CBOW and GloVe sets', async () => {
    // The figures the flag rests on, computed here with the scorecard's settings: probe and frozen genre classifier.
    const brown = brownGenreDocs(readFileSync('public/corpora/brown.txt', 'utf8'), JSON.parse(readFileSync('public/corpora/brown-docs.json', 'utf8')));
    const band = (x: { min: number; max: number }) => ({ low: x.min, high: x.max });
    const measured = (id: string) => {
      const kv = shipped(id);
      const probe = runProbe(buildProbeDataset(kv, lexicon), { seeds: SCORECARD_SEEDS }).accuracy;
      const genre = runTransferCurve(brown, kv, { arms: ['frozen'], sizes: [GENRE_TRAINING_DOCS], seeds: SCORECARD_SEEDS }).points[0]!.arms.frozen!;
      return { probe: band(probe), genre: band(genre) };
    };
    const cbow = measured('brown-cbow100');
    const glove = measured('brown-glove100');
    const { page, watch, context } = await openPage(browser, '/#/playgrounds/scorecard');
    const select = page.getByLabel('Vectors in use');
    const labels: string[] = [];
    for (const name of ['Brown, CBOW', 'Brown, GloVe']) {
      await activeLabel(page, 'Brown');
      const option = select.locator('option', { hasText: new RegExp(`^${name}`) }).first();
      await select.selectOption((await option.getAttribute('value'))!);
      const label = await activeLabel(page, name);
      labels.push(label);
      await page.getByRole('button', { name: 'Score these vectors' }).click();
      await page.getByRole('table', { name: `Scores of ${label}` }).waitFor({ timeout: WAIT.timeout });
    }
    const item = page.getByRole('region', { name: 'Where the benchmarks disagree' }).getByTestId('pair-orders').locator('li');
    const line = (await item.textContent())!;
    expect(line.includes(`${labels[0]} is ahead on Part-of-speech probe`)).toBe(aheadBeyondNoise(cbow.probe, glove.probe));
    expect(line.includes(`${labels[1]} is ahead on Genre classifier`)).toBe(aheadBeyondNoise(glove.genre, cbow.genre));
    const opposite = aheadBeyondNoise(cbow.probe, glove.probe) && aheadBeyondNoise(glove.genre, cbow.genre);
    if (opposite) expect(await item.getAttribute('data-conflict')).toBe('true');
    expect(line.startsWith('The benchmarks disagree')).toBe((await item.getAttribute('data-conflict')) === 'true');
    expect(watch.pageErrors).toEqual([]);
    await context.close();
  }, TEST_TIMEOUT);

  it('cancels a run from the keyboard and keeps no half card', async () => {
    const { page, watch, context } = await openPage(browser, '/#/playgrounds/scorecard');
    await activeLabel(page, 'Brown');
    const score = page.getByRole('button', { name: 'Score these vectors' });
    await score.focus();
    await page.keyboard.press('Enter');
    const cancel = page.getByRole('button', { name: 'Cancel scoring' });
    await cancel.waitFor({ timeout: WAIT.timeout });
    await cancel.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Scoring cancelled.' }).count(), WAIT).toBe(1);
    expect(await page.getByRole('progressbar', { name: 'Scoring progress' }).count()).toBe(0);
    expect(await page.getByTestId('scorecard').count()).toBe(0);
    expect(await score.isEnabled()).toBe(true);
    expect(watch.pageErrors).toEqual([]);
    await context.close();
  }, TEST_TIMEOUT);
});
