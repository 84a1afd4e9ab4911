// Words are text, never markup: a vectors file whose words look like HTML ("<b>...", a styled "<span>", "<a href>")
// is loaded as a student would, and the analogy and axes plots (plotly, which reads a subset of HTML in the strings
// it draws) must show those words literally: no bold, no styled span, no link made from them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, openPage } from './browser';

const BOLD = '<b>bold</b>';
const BIG = '<span style="font-size:90px;color:red">big</span>';
const LINK = '<a href="https://example.org/x">link</a>';

const rows: [string, number[]][] = [
  ['man', [1, 0.1, 0.2, 0.9, 0.1, 0.3]],
  ['woman', [0.1, 1, 0.2, 0.9, 0.1, 0.3]],
  ['king', [1, 0.1, 1, 0.3, 0.2, 0.1]],
  ['queen', [0.1, 1, 1, 0.3, 0.2, 0.1]],
  // Close to queen, so that they are among the answers the analogy plot labels.
  [BOLD, [0.12, 0.95, 1, 0.3, 0.25, 0.1]],
  [BIG, [0.1, 0.9, 0.95, 0.35, 0.2, 0.15]],
  [LINK, [0.15, 0.97, 0.9, 0.3, 0.2, 0.1]],
  ['he', [1, 0.05, 0.1, 0.5, 0.2, 0.2]],
  ['she', [0.05, 1, 0.1, 0.5, 0.2, 0.2]],
];
const FILE = `${rows.length} 6\n${rows.map(([w, v]) => `${w} ${v.join(' ')}`).join('\n')}\n`;

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const LONG = 150_000;

/** What the plot inside the named figure drew from the words: literal texts, and any markup plotly made of them. */
async function drawn(page: Page, figure: string | RegExp) {
  const fig = page.getByRole('figure', { name: figure }).first();
  await expect.poll(() => fig.getAttribute('data-drawn'), { timeout: LONG, interval: 500 }).not.toBe('0');
  return fig.evaluate((el) => {
    const svgText = [...el.querySelectorAll('svg text')].map((t) => t.textContent ?? '');
    return {
      svgText,
      links: [...el.querySelectorAll('svg a')].map((a) => a.getAttribute('href') ?? a.getAttribute('xlink:href')),
      bold: [...el.querySelectorAll('svg tspan')].filter((t) => /bold/.test(t.getAttribute('style') ?? '')).length,
      styledBig: [...el.querySelectorAll('svg *')].filter((t) => /90px|red/.test(t.getAttribute('style') ?? '')).length,
    };
  });
}

describe('words that look like HTML', () => {
  it('are drawn literally by the analogy and axes plots', async () => {
    const { page, context, watch } = await openPage(browser, '/#/playgrounds/vectors');
    page.setDefaultTimeout(LONG);
    await page.getByLabel('Vectors file').setInputFiles({ name: 'html-words.vec', mimeType: 'text/plain', buffer: Buffer.from(FILE) });
    await page.getByRole('button', { name: 'Load file' }).click();
    await expect.poll(() => page.getByTestId('active-vectors').first().textContent(), { timeout: LONG }).toBe('html-words.vec');

    await page.getByRole('navigation', { name: 'Playgrounds' }).getByRole('link', { name: 'Analogy', exact: true }).click();
    for (const [k, w] of [['Word a', 'man'], ['Word b', 'king'], ['Word c', 'woman']]) await page.getByLabel(k, { exact: true }).fill(w);
    await page.getByRole('button', { name: 'Solve' }).click();
    const analogy = await drawn(page, 'Analogy arithmetic in 2-D');
    for (const w of [BOLD, BIG, LINK]) expect(analogy.svgText).toContain(w);
    expect(analogy.links).toEqual([]);
    expect(analogy.bold).toBe(0);
    expect(analogy.styledBig).toBe(0);

    await page.evaluate((words) => {
      location.hash = `#/playgrounds/axes?x=${encodeURIComponent('he - she')}&words=${encodeURIComponent(words)}`;
      // The word list splits on spaces, so only the word without one can be typed there.
    }, ['king', 'queen', BOLD].join(', '));
    const axes = await drawn(page, /Words on a semantic axis/);
    expect(axes.svgText).toContain(BOLD);
    expect(axes.links).toEqual([]);
    expect(axes.bold).toBe(0);
    expect(axes.styledBig).toBe(0);
    expect(watch.pageErrors).toEqual([]);
    await context.close();
  });
});
