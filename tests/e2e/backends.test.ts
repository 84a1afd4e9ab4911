// The TensorFlow.js engine in a real browser, on each backend a student can pick: WebGPU, WebGL and WebAssembly
// (headless Chromium runs WebGPU and WebGL on SwiftShader, a CPU emulation: this proves the GPU code paths are
// correct, not fast). Through the lab page as a student uses it: open a lab link with the engine, press
// "Start training", watch the loss fall, and check that the backend shown is the one asked for (the lab falls back
// to another engine when one cannot start, so a silent fallback would show here).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, openPage } from './browser';

/**
 * A toy corpus and a small model so that the software GPU finishes in tens of seconds; "slow" speed trains in
 * chunks of 200 words with a pause between, so the loss is reported many times along the way (at full speed wasm
 * finishes in one or two chunks); PCA keeps the map cheap.
 */
const LAB = '/#/lab?corpus=toy-fruit&model=skipgram&dim=16&window=5&negative=5&hs=0&epochs=5&minCount=1&sample=0&seed=1&speed=slow&map=pca';
/** SwiftShader compiles each WebGL/WebGPU shader in about a second, and trains ~1,000 toy words per second. */
const TRAIN_TIMEOUT_MS = 150_000;
const POLL_MS = 150;

interface Observed {
  losses: number[];
  backends: Set<string>;
  status: string;
}

/** Poll the lab's live numbers until training has finished (or failed), keeping every distinct loss shown. */
async function watchTraining(page: Page): Promise<Observed> {
  const seen: Observed = { losses: [], backends: new Set(), status: '' };
  const deadline = Date.now() + TRAIN_TIMEOUT_MS;
  for (;;) {
    const backend = (await page.getByLabel('Active backend').textContent())?.trim() ?? '';
    const loss = Number.parseFloat((await page.getByLabel('Current loss').textContent()) ?? '');
    const progress = Number.parseFloat((await page.locator('output[aria-label="Progress"]').textContent()) ?? '');
    seen.status = (await page.getByRole('region', { name: 'Training status' }).textContent()) ?? '';
    if (backend && backend !== 'none yet') seen.backends.add(backend);
    if (Number.isFinite(loss) && loss !== seen.losses[seen.losses.length - 1]) seen.losses.push(loss);
    if (progress >= 100 || /diverged|failed|could not start/i.test(seen.status)) return seen;
    if (Date.now() > deadline) throw new Error(`Training did not finish in ${TRAIN_TIMEOUT_MS / 1000} s: ${seen.status}`);
    await page.waitForTimeout(POLL_MS);
  }
}

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('TensorFlow.js engine trains in the browser on every backend', () => {
  for (const engine of ['tfjs-webgpu', 'tfjs-webgl', 'tfjs-wasm'] as const) {
    it(`${engine}: the loss falls and the backend shown is ${engine}`, async () => {
      const { page, watch, context } = await openPage(browser, `${LAB}&engine=${engine}`);
      await page.getByRole('button', { name: 'Start training' }).click();
      const seen = await watchTraining(page);
      expect(seen.status).toMatch(/Finished 5 epochs/);
      expect([...seen.backends]).toEqual([engine]); // never another engine, not even for a moment
      // Several readings along the way; over 5 epochs the loss falls by about a third (3.9 after the first chunk, 2.5 at the end on wasm).
      expect(seen.losses.length).toBeGreaterThanOrEqual(3);
      const first = seen.losses[0];
      const last = seen.losses[seen.losses.length - 1];
      expect(last).toBeLessThan(first * 0.9);
      expect(last).toBeGreaterThan(0);
      expect(watch.pageErrors).toEqual([]);
      expect(watch.consoleErrors).toEqual([]);
      expect(watch.foreignRequests).toEqual([]);
      await context.close();
    });
  }
});
