// The two tfjs-only models (the masked-LM transformer and the image-text model) trained on tfjs WebGPU as a student
// would pick it: in the lab (masked LM) and in the image-text playground. Headless Chromium's WebGPU runs on
// SwiftShader, a CPU emulation: these tests prove the WebGPU code path (kernels, gradients, asynchronous reads)
// and that it computes what WebAssembly computes; they say nothing about speed (docs/webgpu.md).
// Settings are tiny so that the software GPU finishes in a minute or two: one pass over the toy corpus for the masked
// LM (13 optimiser steps), four batches (256 pictures) for the image-text model, then cancel.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, openPage } from './browser';
import { LAB_TIMEOUT, TEST_TIMEOUT, expectCleanPage, numberIn, openLab, progressPercent, statusLine } from './labHelpers';

/** SwiftShader compiles every WebGPU pipeline on the CPU and runs each batch of 64 pictures in about 10 s here. */
const WAIT = { timeout: 300_000, interval: 500 };
/** Same seed, same batches, same start: the backends differ only in float32 rounding (other summation orders in
 *  matrix products and reductions; the image-text model's GPU path uses tfjs's own conv2d and maxPool where the CPU
 *  backends use im2col and a reshape-max, the same functions). Measured: the masked LM's losses agree to 1e-6
 *  relative after 13 steps, the image-text InfoNCE to 1.5e-4 after 4. The bounds below are 10-100 times that, and
 *  still several times smaller than what the loss falls over the same steps (about 4% and 6%), so a WebGPU kernel
 *  that computed something else (a zero gradient, a wrong read) could not pass. */
const MLM_AGREEMENT = 0.002;
const IMAGE_TEXT_AGREEMENT = 0.01;
/** Pictures the image-text comparison trains on: four batches of 64. */
const IMAGE_TEXT_COMPARED_AT = 256;

const mlmLab = (engine: string) => `/#/lab?corpus=toy-fruit&model=mlm&engine=${engine}&epochs=1&dim=16&ffn=32&seed=1`;

let browser: Browser;
let noGpuBrowser: Browser;
beforeAll(async () => {
  browser = await launch();
  // No software rasteriser on this GPU-less machine: neither WebGPU nor WebGL can start (as in labRecovery.test.ts).
  noGpuBrowser = await launch(['--disable-software-rasterizer']);
});
afterAll(async () => {
  await browser?.close();
  await noGpuBrowser?.close();
});

/** Train the masked LM in the lab to the end; returns the loss curve's first and last points and the backend shown. */
async function trainMlmInLab(page: Page): Promise<{ first: number; last: number; points: number }> {
  await page.getByRole('button', { name: 'Start training', exact: true }).click();
  await expect.poll(async () => (await statusLine(page).textContent()) ?? '', WAIT).toMatch(/Finished/);
  const figure = page.getByRole('figure', { name: 'Loss curve' });
  // The last loss is the one shown once the progress reads 100% (the chart redraws on its own clock, so its last
  // point may lag a moment; its first point does not move).
  await expect.poll(() => progressPercent(page), { timeout: LAB_TIMEOUT }).toBe(100);
  await expect.poll(async () => Number(await figure.getAttribute('data-points')), { timeout: LAB_TIMEOUT }).toBeGreaterThan(0);
  return { first: Number(await figure.getAttribute('data-first')), last: await numberIn(page, 'Current loss'), points: Number(await figure.getAttribute('data-points')) };
}

// Runs in the page (a function: the page's CSP forbids eval). Records every text the training status shows.
const RECORD_STATUS = () => {
  const el = document.querySelector('section[aria-label="Train the image-text model"] [aria-label="Training progress"]');
  if (!el) throw new Error('no training status');
  const seen: string[] = [];
  (window as unknown as { __statuses: string[] }).__statuses = seen;
  new MutationObserver(() => seen.push(el.textContent ?? '')).observe(el, { childList: true, characterData: true, subtree: true });
};

interface Tick {
  images: number;
  infonce: number;
  hinge: number;
}

function ticksOf(statuses: string[]): Tick[] {
  const out: Tick[] = [];
  for (const s of statuses) {
    const m = /: ([\d,]+) of [\d,]+ images.*InfoNCE (\d+\.\d+), hinge (\d+\.\d+)/.exec(s);
    if (m) out.push({ images: Number(m[1]!.replace(/,/g, '')), infonce: Number(m[2]), hinge: Number(m[3]) });
  }
  return out;
}

/** Train the image-text model in the playground on `engine` until IMAGE_TEXT_COMPARED_AT pictures, then cancel. */
async function trainImageText(page: Page, engine: string): Promise<{ ticks: Tick[]; active: string; summary: string }> {
  const train = page.getByRole('region', { name: 'Train the image-text model' });
  await expect.poll(() => train.getByRole('button', { name: 'Train', exact: true }).isVisible(), WAIT).toBe(true);
  await train.getByRole('combobox', { name: 'Backend' }).selectOption(engine);
  await train.getByRole('spinbutton', { name: 'Epochs' }).fill('1');
  await page.evaluate(RECORD_STATUS);
  await train.getByRole('button', { name: 'Train', exact: true }).click();
  const statuses = () => page.evaluate(() => (window as unknown as { __statuses: string[] }).__statuses);
  await expect.poll(async () => ticksOf(await statuses()).some((t) => t.images >= IMAGE_TEXT_COMPARED_AT), WAIT).toBe(true);
  const active = (await train.getByLabel('Active backend').textContent()) ?? '';
  await train.getByRole('button', { name: 'Cancel training' }).click();
  await expect.poll(() => train.getByRole('status', { name: 'Training progress' }).textContent(), WAIT).toContain('Cancelled');
  const figure = train.getByRole('figure', { name: 'Both losses while training' });
  const summary = (await figure.locator('figcaption').textContent()) ?? '';
  // Every batch's losses, from the chart's own table: the progress line is only redrawn twice a second, so the
  // batch at IMAGE_TEXT_COMPARED_AT need not have been shown there.
  await figure.getByText('Show the values').click();
  const rows = figure.getByRole('table', { name: 'Values of both losses while training' }).locator('tbody tr');
  await expect.poll(() => rows.count(), WAIT).toBeGreaterThan(0);
  const ticks = (await rows.evaluateAll((trs) => trs.map((tr) => Array.from(tr.children, (c) => c.textContent ?? '')))).map(([images, infonce, hinge]) => ({
    images: Number(images!.replace(/,/g, '')),
    infonce: Number(infonce),
    hinge: Number(hinge),
  }));
  return { ticks, active, summary };
}

describe('training on tfjs WebGPU (software GPU here)', () => {
  let wasmMlmLoss = NaN;

  it('the lab trains the masked LM on WebAssembly (the reference run)', async () => {
    const { page, watch, context } = await openLab(browser, mlmLab('tfjs-wasm'));
    const r = await trainMlmInLab(page);
    wasmMlmLoss = r.last;
    expect(await page.getByLabel('Active backend').textContent()).toBe('tfjs-wasm');
    expectCleanPage(watch);
    await context.close();
  }, TEST_TIMEOUT);

  it('the lab trains the masked LM on WebGPU: the loss falls, the guesses show, the losses match WebAssembly', async () => {
    const { page, watch, context } = await openLab(browser, mlmLab('tfjs-webgpu'));
    const r = await trainMlmInLab(page);
    expect(await page.getByLabel('Active backend').textContent()).toBe('tfjs-webgpu');
    expect(r.points).toBeGreaterThan(2);
    expect(r.last).toBeLessThan(r.first);
    expect(Math.abs(r.last - wasmMlmLoss) / wasmMlmLoss, `final loss ${r.last} on WebGPU vs ${wasmMlmLoss} on WebAssembly`).toBeLessThan(MLM_AGREEMENT);
    const guesses = page.getByRole('table', { name: 'Live guesses' }).locator('tbody tr');
    await expect.poll(() => guesses.count(), WAIT).toBe(4);
    await expect.poll(() => guesses.first().locator('td').nth(2).textContent(), WAIT).toMatch(/^\S+ \d+%, \S+ \d+%, \S+ \d+%$/);
    expectCleanPage(watch);
    await context.close();
  }, TEST_TIMEOUT);

  let wasmTicks: Tick[] = [];
  it('the image-text playground trains on WebAssembly (the reference run)', async () => {
    const { page, watch, context } = await openPage(browser, '/#/playgrounds/imagetext');
    const r = await trainImageText(page, 'tfjs-wasm');
    expect(r.active).toBe('tfjs-wasm');
    wasmTicks = r.ticks;
    expect(watch.pageErrors).toEqual([]);
    await context.close();
  }, TEST_TIMEOUT);

  it('the image-text playground trains on WebGPU with both losses falling, as on WebAssembly', async () => {
    const { page, watch, context } = await openPage(browser, '/#/playgrounds/imagetext');
    const r = await trainImageText(page, 'tfjs-webgpu');
    expect(r.active).toBe('tfjs-webgpu');
    expect(await page.getByRole('region', { name: 'Train the image-text model' }).getByRole('alert').count()).toBe(0); // no fallback
    const first = r.ticks[0]!;
    const at = r.ticks.find((t) => t.images === IMAGE_TEXT_COMPARED_AT)!;
    expect(at, JSON.stringify(r.ticks)).toBeDefined();
    expect(at.infonce).toBeLessThan(first.infonce);
    expect(at.hinge).toBeLessThan(first.hinge);
    // The chart's summary names both losses, first and last.
    expect(r.summary).toMatch(/InfoNCE \d+\.\d{3} \(first \d+\.\d{3}\), hinge \d+\.\d{3} \(first \d+\.\d{3}\)/);
    const ref = wasmTicks.find((t) => t.images === IMAGE_TEXT_COMPARED_AT)!;
    expect(ref, JSON.stringify(wasmTicks)).toBeDefined();
    expect(Math.abs(at.infonce - ref.infonce) / ref.infonce, `InfoNCE ${at.infonce} vs ${ref.infonce}`).toBeLessThan(IMAGE_TEXT_AGREEMENT);
    expect(Math.abs(at.hinge - ref.hinge) / ref.hinge, `hinge ${at.hinge} vs ${ref.hinge}`).toBeLessThan(IMAGE_TEXT_AGREEMENT);
    expect(watch.pageErrors).toEqual([]);
    await context.close();
  }, TEST_TIMEOUT);

  it('without WebGPU (nor WebGL) the lab says so and trains the masked LM on WebAssembly', async () => {
    const { page, watch, context } = await openLab(noGpuBrowser, mlmLab('tfjs-webgpu'));
    const r = await trainMlmInLab(page);
    expect(await page.getByLabel('Active backend').textContent()).toBe('tfjs-wasm');
    const alert = page.getByRole('alert').filter({ hasText: 'could not start' });
    expect(await alert.first().textContent()).toMatch(/TensorFlow\.js on WebGPU could not start \(.+\)\. Trying TensorFlow\.js on WebGL/);
    // Same seed, now on wasm: the same loss as the reference run.
    expect(Math.abs(r.last - wasmMlmLoss) / wasmMlmLoss).toBeLessThan(MLM_AGREEMENT);
    expect(page.url()).toContain('engine=tfjs-webgpu'); // the student's choice is kept for a browser that has WebGPU
    expectCleanPage(watch);
    await context.close();
  }, TEST_TIMEOUT);

  it('without WebGPU (nor WebGL) the image-text playground says so and trains on WebAssembly', async () => {
    const { page, watch, context } = await openPage(noGpuBrowser, '/#/playgrounds/imagetext');
    const r = await trainImageText(page, 'tfjs-webgpu');
    expect(r.active).toBe('tfjs-wasm');
    const alert = page.getByRole('region', { name: 'Train the image-text model' }).getByRole('alert');
    expect(await alert.textContent()).toMatch(/tfjs-webgpu could not start here \(.+\) Trying tfjs-webgl\. tfjs-webgl could not start here \(.+\) Trying tfjs-wasm\./);
    expect(r.ticks.every((t) => Number.isFinite(t.infonce))).toBe(true);
    expect(watch.pageErrors).toEqual([]);
    await context.close();
  }, TEST_TIMEOUT);
});
