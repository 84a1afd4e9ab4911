// The embedding map as a student meets it in the lab: it appears once training sends vectors, moves frame by
// frame, says what it shows, names a word on hover, highlights a clicked word, follows the theme, exports a PNG,
// and switches to PCA. Coordinated with the lab only through the DOM contract in helpers/CONTRACTS.md.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, openPage } from './browser';
import { expectCleanPage, mapAttr } from './labHelpers';
import { countThemeColourPixels } from './pixels';

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

/** Screen position and word of point i, from the map's test probe (the canvas's own view and the last frame). */
function pointOnScreen(page: Page, i: number): Promise<{ x: number; y: number; word: string }> {
  return page.evaluate((k) => {
    const probe = (document.querySelector('.embedding-map-plot') as unknown as { __map: { points: () => { x: number; y: number; word: string }[] } }).__map;
    return probe.points()[k]!;
  }, i);
}

/** The map canvas's background pixel, as "rgb(r, g, b)". */
function mapBackground(page: Page): Promise<string> {
  return page.evaluate(() => (document.querySelector('.embedding-map-plot') as unknown as { __map: { background: () => string } }).__map.background());
}

/**
 * Of the first n points, the words whose on-screen position (from the map's probe) shows no marker in a
 * screenshot: nothing within 3 px differs from the plot background. Catches a picture that does not match the data
 * (points moved in the data but not on the GPU, or the reverse).
 */
async function pointsNotDrawn(page: Page, n: number): Promise<string[]> {
  const points = await Promise.all(Array.from({ length: n }, (_, i) => pointOnScreen(page, i)));
  const png = (await page.screenshot({ type: 'png' })).toString('base64');
  return page.evaluate(
    async ({ png, points }) => {
      const bytes = Uint8Array.from(atob(png), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const canvas = document.createElement('canvas');
      canvas.width = bitmap.width;
      canvas.height = bitmap.height;
      const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
      ctx.drawImage(bitmap, 0, 0);
      const bg = getComputedStyle(document.documentElement).getPropertyValue('--bg').trim() || '#ffffff';
      const probe = document.createElement('canvas').getContext('2d')!;
      probe.fillStyle = bg;
      probe.fillRect(0, 0, 1, 1);
      const [br, bgG, bb] = probe.getImageData(0, 0, 1, 1).data;
      const missing: string[] = [];
      for (const p of points) {
        const x0 = Math.round(p.x) - 3;
        const y0 = Math.round(p.y) - 3;
        const d = ctx.getImageData(x0, y0, 7, 7).data;
        let seen = false;
        for (let k = 0; k < d.length; k += 4) {
          if (Math.abs(d[k]! - br!) + Math.abs(d[k + 1]! - bgG!) + Math.abs(d[k + 2]! - bb!) > 60) seen = true;
        }
        if (!seen) missing.push(p.word);
      }
      return missing;
    },
    { png, points },
  );
}

describe('embedding map', () => {
  it('draws the trained words live, names and highlights them, follows the theme, exports, switches to PCA', async () => {
    const { page, watch, context } = await openPage(browser, '/#/lab?corpus=toy-fruit&engine=cpu&epochs=40&dim=10&mapN=100&map=tsne&perplexity=30&seed=3');
    await expect.poll(() => caption(page), { timeout: 30_000 }).toContain('No vectors yet');
    // Before any data the empty plot already follows the theme.
    await page.locator(`${MAP}[data-ready]`).waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Dark theme' }).click();
    await expect.poll(() => mapBackground(page)).toBe('rgb(11, 15, 25)');
    await page.getByRole('button', { name: 'Dark theme' }).click();
    await expect.poll(() => mapBackground(page)).toBe('rgb(255, 255, 255)');
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
    // The map's own tooltip (it follows the point, so it never sticks where a moving point was): word and rank.
    const tooltip = page.locator(`${MAP} .embedding-map-tooltip`);
    await expect.poll(() => tooltip.isVisible(), { timeout: 10_000 }).toBe(true);
    expect(await tooltip.textContent()).toContain(p.word);
    expect(await tooltip.textContent()).toContain('frequency rank 1');
    // Moved away, the tooltip goes.
    await page.mouse.move(1, 1);
    await expect.poll(() => tooltip.isVisible(), { timeout: 10_000 }).toBe(false);
    await page.mouse.move(p.x, p.y);

    // Frames that only move the points keep their colour batches: most frames were drawn that way, and the picture
    // shows every point where the map's data (which hover and clicks use) says it is.
    expect(await mapAttr(page, 'data-frames')).toBeGreaterThan(2 * (await mapAttr(page, 'data-replots')));
    await page.mouse.move(1, 1);
    // Polled: should the layout still be creeping, a point may move between reading its position and the screenshot.
    await expect.poll(() => pointsNotDrawn(page, Math.min(points, 25)), { timeout: 30_000 }).toEqual([]);
    await page.mouse.move(p.x, p.y);

    // Click it: the word and its neighbours are labelled on the map.
    await page.mouse.click(p.x, p.y);
    const labels = page.locator(`${MAP} .map-highlight text`);
    await expect.poll(() => labels.allTextContents(), { timeout: 20_000 }).toContain(p.word);
    expect((await labels.allTextContents()).length).toBeGreaterThan(1);
    // The highlight marks sit on the points they name, frame after frame (the layer is redrawn with each frame).
    const marked = async () => {
      const centre = await page.locator(`${MAP} .map-highlight-word.centre circle`).boundingBox();
      return centre ? [centre.x + centre.width / 2, centre.y + centre.height / 2] : null;
    };
    const offset = async () => {
      const [onScreen, mark] = await Promise.all([pointOnScreen(page, 0), marked()]);
      return mark ? Math.hypot(mark[0]! - onScreen.x, mark[1]! - onScreen.y) : Infinity;
    };
    await expect.poll(offset, { timeout: 30_000 }).toBeLessThan(2);

    // The dark theme recolours the plot.
    await page.getByRole('button', { name: 'Dark theme' }).click();
    await expect.poll(() => mapBackground(page)).toBe('rgb(11, 15, 25)');

    // PNG export: the plot at twice the screen's size, with the highlighted word's mark (the danger colour) on it.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download map as PNG' }).click()]);
    expect(download.suggestedFilename()).toBe('embedding-map-tsne-seed3.png');
    const png = await readFile((await download.path())!);
    const plotWidth = await page.locator('.embedding-map-plot').evaluate((d) => d.clientWidth);
    expect(png.readUInt32BE(16)).toBe(2 * plotWidth);
    const markPixels = await countThemeColourPixels(page, png, '--danger', 30);
    expect(markPixels).toBeGreaterThan(30);

    // Touch: a two-finger pinch (pointer events, as a tablet sends them) zooms in; 0 on the focused map fits again.
    const zoom = async () => Number(await page.locator(MAP).getAttribute('data-zoom'));
    await page.locator(`${MAP} .embedding-map-canvas`).evaluate((canvas) => {
      const box = canvas.getBoundingClientRect();
      const cx = box.left + box.width / 2;
      const cy = box.top + box.height / 2;
      const send = (type: string, id: number, dx: number) =>
        canvas.dispatchEvent(new PointerEvent(type, { pointerId: id, pointerType: 'touch', isPrimary: id === 1, clientX: cx + dx, clientY: cy, bubbles: true, cancelable: true }));
      send('pointerdown', 1, -20);
      send('pointerdown', 2, 20);
      for (let step = 1; step <= 5; step++) {
        send('pointermove', 1, -20 - 8 * step);
        send('pointermove', 2, 20 + 8 * step);
      }
      send('pointerup', 1, -60);
      send('pointerup', 2, 60);
    });
    await expect.poll(zoom, { timeout: 10_000 }).toBeCloseTo(3, 1); // the fingers moved from 40 px apart to 120
    await page.getByRole('group', { name: /^Map view/ }).focus();
    await page.keyboard.press('0');
    await expect.poll(zoom, { timeout: 10_000 }).toBe(1);

    // PCA: a different caption, same words.
    await page.getByLabel('Projection').selectOption('pca');
    await expect.poll(() => caption(page), { timeout: 30_000 }).toMatch(new RegExp(`^PCA of ${points} words · first two principal components`));
    await expect.poll(() => caption(page), { timeout: 30_000 }).toMatch(/axes explain \d+\.\d% \+ \d+\.\d% of the variance/);
    expect(await mapAttr(page, 'data-points')).toBe(points);
    expectCleanPage(watch);
    await context.close();
  });
});
