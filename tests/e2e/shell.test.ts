import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, openPage } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('app shell', () => {
  it('navigates between pages by link and keeps deep links', async () => {
    const { page, watch, context } = await openPage(browser, '/');
    await page.getByRole('link', { name: 'Lessons', exact: true }).first().click();
    await expect.poll(() => page.url()).toContain('#/lessons');
    await page.goto(page.url().replace('#/lessons', '#/playgrounds'));
    await expect.poll(() => page.getByRole('link', { name: 'Playgrounds', exact: true }).first().getAttribute('aria-current')).toBe('page');
    expect(watch.pageErrors).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
    await context.close();
  });

  it('switches to the dark theme and presenter mode and remembers them', async () => {
    const { page, context } = await openPage(browser, '/');
    await page.getByRole('button', { name: 'Dark theme' }).click();
    await page.getByRole('button', { name: 'Presenter mode' }).click();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(await page.evaluate(() => document.documentElement.classList.contains('presenter'))).toBe(true);
    await page.reload();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    const size = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
    expect(size).toBeGreaterThanOrEqual(20);
    await context.close();
  });
});
