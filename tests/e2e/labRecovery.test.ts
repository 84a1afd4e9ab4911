// When things break under a student: the training worker crashes mid-run, or the GPU backend they picked cannot
// start in their browser. Both are real failures here, not hooks in the app: the test throws an uncaught error inside
// the running trainer worker (Playwright evaluates code in the worker), and a chromium started with
// --disable-software-rasterizer has neither WebGL nor WebGPU on this GPU-less machine. The lab must say what
// happened, carry on with the next engine, and keep every setting.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch } from './browser';
import { LAB_TIMEOUT, TEST_TIMEOUT, expectCleanPage, numberIn, openLab, statusLine } from './labHelpers';

let browser: Browser;
let noGpuBrowser: Browser;
beforeAll(async () => {
  browser = await launch();
  noGpuBrowser = await launch(['--disable-software-rasterizer']);
});
afterAll(async () => {
  await browser?.close();
  await noGpuBrowser?.close();
});

const status = async (page: Page) => (await statusLine(page).textContent()) ?? '';

describe('lab: recovery', () => {
  it('a training worker that crashes is reported and replaced, and training starts again with the same settings', async () => {
    const { page, watch, context } = await openLab(browser, '/#/lab?corpus=toy-royals&engine=cpu&epochs=100&dim=12&mapN=100&seed=7&speed=slow');
    await page.getByRole('button', { name: 'Start training', exact: true }).click();
    await expect.poll(() => status(page), { timeout: LAB_TIMEOUT }).toMatch(/Training epoch \d+ of 100 on the CPU engine/);
    const url = page.url();

    const trainer = page.workers().find((w) => w.url().includes('trainer'));
    expect(trainer, `workers: ${page.workers().map((w) => w.url()).join(', ')}`).toBeDefined();
    await trainer!.evaluate(() => {
      setTimeout(() => {
        throw new Error('simulated crash');
      }, 0);
    });

    const alert = page.getByRole('alert').filter({ hasText: 'The training worker crashed' });
    await expect.poll(() => alert.count(), { timeout: LAB_TIMEOUT }).toBe(1);
    expect(await alert.textContent()).toMatch(/simulated crash.*Starting again on the CPU engine; the settings are kept\./s);
    // A new worker trains again from the start, with the same settings and link.
    await expect.poll(() => status(page), { timeout: LAB_TIMEOUT }).toMatch(/Training epoch \d+ of 100 on the CPU engine/);
    await expect.poll(() => numberIn(page, 'Current loss'), { timeout: LAB_TIMEOUT }).toBeGreaterThan(0);
    expect(page.url()).toBe(url);
    expect(await page.getByLabel('Epochs', { exact: true }).inputValue()).toBe('100');
    expect(await page.getByLabel('Seed', { exact: true }).inputValue()).toBe('7');
    await expect.poll(() => page.workers().filter((w) => w.url().includes('trainer')).length).toBe(1);

    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    await page.getByRole('button', { name: 'Resume', exact: true }).waitFor();
    // The worker's own report of the uncaught error is the crash the test caused; nothing else may be logged.
    watch.consoleErrors = watch.consoleErrors.filter((e) => !e.includes('simulated crash'));
    expectCleanPage(watch);
    await context.close();
  }, TEST_TIMEOUT);

  it('a GPU backend that cannot start is reported and the next backend takes over', async () => {
    const { page, watch, context } = await openLab(noGpuBrowser, '/#/lab?corpus=toy-royals&engine=tfjs-webgl&epochs=3&dim=8&mapN=100&seed=2');
    await page.getByRole('button', { name: 'Start training', exact: true }).click();
    await expect.poll(() => status(page), { timeout: LAB_TIMEOUT }).toMatch(/Finished 3 epochs/);

    const alert = page.getByRole('alert').filter({ hasText: 'could not start' });
    expect(await alert.count()).toBeGreaterThanOrEqual(1);
    expect(await alert.first().textContent()).toMatch(/TensorFlow\.js on WebGL could not start \(.+\)\. Trying TensorFlow\.js on WebAssembly/);
    expect(await page.getByLabel('Active backend').textContent()).toBe('tfjs-wasm');
    expect(await numberIn(page, 'Current loss')).toBeGreaterThan(0);
    // The student's choice is kept: the link still asks for WebGL, which a browser with a GPU will use.
    expect(page.url()).toContain('engine=tfjs-webgl');
    expectCleanPage(watch);
    await context.close();
  }, TEST_TIMEOUT);
});
