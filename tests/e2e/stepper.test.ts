// The step-by-step view as a student uses it: pick a pair, read the prediction, apply the update and see the changed
// rows, fast-forward, switch model, reset; with the keyboard as well as the mouse.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, openPage } from './browser';
import { expectCleanPage } from './labHelpers';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('step-by-step view', () => {
  it('shows one training pair, applies its update, runs 100 steps and resets', async () => {
    const { page, watch, context } = await openPage(browser, '/#/lab?view=step&corpus=toy-fruit');
    const view = page.getByRole('region', { name: 'Step-by-step training' });
    await view.waitFor({ timeout: 60_000 });
    const applied = () => view.getByLabel('Updates applied').innerText();
    expect(await applied()).toBe('0');
    await expect.poll(() => view.getByRole('button', { name: 'Apply update' }).isDisabled()).toBe(true);

    // Keyboard: focus "Next pair" and press Enter.
    await view.getByRole('button', { name: 'Next pair' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => view.getByRole('table').isVisible()).toBe(true);
    const rows = await view.getByRole('table').locator('tbody tr').count();
    expect(rows).toBe(4); // the target and 3 noise words
    expect(await view.getByRole('table').innerText()).toContain('1 (target)');
    const loss = Number(await view.getByLabel('Example loss').innerText());
    expect(loss).toBeGreaterThan(0);
    // Before the update: the rows about to change are outlined dashed, none solid.
    expect(await view.locator('[data-row-state="pending"]').count()).toBeGreaterThanOrEqual(2);
    expect(await view.locator('[data-row-state="changed"]').count()).toBe(0);

    await view.getByRole('button', { name: 'Apply update' }).click();
    expect(await applied()).toBe('1');
    expect(await view.locator('[data-row-state="changed"]').count()).toBeGreaterThanOrEqual(2);
    expect(await view.getByRole('button', { name: 'Apply update' }).isDisabled()).toBe(true);
    // A weight's exact value is readable on hover (SVG title).
    expect(await view.locator('svg[aria-label^="W_out"] title').first().textContent()).toMatch(/, dimension 1: -?\d\.\d{4}$/);

    await view.getByRole('button', { name: 'Run 100 steps' }).click();
    expect(await applied()).toBe('101');
    await expect.poll(() => view.innerText()).toMatch(/mean loss over the last 100: \d\.\d{3}/);

    // CBOW with a full softmax: a fresh model; the prediction covers the whole vocabulary.
    await view.getByLabel('Model').selectOption('cbow');
    await view.getByLabel('Objective').selectOption('softmax');
    expect(await applied()).toBe('0');
    await view.getByRole('button', { name: 'Next pair' }).click();
    expect(await view.getByRole('table').innerText()).toMatch(/softmax over all \d+ words/);
    expect(await view.innerText()).toContain('The mean of the context words');

    await view.getByRole('button', { name: 'Run 100 steps' }).click();
    await view.getByRole('button', { name: 'Reset' }).click();
    expect(await applied()).toBe('0');
    expectCleanPage(watch);
    await context.close();
  });
});
