// Presenter mode as a lecturer uses it: the map and the loss curve fill a projector's screen (1280x720, 1920x1080),
// settings live in a drawer, keys are listed in a help dialog, hide= gives the freed space to the map, the link's
// present=1 works before or after the # and the Presenter button turns it off, the instructor panel can always come
// back. Plus the words/s readout at Demo speed, checked against the words the test sees processed over time.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch } from './browser';
import { LAB_TIMEOUT, TEST_TIMEOUT, expectCleanPage, numberIn, openLab, progressPercent } from './labHelpers';

/** Polls wait as long as a lab action may take on a busy machine (vitest's default is one second). */
const POLL = { timeout: LAB_TIMEOUT, interval: 100 };

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

async function boxOf(page: Page, label: string): Promise<Box | null> {
  return page.locator(`figure[aria-label="${label}"]`).first().boundingBox();
}

function inside(b: Box, vw: number, vh: number): boolean {
  const slack = 0.5; // sub-pixel rounding
  return b.x >= -slack && b.y >= -slack && b.x + b.width <= vw + slack && b.y + b.height <= vh + slack;
}

/** The map's share of the viewport once both figures are laid out inside it (polled: fonts and plots settle). */
async function stageGeometry(page: Page, vw: number, vh: number): Promise<{ mapShare: number; lossInside: boolean; mapInside: boolean }> {
  const map = await boxOf(page, 'Embedding map');
  const loss = await boxOf(page, 'Loss curve');
  if (!map || !loss) return { mapShare: 0, lossInside: false, mapInside: false };
  return { mapShare: (map.width * map.height) / (vw * vh), lossInside: inside(loss, vw, vh), mapInside: inside(map, vw, vh) };
}

const isPresenter = (page: Page) => page.evaluate(() => document.documentElement.classList.contains('presenter'));

describe('presenter mode: the stage', () => {
  for (const [vw, vh] of [[1280, 720], [1920, 1080]] as const) {
    it(`at ${vw}x${vh} the map covers at least half the screen and the loss curve is fully visible, while training`, async () => {
      const { page, watch, context } = await openLab(browser, '/#/lab?present=1&corpus=toy-fruit&engine=cpu&epochs=100&mapN=100&speed=slow', {
        viewport: { width: vw, height: vh },
      });
      await page.getByRole('button', { name: 'Start training', exact: true }).click();
      await expect.poll(() => progressPercent(page), { timeout: LAB_TIMEOUT }).toBeGreaterThan(0);
      await expect.poll(() => stageGeometry(page, vw, vh), { timeout: LAB_TIMEOUT }).toMatchObject({ lossInside: true, mapInside: true });
      const g = await stageGeometry(page, vw, vh);
      expect(g.mapShare).toBeGreaterThanOrEqual(0.5);
      // Settings are in a drawer that a button opens and Escape closes.
      expect(await page.getByLabel('Dimensions').isVisible()).toBe(false);
      await page.getByRole('button', { name: 'Settings', exact: true }).click();
      await expect.poll(() => page.getByLabel('Dimensions').isVisible(), POLL).toBe(true);
      await page.keyboard.press('Escape');
      await expect.poll(() => page.getByLabel('Dimensions').isVisible(), POLL).toBe(false);
      expectCleanPage(watch);
      await context.close();
    }, TEST_TIMEOUT);
  }

  it('hide= gives the space of the loss curve and search to the map', async () => {
    const vw = 1280;
    const vh = 720;
    const { page, watch, context } = await openLab(browser, '/#/lab?present=1&corpus=toy-fruit&hide=loss,search', { viewport: { width: vw, height: vh } });
    await page.locator('figure[aria-label="Embedding map"]').waitFor();
    await expect.poll(async () => (await boxOf(page, 'Embedding map'))?.width ?? 0, POLL).toBeGreaterThan(0.9 * vw);
    expect(await page.locator('figure[aria-label="Loss curve"]').count()).toBe(0);
    expectCleanPage(watch);
    await context.close();
  }, TEST_TIMEOUT);

  it('hide= works the same outside presenter mode: the map spans the row, the controls become a bar', async () => {
    const vw = 1400;
    const { page, watch, context } = await openLab(browser, '/#/lab?corpus=toy-fruit&hide=loss,search,corpus,model,engine', { viewport: { width: vw, height: 900 } });
    await page.locator('figure[aria-label="Embedding map"]').waitFor();
    // main is at most 1400px wide with its padding; the map takes nearly all of it, no empty column beside it.
    await expect.poll(async () => (await boxOf(page, 'Embedding map'))?.width ?? 0, POLL).toBeGreaterThan(0.9 * (vw - 64));
    const buttons = await page.getByRole('button', { name: 'Start training', exact: true }).boundingBox();
    const map = await boxOf(page, 'Embedding map');
    expect(buttons!.y + buttons!.height).toBeLessThanOrEqual(map!.y);
    expectCleanPage(watch);
    await context.close();
  }, TEST_TIMEOUT);

  it('keys from one table: ? lists them, D opens the settings, space starts, R resets', async () => {
    const { page, watch, context } = await openLab(browser, '/#/lab?present=1&corpus=toy-fruit&engine=cpu&speed=slow&epochs=100&mapN=100');
    await page.getByRole('button', { name: 'Start training', exact: true }).waitFor();
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect.poll(() => help.isVisible(), POLL).toBe(true);
    const text = await help.innerText();
    for (const k of ['Space', '→', 'R', '/', '+', 'C', 'D', 'P', '?']) expect(text).toContain(k);
    expect(text).toMatch(/Zoom the map in/);
    expect(text).toMatch(/Search a word/);
    await page.keyboard.press('Escape');
    await expect.poll(() => help.isVisible(), POLL).toBe(false);
    await page.keyboard.press('d');
    await expect.poll(() => page.getByRole('region', { name: 'Lab settings' }).isVisible(), POLL).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('region', { name: 'Lab settings' }).isVisible(), POLL).toBe(false);
    expect(text).not.toContain('does not offer');
    await page.keyboard.press('Space');
    await page.getByRole('button', { name: 'Pause', exact: true }).waitFor({ timeout: LAB_TIMEOUT });
    // Zoom, fit and colour the map from anywhere on the page.
    const map = page.locator('figure[aria-label="Embedding map"]');
    await expect.poll(async () => Number(await map.getAttribute('data-points')), { timeout: LAB_TIMEOUT }).toBeGreaterThan(0);
    await expect.poll(() => map.getAttribute('data-zoom'), { timeout: LAB_TIMEOUT }).not.toBeNull();
    await page.keyboard.press('+');
    await expect.poll(async () => Number(await map.getAttribute('data-zoom')), POLL).toBeGreaterThan(1.1);
    await page.keyboard.press('0');
    await expect.poll(async () => Number(await map.getAttribute('data-zoom')), POLL).toBeCloseTo(1, 1);
    const colourBy = map.getByLabel('Colour by');
    const before = await colourBy.inputValue();
    await page.keyboard.press('c');
    await expect.poll(() => colourBy.inputValue(), POLL).not.toBe(before);
    await page.keyboard.press('/');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('type')), POLL).toBe('search');
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('r');
    await page.getByRole('button', { name: 'Start training', exact: true }).waitFor({ timeout: LAB_TIMEOUT });
    expectCleanPage(watch);
    await context.close();
  }, TEST_TIMEOUT);
});

describe('presenter mode: links and the button', () => {
  for (const path of ['/?present=1#/lab', '/#/lab?present=1']) {
    it(`${path} turns presenter mode on, and the Presenter button turns it off for good`, async () => {
      const { page, watch, context } = await openLab(browser, path);
      const button = page.getByRole('button', { name: 'Presenter mode' });
      await page.getByRole('button', { name: 'Start training', exact: true }).waitFor();
      await expect.poll(() => isPresenter(page), POLL).toBe(true);
      expect(await button.getAttribute('aria-pressed')).toBe('true');
      await button.click();
      await expect.poll(() => isPresenter(page), POLL).toBe(false);
      expect(await button.getAttribute('aria-pressed')).toBe('false');
      expect(page.url()).not.toContain('present=');
      // The lab's own settings are in the link after the #, whichever form the link had.
      await expect.poll(() => page.url(), POLL).toMatch(/#\/lab\?.*corpus=/);
      expect(new URL(page.url()).search).toBe('');
      await page.reload();
      await page.getByRole('button', { name: 'Start training', exact: true }).waitFor();
      expect(await isPresenter(page)).toBe(false);
      expectCleanPage(watch);
      await context.close();
    }, TEST_TIMEOUT);
  }
});

describe('the instructor panel', () => {
  it('stays with the instructor who hides it for the link, and comes back for whoever opens that link', async () => {
    const { page, watch, context } = await openLab(browser, '/#/lab?corpus=toy-fruit');
    await page.getByText('Instructor: share a focused lab').click();
    await page.getByLabel('Instructor panel').check();
    expect(page.url()).toContain('hide=instructor');
    // Still here in the instructor's tab, saying what the link does.
    expect(await page.getByLabel('Instructor panel').isVisible()).toBe(true);
    expect(await page.getByRole('note').filter({ hasText: 'hidden in the link' }).count()).toBe(1);
    const link = page.url();
    expectCleanPage(watch);
    await context.close();

    // The link, opened in another tab: hidden, with a visible way back.
    const other = await openLab(browser, link.slice(link.indexOf('/#/')));
    const p = other.page;
    await p.getByRole('button', { name: 'Start training', exact: true }).waitFor();
    expect(await p.getByText('Instructor: share a focused lab').count()).toBe(0);
    await p.getByRole('button', { name: 'Show instructor panel' }).click();
    await expect.poll(() => p.getByText('Instructor: share a focused lab').isVisible(), POLL).toBe(true);
    // Unticking it there makes the panel part of the link again.
    await p.getByText('Instructor: share a focused lab').click();
    await p.getByLabel('Instructor panel').uncheck();
    expect(p.url()).not.toContain('hide=instructor');
    expectCleanPage(other.watch);
    await other.context.close();
  }, TEST_TIMEOUT);
});

describe('words per second at Demo speed', () => {
  it('matches the words the test sees processed over wall-clock time (within 30%)', async () => {
    const { page, watch, context } = await openLab(browser, '/#/lab?corpus=brown&engine=cpu&speed=demo&epochs=1&dim=20&mapN=100');
    await page.getByRole('button', { name: 'Start training', exact: true }).click();
    const stats = page.getByRole('region', { name: 'Training status' });
    const wordsDone = async () => Number(await stats.getAttribute('data-words-done'));
    await expect.poll(wordsDone, { timeout: LAB_TIMEOUT }).toBeGreaterThan(0);
    // Let the readout's window fill, then measure over several seconds of the test's own clock.
    await expect.poll(() => numberIn(page, 'Words per second'), { timeout: LAB_TIMEOUT }).toBeGreaterThan(0);
    const t0 = Date.now();
    const w0 = await wordsDone();
    await expect.poll(() => Date.now() - t0, { timeout: 60_000, interval: 500 }).toBeGreaterThan(8_000);
    const w1 = await wordsDone();
    const t1 = Date.now();
    const shown = await numberIn(page, 'Words per second');
    const measured = ((w1 - w0) * 1000) / (t1 - t0);
    expect(measured).toBeGreaterThan(0);
    expect(Math.abs(shown - measured) / measured).toBeLessThan(0.3);
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    expectCleanPage(watch);
    await context.close();
  }, TEST_TIMEOUT);
});
