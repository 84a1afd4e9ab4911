// The step-by-step view as a student uses it: pick a pair, read the prediction, apply the update and see the changed
// rows, fast-forward, switch model, reset; with the keyboard as well as the mouse.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, openPage } from './browser';
import { expectCleanPage } from './labHelpers';

/** Polls wait as long as a busy machine may need (vitest's default is one second). */
const POLL = { timeout: 60_000, interval: 100 };

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
    await expect.poll(() => view.getByRole('button', { name: 'Apply update' }).isDisabled(), POLL).toBe(true);

    // Keyboard: focus "Next pair" and press Enter.
    await view.getByRole('button', { name: 'Next pair' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => view.getByRole('table').isVisible(), POLL).toBe(true);
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
    await expect.poll(() => view.innerText(), POLL).toMatch(/mean loss over the last 100: \d\.\d{3}/);

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

  it('warns when the weights explode, goes back to the last sane state, and resets with a smaller rate', async () => {
    const { page, watch, context } = await openPage(browser, '/#/lab?view=step&corpus=toy-fruit');
    const view = page.getByRole('region', { name: 'Step-by-step training' });
    await view.waitFor({ timeout: 60_000 });
    // The 2-D plot beside the heatmaps says which plane it shows and moves with each update.
    const plot = view.getByRole('figure', { name: 'Vectors in 2-D' });
    expect(await plot.getAttribute('data-method')).toBe('pca');
    expect(await plot.innerText()).toContain('principal components');
    const before = await plot.locator('circle').first().getAttribute('cx');
    await view.getByRole('button', { name: 'Run 100 steps' }).click();
    expect(await plot.locator('circle').first().getAttribute('cx')).not.toBe(before);

    await view.getByLabel('Learning rate').fill('2');
    await view.getByRole('button', { name: 'Run 1,000 steps' }).click();
    const alert = view.getByRole('alert');
    await expect.poll(() => alert.innerText(), POLL).toContain('The weights exploded');
    expect(await alert.innerText()).toContain('learning rate 2 is too large');
    const largest = async () => Number(await view.getByLabel('Largest weight').innerText());
    expect(await largest()).toBeGreaterThan(50);
    expect(await view.getByRole('button', { name: 'Next pair' }).isDisabled()).toBe(true);

    await alert.getByRole('button', { name: /^Go back to the last sane state/ }).click();
    await expect.poll(() => view.getByRole('alert').count(), POLL).toBe(0);
    const back = await largest();
    expect(Number.isFinite(back)).toBe(true);
    expect(back).toBeLessThanOrEqual(50);
    // Every printed weight is a plain finite number again.
    const titles = await view.locator('svg[aria-label^="W_in"] title').allTextContents();
    for (const t of titles) expect(Number(t.split(': ').pop())).toSatisfy(Number.isFinite);

    // Exploding again, then the other way out: a fresh model at a tenth of the rate.
    await view.getByRole('button', { name: 'Run 1,000 steps' }).click();
    await view.getByRole('button', { name: 'Reset with learning rate 0.2' }).click();
    expect(await view.getByLabel('Learning rate').inputValue()).toBe('0.2');
    expect(await view.getByLabel('Updates applied').innerText()).toBe('0');
    expectCleanPage(watch);
    await context.close();
  });

  it('trains on the student’s own sentences (checked first) and answers the keyboard', async () => {
    const { page, watch, context } = await openPage(browser, '/#/lab?view=step&corpus=toy-fruit');
    const view = page.getByRole('region', { name: 'Step-by-step training' });
    await view.waitFor({ timeout: 60_000 });
    await view.getByText('Use your own sentences').click();
    const box = view.getByLabel('Your sentences (one per line, at least two words each)');
    await box.fill('the cat sleeps\nhello');
    await view.getByRole('button', { name: 'Train on these sentences' }).click();
    await expect.poll(() => view.getByRole('alert').innerText(), POLL).toMatch(/^Line 2 has one word \("hello"\)/);
    await box.fill('the cat sleeps\nthe dog sleeps\nthe cat eats fish');
    await view.getByRole('button', { name: 'Train on these sentences' }).click();
    await expect.poll(() => view.getByLabel('Toy corpus').inputValue(), POLL).toBe('own');
    expect(await view.getByRole('alert').count()).toBe(0);
    expect(await view.locator('svg[aria-label^="W_in"]').textContent()).toContain('fish');

    // Keys: N picks a pair, A applies it, → takes a whole step, G runs 100, R resets.
    await page.locator('h1').click();
    await page.keyboard.press('n');
    await expect.poll(() => view.getByRole('table').isVisible(), POLL).toBe(true);
    await page.keyboard.press('a');
    await expect.poll(() => view.getByLabel('Updates applied').innerText(), POLL).toBe('1');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => view.getByLabel('Updates applied').innerText(), POLL).toBe('2');
    await page.keyboard.press('g');
    await expect.poll(() => view.getByLabel('Updates applied').innerText(), POLL).toBe('102');
    await page.keyboard.press('r');
    await expect.poll(() => view.getByLabel('Updates applied').innerText(), POLL).toBe('0');
    expectCleanPage(watch);
    await context.close();
  });
});
