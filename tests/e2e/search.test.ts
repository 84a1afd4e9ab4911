// The search playground as a student uses it: type a query, see three ranked columns with the sentences that
// matched, then measure the three methods; every answer is checked against the core run here on the same files.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { launch, openPage } from './browser';
import { readCompact } from '../../src/core/vectors/formats';
import { documentsFromIndex } from '../../src/core/search/documents';
import { SearchEngine, evaluateSearch } from '../../src/core/search/searchEngine';
import { BROWN_GENRE_QUERIES } from '../../src/core/search/searchQueries';
import { pairedWinShare } from '../../src/core/search/rankingMetrics';
import { verdict } from '../../src/ui/playgrounds/SearchPlayground';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

// The playgrounds start on the first shipped set (public/vectors/index.json).
const { kv } = readCompact(new Uint8Array(readFileSync('public/vectors/brown-sotu-sg100.elv')));
const engine = new SearchEngine(
  documentsFromIndex(readFileSync('public/corpora/brown.txt', 'utf8'), JSON.parse(readFileSync('public/corpora/brown-docs.json', 'utf8'))),
  kv,
);
const WAIT = { timeout: 150_000, interval: 500 };

describe('search playground', () => {
  it('answers a query by three methods, with the matching sentences, as the core does', async () => {
    const { page, watch, context } = await openPage(browser, '/#/playgrounds/search?q=horse%20rifle%20sheriff');
    await expect.poll(() => page.getByTestId('active-vectors').textContent(), WAIT).toContain('Brown + SOTU');
    expect(await page.getByLabel('Search query').inputValue()).toBe('horse rifle sheriff');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    for (const m of ['bm25', 'mean', 'sif'] as const) {
      const expected = engine.search('horse rifle sheriff', m, 5).hits.map((h) => engine.docs[h.doc]!.id);
      await expect.poll(() => page.getByTestId(`hit-${m}`).allTextContents(), WAIT).toHaveLength(5);
      const shown = await page.getByTestId(`hit-${m}`).allTextContents();
      expect(shown.map((t) => /\(([^;]+), (c[a-r]\d\d);/.exec(t)?.[2])).toEqual(expected);
    }
    // BM25's passages mark the query words it matched.
    expect(await page.getByRole('region', { name: 'Results by BM25 keywords' }).locator('mark').count()).toBeGreaterThan(0);
    expect(page.url()).toContain('q=horse+rifle+sheriff');
    expect(watch.pageErrors).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
    await context.close();
  });

  it('measures the methods against chance and says whether vectors beat keywords beyond noise', async () => {
    const { page, watch, context } = await openPage(browser, '/#/playgrounds/search');
    await expect.poll(() => page.getByTestId('active-vectors').textContent(), WAIT).toContain('Brown + SOTU');
    await page.getByRole('button', { name: 'Measure on genre queries' }).click();
    await page.getByRole('table', { name: 'Search scores' }).waitFor({ timeout: WAIT.timeout });
    const ev = evaluateSearch(engine, BROWN_GENRE_QUERIES, 10);
    const p10 = (m: string) => ev.methods.find((x) => x.method === m)!.meanPrecision.mean;
    for (const m of ['bm25', 'mean', 'sif']) {
      expect(await page.getByTestId(`p10-${m}`).textContent()).toMatch(new RegExp(`^${(p10(m) * 100).toFixed(1)}%`));
    }
    const ap = (m: string) => ev.methods.find((x) => x.method === m)!.ap;
    const expectedVerdict = verdict('sif', 'bm25', pairedWinShare(ap('sif'), ap('bm25')));
    expect(await page.getByTestId('search-verdicts').textContent()).toContain(expectedVerdict);
    expect(watch.pageErrors).toEqual([]);
    await context.close();
  });

  it('a query with no known word says so in every column', async () => {
    const { page, context } = await openPage(browser, '/#/playgrounds/search?q=qwxzv');
    await expect.poll(() => page.getByTestId('active-vectors').textContent(), WAIT).toContain('Brown');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await expect.poll(() => page.getByText('No result: none of the query').count(), WAIT).toBe(3);
    expect(await page.getByText('"qwxzv" (no vector)').count()).toBe(2);
    await context.close();
  });
});
