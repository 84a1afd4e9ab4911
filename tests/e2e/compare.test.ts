// The Compare playground as a student uses it: pick two shipped spaces and their second seeds, compare, and read
// retrieval and neighbour-shift figures that match the core run here on the same files.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { launch, openPage } from './browser';
import { readCompact, readVectors } from '../../src/core/vectors/formats';
import type { KeyedVectors } from '../../src/core/vectors/keyedVectors';
import { compareSpaces, DEFAULT_COMPARE } from '../../src/core/align/compareSpaces';
import { parseSeedDictionary } from '../../src/core/align/seedDictionary';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const load = (id: string) => readCompact(new Uint8Array(readFileSync(`public/vectors/${id}.elv`))).kv;
const WAIT = { timeout: 170_000, interval: 500 };
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

describe('compare playground', () => {
  it('retrieves held-out words across spaces and lists words that moved beyond seed noise, as the core does', async () => {
    const expected = compareSpaces(load('brown-sg100'), load('sotu-sg100'), { a: load('brown-sg100-seed2'), b: load('sotu-sg100-seed2') });
    const { page, watch, context } = await openPage(browser, '/#/playgrounds/compare');
    // The defaults: Brown against SOTU, each with its second seed.
    await expect.poll(() => page.getByLabel('Space B', { exact: true }).inputValue(), WAIT).toBe('sotu-sg100');
    expect(await page.getByLabel('Space A, another seed').inputValue()).toBe('brown-sg100-seed2');
    await page.getByRole('button', { name: 'Compare', exact: true }).click();
    await page.getByRole('table', { name: 'Retrieval scores' }).waitFor({ timeout: WAIT.timeout });
    expect(await page.getByTestId('p1-orthogonal').textContent()).toBe(pct(expected.retrieval[0]!.precisionAt1));
    expect(await page.getByTestId('p1-seeds').textContent()).toBe(pct(expected.retrievalSeeds!.precisionAt1));
    const moved = await page.getByRole('table', { name: 'Words that moved' }).locator('tbody tr').evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).dataset.word));
    expect(moved).toEqual(expected.shift!.movedBeyondNoise.map((w) => w.word));
    expect(await page.getByTestId('shift-summary').textContent()).toContain(pct(expected.shift!.meanDomain.mean));
    expect(page.url()).toContain('b2=sotu-sg100-seed2');
    expect(watch.pageErrors).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
    await context.close();
  }, 300_000);

  it("aligns two of the user's own vectors files, read in the page, as the core does", async () => {
    // Two word2vec text files a student could have trained: Brown with two seeds, first 3,000 words each.
    const asText = (kv: KeyedVectors, n: number) => {
      const rows = [`${n} ${kv.dim}`];
      for (let i = 0; i < n; i++) rows.push(`${kv.words[i]} ${Array.from(kv.vectors.subarray(i * kv.dim, (i + 1) * kv.dim), (x) => x.toFixed(5)).join(' ')}`);
      return rows.join('\n') + '\n';
    };
    const textA = asText(load('brown-sg100'), 3000);
    const textB = asText(load('brown-sg100-seed2'), 3000);
    const [kvA, kvB] = await Promise.all([readVectors(Buffer.from(textA)), readVectors(Buffer.from(textB))]);
    const expected = compareSpaces(kvA, kvB, null);
    const { page, watch, context } = await openPage(browser, '/#/playgrounds/compare');
    await page.getByLabel('Your space A file').setInputFiles({ name: 'mine-a.txt', mimeType: 'text/plain', buffer: Buffer.from(textA) });
    await page.getByLabel('Your space B file').setInputFiles({ name: 'mine-b.txt', mimeType: 'text/plain', buffer: Buffer.from(textB) });
    await page.getByRole('button', { name: 'Align my files' }).click();
    await page.getByRole('table', { name: 'Retrieval scores' }).waitFor({ timeout: WAIT.timeout });
    expect(await page.getByTestId('p1-orthogonal').textContent()).toBe(pct(expected.retrieval[0]!.precisionAt1));
    expect(await page.getByTestId('p1-least-squares').textContent()).toBe(pct(expected.retrieval[1]!.precisionAt1));
    expect(await page.getByText('there is no noise ceiling here').count()).toBe(1);
    expect(watch.pageErrors).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
    await context.close();
  }, 300_000);

  it('aligns two "languages" through a seed dictionary the student loads, and names a bad dictionary line', async () => {
    // A made-up second language: Brown seed 2 with every word spelled backwards, and a dictionary of translations.
    // The two files share (almost) no word, so only the dictionary can pair them, as with two real languages.
    const flip = (w: string) => [...w].reverse().join('');
    const n = 2000;
    const a = load('brown-sg100');
    const b2 = load('brown-sg100-seed2');
    const rows = (words: readonly string[], kv: KeyedVectors) =>
      [`${n} ${kv.dim}`, ...words.slice(0, n).map((w, i) => `${w} ${Array.from(kv.vectors.subarray(i * kv.dim, (i + 1) * kv.dim), (x) => x.toFixed(5)).join(' ')}`)].join('\n') + '\n';
    const textA = rows(a.words, a);
    const textB = rows(b2.words.map(flip), b2);
    const dictionary = b2.words.slice(0, n).map((w) => `${w} ${flip(w)}`).join('\n') + '\n';
    const [kvA, kvB] = await Promise.all([readVectors(Buffer.from(textA)), readVectors(Buffer.from(textB))]);
    const expected = compareSpaces(kvA, kvB, null, DEFAULT_COMPARE, parseSeedDictionary(dictionary, 'en-backwards.txt'));
    expect(expected.retrieval[0]!.precisionAt1).toBeGreaterThan(0.5);
    const { page, watch, context } = await openPage(browser, '/#/playgrounds/compare');
    await page.getByLabel('Your space A file').setInputFiles({ name: 'english.txt', mimeType: 'text/plain', buffer: Buffer.from(textA) });
    await page.getByLabel('Your space B file').setInputFiles({ name: 'backwards.txt', mimeType: 'text/plain', buffer: Buffer.from(textB) });
    await page.getByLabel('Seed dictionary (optional)').setInputFiles({ name: 'en-backwards.txt', mimeType: 'text/plain', buffer: Buffer.from(dictionary) });
    await page.getByRole('button', { name: 'Align my files' }).click();
    await page.getByRole('table', { name: 'Retrieval scores' }).waitFor({ timeout: WAIT.timeout });
    expect(await page.getByTestId('p1-orthogonal').textContent()).toBe(pct(expected.retrieval[0]!.precisionAt1));
    // A dictionary line that is not a pair stops the run with the file and line.
    await page.getByLabel('Seed dictionary (optional)').setInputFiles({ name: 'broken.txt', mimeType: 'text/plain', buffer: Buffer.from('the eht\nof\n') });
    await page.getByRole('button', { name: 'Align my files' }).click();
    await expect.poll(() => page.getByRole('alert').textContent(), WAIT).toContain('broken.txt:2: expected two words');
    expect(watch.pageErrors).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
    await context.close();
  }, 300_000);

  it('says what is wrong with a file that is not vectors', async () => {
    const { page, context } = await openPage(browser, '/#/playgrounds/compare');
    await page.getByLabel('Your space A file').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('dear diary\ntoday I trained nothing\n') });
    await page.getByLabel('Your space B file').setInputFiles({ name: 'notes2.txt', mimeType: 'text/plain', buffer: Buffer.from('3 2\nfoo 1 2\n') });
    await page.getByRole('button', { name: 'Align my files' }).click();
    await expect.poll(() => page.getByRole('alert').textContent(), WAIT).toMatch(/notes/);
    await context.close();
  }, 120_000);

  it('refuses to compare a space with itself', async () => {
    const { page, context } = await openPage(browser, '/#/playgrounds/compare?a=brown-sg100&b=brown-sg100');
    await expect.poll(() => page.getByLabel('Space B', { exact: true }).inputValue(), WAIT).toBe('brown-sg100');
    await page.getByRole('button', { name: 'Compare', exact: true }).click();
    await expect.poll(() => page.getByRole('alert').textContent(), WAIT).toContain('the same set');
    await context.close();
  });
});
