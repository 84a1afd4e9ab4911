// The embedding map as a student meets it in the lab: it appears once training sends vectors, moves frame by
// frame, says what it shows, names a word on hover, highlights a clicked word, follows the theme, exports a PNG,
// and switches to PCA. Coordinated with the lab only through the DOM contract in helpers/CONTRACTS.md.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, openPage } from './browser';
import { expectCleanPage, mapAttr } from './labHelpers';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const MAP = 'figure[aria-label="Embedding map"]';

function caption(page: Page): Promise<string> {
  return page.locator(`${MAP} figcaption`).innerText();
}

/** Screen position and word of point i of the main trace, from plotly's own axes. */
function pointOnScreen(page: Page, i: number): Promise<{ x: number; y: number; word: string }> {
  return page.evaluate((k) => {
    type Axis = { l2p: (v: number) => number; _offset: number };
    const gd = document.querySelector('.embedding-map-plot') as HTMLElement & {
      _fullLayout: { xaxis: Axis; yaxis: Axis };
      _fullData: { x: number[]; y: number[]; text: string[] }[];
    };
    const box = gd.getBoundingClientRect();
    const { xaxis, yaxis } = gd._fullLayout;
    const d = gd._fullData[0];
    return { x: box.left + xaxis._offset + xaxis.l2p(d.x[k]), y: box.top + yaxis._offset + yaxis.l2p(d.y[k]), word: d.text[k] };
  }, i);
}

describe('embedding map', () => {
  it('draws the trained words live, names and highlights them, follows the theme, exports, switches to PCA', async () => {
    const { page, watch, context } = await openPage(browser, '/#/lab?corpus=toy-fruit&engine=cpu&epochs=40&dim=10&mapN=100&map=tsne&perplexity=30&seed=3');
    await expect.poll(() => caption(page), { timeout: 30_000 }).toContain('No vectors yet');
    await page.getByRole('button', { name: 'Start training', exact: true }).click();

    // Every word of the toy vocabulary is on the map, and frames arrive.
    await expect.poll(() => mapAttr(page, 'data-points'), { timeout: 90_000 }).toBeGreaterThan(10);
    const points = await mapAttr(page, 'data-points');
    await expect.poll(() => mapAttr(page, 'data-frames'), { timeout: 60_000 }).toBeGreaterThanOrEqual(2);
    // Too few points for perplexity 30: it is lowered, and the caption says so next to the seed.
    const lowered = Math.floor((points - 1) / 3);
    await expect.poll(() => caption(page), { timeout: 30_000 }).toContain(`perplexity lowered to ${lowered} for ${points} points`);
    expect(await caption(page)).toMatch(new RegExp(`^t-SNE of ${points} words · cosine distances · perplexity 30 · seed 3 · iteration [\\d,]+`));

    // A perplexity the points allow: the layout continues from where it is (warm) and draws more frames.
    await expect.poll(async () => Number(/iteration ([\d,]+)/.exec(await caption(page))?.[1].replace(/,/g, '')), { timeout: 120_000 }).toBeGreaterThanOrEqual(1000);
    const framesBefore = await mapAttr(page, 'data-frames');
    await page.getByLabel('Perplexity', { exact: true }).fill(String(lowered - 1));
    await page.keyboard.press('Tab');
    await expect.poll(() => caption(page), { timeout: 30_000 }).toContain(`perplexity ${lowered - 1} · seed 3`);
    await expect.poll(() => mapAttr(page, 'data-frames'), { timeout: 60_000 }).toBeGreaterThan(framesBefore);
    expect(await caption(page)).not.toContain('lowered');

    // Let the layout settle, then hover a point: its word shows.
    await expect.poll(async () => Number(/iteration ([\d,]+)/.exec(await caption(page))?.[1].replace(/,/g, '')), { timeout: 120_000 }).toBeGreaterThanOrEqual(1300);
    await page.waitForTimeout(1000);
    const p = await pointOnScreen(page, 0);
    await page.mouse.move(p.x, p.y);
    await expect.poll(() => page.locator(`${MAP} .hoverlayer`).textContent(), { timeout: 10_000 }).toContain(p.word);

    // Click it: the word and its neighbours are labelled on the map.
    await page.mouse.click(p.x, p.y);
    await expect.poll(() => page.locator(`${MAP} .textpoint`).allTextContents(), { timeout: 20_000 }).toContain(p.word);
    expect((await page.locator(`${MAP} .textpoint`).allTextContents()).length).toBeGreaterThan(1);

    // The dark theme recolours the plot.
    await page.getByRole('button', { name: 'Dark theme' }).click();
    await expect
      .poll(() => page.evaluate(() => (document.querySelector('.embedding-map-plot') as unknown as { _fullLayout: { paper_bgcolor: string } })._fullLayout.paper_bgcolor))
      .toBe('#0b0f19');

    // PNG export.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download map as PNG' }).click()]);
    expect(download.suggestedFilename()).toBe('embedding-map-tsne-seed3.png');

    // PCA: a different caption, same words.
    await page.getByLabel('Projection').selectOption('pca');
    await expect.poll(() => caption(page), { timeout: 30_000 }).toMatch(new RegExp(`^PCA of ${points} words · first two principal components`));
    await expect.poll(() => caption(page), { timeout: 30_000 }).toMatch(/axes explain \d+\.\d% \+ \d+\.\d% of the variance/);
    expect(await mapAttr(page, 'data-points')).toBe(points);
    expectCleanPage(watch);
    await context.close();
  });
});
