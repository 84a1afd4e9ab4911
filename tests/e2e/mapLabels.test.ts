// The map as a student first meets it: trained on Brown at the first-visit settings, it labels many words with no two
// labels overlapping (read from the drawn label boxes), zooms with the keyboard, colours by part of speech with a
// legend that isolates one class, answers a search with every neighbour drawn (data-highlighted = k + 1: the word and
// its k neighbours, added to the map when they are not among its N words), draws two maps of the same vectors whose
// neighbourhoods agree well above chance, and passes an axe-core scan.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch } from './browser';
import { axeViolations } from './axe';
import { expectCleanPage, openLab, statusLine, TEST_TIMEOUT } from './labHelpers';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const MAP = 'figure[aria-label="Embedding map"]';
/** The bar: at the first-visit settings (400 words), at least this many carry a label. */
const MIN_LABELS = 150;
/** Sub-pixel slack when comparing drawn boxes: text boxes are fractional, labels are placed on whole boxes. */
const BOX_SLACK_PX = 0.5;

async function attr(page: Page, name: string): Promise<number> {
  return Number((await page.locator(MAP).getAttribute(name)) ?? NaN);
}

/** The drawn label boxes (screen px) and the plot area, and every pair of labels whose boxes overlap. */
function labelBoxes(page: Page, slack: number) {
  return page.evaluate((slack) => {
    const texts = Array.from(document.querySelectorAll<SVGTextElement>('.embedding-map-labels text'));
    const boxes = texts.map((t) => {
      const r = t.getBoundingClientRect();
      return { word: t.textContent ?? '', x: r.left, y: r.top, w: r.width, h: r.height };
    });
    const overlaps: string[] = [];
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!;
        const b = boxes[j]!;
        if (a.x + slack < b.x + b.w && b.x + slack < a.x + a.w && a.y + slack < b.y + b.h && b.y + slack < a.y + a.h) overlaps.push(`${a.word}/${b.word}`);
      }
    }
    const empty = boxes.filter((b) => b.w === 0 || b.h === 0).map((b) => b.word);
    return { count: boxes.length, overlaps, empty, words: boxes.map((b) => b.word) };
  }, slack);
}


describe('embedding map: labels, legend, search, keyboard, accessibility', () => {
  it(
    'labels at least 150 of 400 words without overlap after a first-visit Brown run, and answers search, colour and zoom',
    async () => {
      const { page, watch, context } = await openLab(browser, '/#/lab');
      await page.getByRole('button', { name: 'Start training', exact: true }).click();
      await expect.poll(() => statusLine(page).textContent(), { timeout: 600_000, interval: 2000 }).toMatch(/Finished/);
      expect(await attr(page, 'data-points')).toBe(400);

      // Labels: many, none overlapping, each a real box. Polled: the layout may still be settling.
      await expect
        .poll(async () => {
          const b = await labelBoxes(page, BOX_SLACK_PX);
          return b.count >= MIN_LABELS && b.overlaps.length === 0 && b.empty.length === 0 && b.count === (await attr(page, 'data-labels'));
        }, { timeout: 120_000, interval: 1000 })
        .toBe(true);
      // The most frequent words are among them (placement goes by frequency rank).
      const { words } = await labelBoxes(page, BOX_SLACK_PX);
      expect(words.filter((w) => ['the', 'of', 'and', 'to', 'a', 'in'].includes(w)).length).toBeGreaterThanOrEqual(3);

      // Nothing on the lab as a student now sees it fails an axe-core scan.
      expect(await axeViolations(page)).toEqual([]);

      // Keyboard zoom on the focused map: + zooms in (more room, at least as many labels), 0 fits all words again.
      const labelsBefore = await attr(page, 'data-labels');
      const stage = page.getByRole('group', { name: /^Map view/ });
      await stage.focus();
      await page.keyboard.press('+');
      await page.keyboard.press('+');
      await expect.poll(() => attr(page, 'data-zoom'), { timeout: 30_000 }).toBeCloseTo(1.56, 1);
      await expect.poll(() => attr(page, 'data-labels'), { timeout: 30_000 }).toBeGreaterThanOrEqual(Math.min(labelsBefore, 100));
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.press('0');
      await expect.poll(() => attr(page, 'data-zoom'), { timeout: 30_000 }).toBe(1);

      // Colour by part of speech: a legend with Brown's classes; isolating "verb" leaves only verbs labelled.
      await page.getByLabel('Colour by').selectOption('pos');
      const legend = page.getByRole('list', { name: 'Map legend' });
      await legend.waitFor({ timeout: 30_000 });
      await expect.poll(() => legend.getByRole('button').allTextContents(), { timeout: 30_000 }).toEqual(expect.arrayContaining([expect.stringMatching(/^noun \(\d+\)$/), expect.stringMatching(/^verb \(\d+\)$/)]));
      const pos = (await page.evaluate(() => fetch('./corpora/brown-pos.json').then((r) => r.json()))) as { classes: string[]; words: Record<string, number> };
      const verb = pos.classes.indexOf('verb');
      const verbButton = legend.getByRole('button', { name: /^verb/ });
      await verbButton.press('Enter');
      expect(await verbButton.getAttribute('aria-pressed')).toBe('true');
      await expect
        .poll(async () => {
          const b = await labelBoxes(page, BOX_SLACK_PX);
          return b.count > 0 && b.words.every((w) => pos.words[w] === verb);
        }, { timeout: 30_000 })
        .toBe(true);
      await verbButton.click();
      expect(await verbButton.getAttribute('aria-pressed')).toBe('false');

      // Search: the word and all k neighbours are highlighted, those outside the 400 words added to the map.
      const k = 10;
      await page.getByLabel('Find a word').fill('war');
      await page.getByRole('button', { name: 'Find', exact: true }).click();
      await page.getByRole('list', { name: 'Neighbours of war' }).waitFor();
      await expect.poll(() => attr(page, 'data-highlighted'), { timeout: 60_000 }).toBe(k + 1);
      const added = await attr(page, 'data-added');
      expect(await attr(page, 'data-points')).toBe(400 + added);
      const highlighted = await page.locator(`${MAP} .map-highlight text`).allTextContents();
      const listed = await page.getByRole('list', { name: 'Neighbours of war' }).getByRole('button').allTextContents();
      expect(new Set(highlighted)).toEqual(new Set(['war', ...listed]));
      // Vectors vs map, side by side; the centred switch changes the listed cosines.
      const inVectors = page.getByRole('list', { name: 'Nearest in the vectors to war' });
      await expect.poll(() => inVectors.getByRole('listitem').count(), { timeout: 30_000 }).toBe(k);
      await expect.poll(() => page.getByRole('list', { name: 'Nearest on the map to war' }).getByRole('listitem').count(), { timeout: 30_000 }).toBe(k);
      const rawText = await inVectors.textContent();
      await page.getByLabel(/Centre the vectors/).check();
      await expect.poll(() => inVectors.textContent(), { timeout: 10_000 }).not.toBe(rawText);
      // Labels still never overlap each other (nor are they counted twice) with the highlight drawn.
      await expect.poll(async () => (await labelBoxes(page, BOX_SLACK_PX)).overlaps, { timeout: 30_000 }).toEqual([]);

      // Two maps of the same vectors with two seeds: their neighbourhoods agree far more than chance (k / (N - 1)).
      await page.getByRole('button', { name: 'Draw two maps' }).click();
      const agreement = page.locator('.map-comparison .agreement');
      await expect.poll(() => agreement.getAttribute('data-agreement'), { timeout: 120_000 }).not.toBeNull();
      await expect.poll(() => agreement.textContent(), { timeout: 240_000, interval: 2000 }).not.toContain('still moving');
      const shared = Number(await agreement.getAttribute('data-agreement'));
      const chance = Number(await agreement.getAttribute('data-baseline'));
      expect(chance).toBeCloseTo(10 / (400 - 1), 3); // the two maps lay out the map's 400 words (not the added ones)
      expect(shared).toBeGreaterThan(5 * chance);
      expect(shared).toBeLessThanOrEqual(1);

      // And the lab with legend, search and the two maps open still passes axe.
      expect(await axeViolations(page)).toEqual([]);
      expectCleanPage(watch);
      await context.close();
    },
    TEST_TIMEOUT + 420_000, // the first-visit run takes 30-60 s on a laptop core, minutes on a shared test machine
  );
});
