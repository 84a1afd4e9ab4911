// The "Images and captions" playground used as a student would: type a caption and see the pictures ranked as the
// core ranks them with the same shipped weights; click a picture and see its captions; train on WebAssembly and see
// both losses appear, then cancel. Expected answers come from the core reading the same shipped file.
import { readFileSync } from 'node:fs';
import type { Browser, Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDualModel } from '../../src/core/models/multimodal/dualModelFile';
import { captionOf } from '../../src/core/multimodal/captions';
import { rasterise } from '../../src/core/multimodal/rasterise';
import { topK } from '../../src/core/multimodal/recall';
import { makeSceneSplit } from '../../src/core/multimodal/sceneSplit';
import { launch, openPage, resetLongTasks } from './browser';
import { axeViolations } from './axe';
import { answerPredictionFor, loadLessons, widgetStep } from './lessonsData';

const WAIT = { timeout: 180_000, interval: 300 };
const { model } = readDualModel(new Uint8Array(readFileSync('public/models/imagetext-shapes.eldm')));
const test = makeSceneSplit({ seed: 1 }).test;
const captions = test.map(captionOf);
const texts = model.embedTexts(captions);
const images = model.embedImages(test.map((s) => rasterise(s)));
const picturesFor = (q: string) => topK(model.embedTexts([q]), images, model.dim, 8).map((h) => captions[h.index]!);
const captionsFor = (i: number) => topK(images.subarray(i * model.dim, (i + 1) * model.dim), texts, model.dim, 5).map((h) => captions[h.index]!);
const rankedAlts = (l: Locator) => l.locator('canvas[role="img"]').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
const rankedTexts = (l: Locator) => l.locator('li').evaluateAll((els) => els.map((e) => e.firstChild?.textContent?.trim() ?? ''));


let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('images and captions playground', () => {
  it('ranks pictures for a typed caption and captions for a clicked picture, as the core does', async () => {
    const { page, watch, context } = await openPage(browser, '/#/playgrounds/imagetext');
    const grid = page.getByRole('list', { name: 'Pictures ranked for the caption' });
    await expect.poll(() => rankedAlts(grid), WAIT).toEqual(picturesFor('a small red triangle on the left'));

    // A held-out pair, typed: the pictures follow, in the core's order.
    const box = page.getByRole('textbox', { name: 'Caption' });
    await box.fill('a large green circle at the top');
    await expect.poll(() => rankedAlts(grid), WAIT).toEqual(picturesFor('a large green circle at the top'));
    await expect.poll(() => page.url(), WAIT).toContain('q=a+large+green+circle+at+the+top');

    // Click the first picture: its closest captions are listed.
    const first = picturesFor('a large green circle at the top')[0]!;
    await grid.getByRole('button').first().click();
    await expect.poll(() => rankedTexts(page.getByRole('list', { name: 'Captions ranked for the picture' })), WAIT).toEqual(captionsFor(captions.indexOf(first)));

    // Words outside the vocabulary are named, not silently dropped.
    await box.fill('a small purple hexagon on the left');
    await expect.poll(() => page.getByRole('note').textContent(), WAIT).toContain('hexagon');

    // The recall table shows the held-out row and chance.
    const table = page.getByRole('table', { name: 'Recall on the test scenes' });
    await expect.poll(() => table.textContent(), WAIT).toContain('held-out pairs (30)');
    await expect.poll(() => table.textContent(), WAIT).toContain('0.3%');
    // Every control named, every picture described: nothing on the page fails an axe-core scan.
    await expect.poll(() => page.getByRole('figure', { name: 'Captions and pictures on one map' }).getAttribute('data-drawn'), WAIT).not.toBe('0');
    expect(await axeViolations(page)).toEqual([]);
    expect(watch.pageErrors).toEqual([]);
    await context.close();
  });

  // WebGL runs on SwiftShader here (a software GPU): slow, but the same code path as a real GPU's.
  it.each(['tfjs-wasm', 'tfjs-webgl'])('trains on %s with both losses drawn, the page responsive, and cancels', async (engine) => {
    const { page, watch, context } = await openPage(browser, '/#/playgrounds/imagetext');
    const train = page.getByRole('region', { name: 'Train the image-text model' });
    await expect.poll(() => train.getByRole('button', { name: 'Train', exact: true }).isVisible(), WAIT).toBe(true);
    await train.getByRole('combobox', { name: 'Backend' }).selectOption(engine);
    await train.getByRole('combobox', { name: 'Loss' }).selectOption('hinge');
    await train.getByRole('spinbutton', { name: 'Epochs' }).fill('1');
    // The map's first drawing loads plotly (a long task of its own, before any training): wait for it first.
    await expect.poll(() => page.getByRole('figure', { name: 'Captions and pictures on one map' }).getAttribute('data-drawn'), WAIT).not.toBe('0');
    await resetLongTasks(page);
    await train.getByRole('button', { name: 'Train', exact: true }).click();
    const status = train.getByRole('status', { name: 'Training progress' });
    const progress = new RegExp(`Training on ${engine}: (1[2-9]\\d|[2-9]\\d\\d|\\d,\\d{3}) of 2,112 images.*InfoNCE \\d+\\.\\d{3}, hinge \\d+\\.\\d{3}`);
    await expect.poll(() => status.textContent(), WAIT).toMatch(progress);
    const figure = train.getByRole('figure', { name: 'Both losses while training' });
    await expect.poll(() => figure.getAttribute('data-drawn'), WAIT).not.toBe('0');
    // Training runs in the worker; the page's longest task meanwhile is logged, not asserted (no timed assertions:
    // on a loaded machine any bound would be noise).
    console.log(`[imagetext] longest main-thread task while training on ${engine}: ${Math.round(await watch.longestTask())} ms`);
    await train.getByRole('button', { name: 'Cancel training' }).click();
    await expect.poll(() => status.textContent(), WAIT).toContain('Cancelled');
    expect(watch.pageErrors).toEqual([]);
    await context.close();
  });

  it('the lesson widget asks for a prediction first, then shows the same ranking', async () => {
    const lesson = loadLessons().find((l) => l.id === 'beyond-word2vec')!;
    const step = widgetStep(lesson, 'image-text');
    const { page, context } = await openPage(browser, `/#/lessons/beyond-word2vec/${step + 1}`);
    await answerPredictionFor(page, lesson, step, 'image-text');
    const w = page.locator('section.widget[data-widget="image-text"]').first();
    await expect.poll(() => rankedAlts(w.getByRole('list', { name: 'Pictures ranked for the caption' })), WAIT).toEqual(picturesFor('a small red triangle on the left'));
    // The map is drawn at its own size: the lessons' widget style once scaled plotly's stacked svgs and cut the map.
    const map = w.getByRole('figure', { name: 'Captions and pictures on one map' });
    await expect.poll(() => map.locator('svg.main-svg').count(), WAIT).toBeGreaterThan(0);
    const sizes = await map.locator('svg.main-svg').evaluateAll((svgs) => svgs.map((s) => [Number(s.getAttribute('width')), Math.round(s.getBoundingClientRect().width)]));
    for (const [attr, drawn] of sizes) expect(drawn).toBe(attr);
    await context.close();
  });

  it('the lesson step fits a phone: the wide recall table scrolls inside itself', async () => {
    const lesson = loadLessons().find((l) => l.id === 'beyond-word2vec')!;
    const step = widgetStep(lesson, 'image-text');
    const { page, context } = await openPage(browser, `/#/lessons/beyond-word2vec/${step + 1}`, { viewport: { width: 390, height: 844 } });
    await answerPredictionFor(page, lesson, step, 'image-text');
    const table = page.getByRole('table', { name: 'Recall on the test scenes' });
    await expect.poll(() => table.locator('tbody tr').count(), WAIT).toBe(4);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(1);
    await context.close();
  });
});
