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

interface Observed {
  losses: number[];
  backends: string[];
  status: string;
}

// Runs in the page (as a string: the test runner's helpers must not leak into it). Records every value the lab
// writes into "Current loss" and "Active backend", however fast they change, with a MutationObserver.
const RECORD_LIVE_NUMBERS = `(() => {
  const rec = { losses: [], backends: [] };
  window.__backendsTest = rec;
  const watch = (label, list, parse) => {
    const el = document.querySelector('output[aria-label="' + label + '"]');
    if (!el) throw new Error('no output labelled ' + label);
    const take = () => {
      const v = parse((el.textContent || '').trim());
      if (v !== null && v !== list[list.length - 1]) list.push(v);
    };
    take();
    new MutationObserver(take).observe(el, { childList: true, characterData: true, subtree: true });
  };
  watch('Current loss', rec.losses, (t) => (Number.isFinite(parseFloat(t)) ? parseFloat(t) : null));
  watch('Active backend', rec.backends, (t) => (t && t !== 'none yet' ? t : null));
})()`;

// A function, not a string: waitForFunction evaluates a string predicate with eval() in the page, which the lab's
// Content-Security-Policy forbids (no 'unsafe-eval'). It references nothing outside itself.
const FINISHED_OR_FAILED = () => {
  const status = document.querySelector('[aria-label="Training status"]')?.textContent || '';
  return /Finished|diverged|failed|could not start/i.test(status);
};

/** Press "Start training" and wait until training has finished (or failed), with every loss and backend shown. */
async function trainAndWatch(page: Page): Promise<Observed> {
  await page.getByLabel('Current loss').waitFor();
  await page.evaluate(RECORD_LIVE_NUMBERS);
  await page.getByRole('button', { name: 'Start training' }).click();
  await page.waitForFunction(FINISHED_OR_FAILED, undefined, { timeout: TRAIN_TIMEOUT_MS, polling: 250 });
  const rec = (await page.evaluate('window.__backendsTest')) as { losses: number[]; backends: string[] };
  const status = (await page.getByRole('region', { name: 'Training status' }).textContent()) ?? '';
  return { ...rec, status };
}

/** Final loss per backend, for the cross-backend comparison (each test compares with those that ran before it). */
const finalLoss = new Map<string, number>();
/** Same seed, same batches: the backends differ only in float rounding (WebGPU adds with atomics in any order). */
const BACKEND_AGREEMENT = 0.01;

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
      const seen = await trainAndWatch(page);
      expect(seen.status).toMatch(/Finished 5 epochs/);
      expect(seen.backends).toEqual([engine]); // never another engine, not even for a moment
      // Several readings along the way; over 5 epochs the loss falls by about a third (3.9 after the first chunk, 2.5 at the end on wasm).
      expect(seen.losses.length).toBeGreaterThanOrEqual(3);
      const first = seen.losses[0];
      const last = seen.losses[seen.losses.length - 1];
      expect(last).toBeLessThan(first * 0.9);
      expect(last).toBeGreaterThan(0);
      for (const [other, loss] of finalLoss) {
        expect(Math.abs(last - loss) / loss, `final loss ${last} on ${engine} vs ${loss} on ${other}`).toBeLessThan(BACKEND_AGREEMENT);
      }
      finalLoss.set(engine, last);
      expect(watch.pageErrors).toEqual([]);
      expect(watch.consoleErrors).toEqual([]);
      expect(watch.foreignRequests).toEqual([]);
      await context.close();
    });
  }
});
