// The "Words in context" playground used as a student would: two sentences with the same word give two points, a
// row of nearest words each and a cosine between them; a sentence with [MASK] gives the model's guesses, the same
// ones the core gives for the shipped file; the attention grid of a sentence has a row per word.
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadMlmModel } from '../../src/core/models/contextual/mlmModel';
import { sentenceTokens } from '../../src/core/models/contextual/mlmTokenizer';
import { senseAuc } from '../../src/core/models/contextual/senseAuc';
import { activateTfjsBackend } from '../../src/core/train/tfjsBackend';
import { launch, openPage } from './browser';
import { loadLessons, widgetStep } from './lessonsData';
import { LAB_TIMEOUT, TEST_TIMEOUT, expectCleanPage, openLab, statusLine } from './labHelpers';

const WAIT = { timeout: 120_000, interval: 300 };
const MASKED = 'The [MASK] raised its rates.';

let browser: Browser;
let expectedGuess = '';
/** The sense game's word, its project labels and the model's AUC for them, computed in Node from the shipped file. */
const GAME_WORD = 'plant';
let gameSenses: string[] = [];
let gameAuc = NaN;
beforeAll(async () => {
  browser = await launch();
  await activateTfjsBackend('cpu');
  const model = loadMlmModel(new Uint8Array(readFileSync('public/models/mlm-brown-sotu.elcm')));
  expectedGuess = (await model.predictMasked(sentenceTokens(MASKED), 5))[0]!.guesses[0]!.token;
  const set = JSON.parse(readFileSync('data/senses/senses.json', 'utf8')) as { words: { word: string; occurrences: { tokens: string[]; position: number; sense: string }[] }[] };
  const occ = set.words.find((w) => w.word === GAME_WORD)!.occurrences;
  const encoded = await model.encode(occ.map((o) => o.tokens));
  const vectors = occ.map((o, i) => encoded[i]!.slice(o.position * model.dim, (o.position + 1) * model.dim));
  gameSenses = occ.map((o) => o.sense);
  gameAuc = senseAuc(vectors, gameSenses);
  model.dispose();
});
afterAll(async () => {
  await browser?.close();
});

describe('words in context playground', () => {
  it('the sense game colours corpus occurrences by the senses a student picks, and scores them as the core does', async () => {
    const { page, watch, context } = await openPage(browser, '/#/playgrounds/context');
    const game = page.getByRole('region', { name: 'Sense game' });
    await game.getByRole('combobox', { name: 'Word' }).selectOption(GAME_WORD);
    await expect.poll(() => game.locator('figure.plot').getAttribute('data-drawn'), WAIT).not.toBe('0');
    await expect.poll(() => game.getByTestId('sense-auc-student').textContent(), WAIT).toBe('not yet defined');
    // Label every occurrence as the project did: the student's AUC is then the project's, as Node computes it.
    for (let i = 0; i < gameSenses.length; i++) {
      await game.getByRole('combobox', { name: `Sense of occurrence ${i + 1}`, exact: true }).selectOption(gameSenses[i]!);
    }
    await expect.poll(() => game.getByLabel('Sense game score').textContent(), WAIT).toContain(`You labelled ${gameSenses.length} of ${gameSenses.length}`);
    expect(await game.getByTestId('sense-auc-student').textContent()).toBe(gameAuc.toFixed(2));
    expect(await game.getByTestId('project-sense').count()).toBe(0);
    await game.getByRole('button', { name: "Reveal the project's labels" }).click();
    await expect.poll(() => game.getByTestId('sense-agreed').textContent(), WAIT).toBe(String(gameSenses.length));
    expect(await game.getByTestId('sense-auc-project').textContent()).toBe(gameAuc.toFixed(2));
    // One label changed to the other sense: agreement drops by one.
    const other = gameSenses[0] === gameSenses[1] ? [...new Set(gameSenses)].find((s) => s !== gameSenses[0])! : gameSenses[1]!;
    await game.getByRole('combobox', { name: 'Sense of occurrence 1', exact: true }).selectOption(other);
    await expect.poll(() => game.getByTestId('sense-agreed').textContent(), WAIT).toBe(String(gameSenses.length - 1));
    await expectCleanPage(watch);
    await context.close();
  }, TEST_TIMEOUT);

  it('shows one point per occurrence, their cosine, masked guesses and attention', async () => {
    const { page, watch, context } = await openPage(browser, '/#/playgrounds/context');
    await expect.poll(() => page.getByRole('region', { name: 'Words in context' }).textContent(), WAIT).toContain('Model ready');
    await page.getByRole('textbox', { name: 'Word', exact: true }).fill('state');
    await page.getByRole('textbox', { name: 'Sentences (one per line)' }).fill('The state raised taxes on farms.\nHe was in a state of shock.');
    await page.getByRole('button', { name: 'Show the occurrences' }).click();
    const rows = page.getByRole('table', { name: 'Nearest words of each occurrence' }).locator('tbody tr');
    await expect.poll(() => rows.count(), WAIT).toBe(3);
    await expect.poll(() => rows.nth(1).locator('th').textContent(), WAIT).toBe('state #1');
    const occurrencesTool = page.getByRole('form', { name: 'Occurrences of a word' });
    await expect.poll(() => occurrencesTool.locator('figure.plot figcaption').textContent(), WAIT).toContain('2 occurrences of “state”');
    await expect.poll(() => occurrencesTool.locator('figure.plot').getAttribute('data-drawn'), WAIT).not.toBe('0');
    const cos = page.locator('td[data-cosine="1-2"]');
    await expect.poll(() => cos.textContent(), WAIT).toMatch(/^-?[01]\.\d\d$/);
    await expect.poll(() => page.locator('td[data-cosine="1-1"]').textContent(), WAIT).toBe('1.00');
    await expect.poll(() => page.url(), WAIT).toContain('word=state');

    // A sentence without the word is named, the others still shown.
    await page.getByRole('textbox', { name: 'Sentences (one per line)' }).fill('The state raised taxes.\nNo such word here.');
    await page.getByRole('button', { name: 'Show the occurrences' }).click();
    await expect.poll(() => page.getByRole('alert').first().textContent(), WAIT).toContain('Sentence 2 does not contain “state”');

    await page.getByRole('textbox', { name: 'Sentence with [MASK]' }).fill(MASKED);
    await page.getByRole('button', { name: 'Guess' }).click();
    const guesses = page.getByRole('table', { name: 'Guesses for word 2' }).locator('tbody tr');
    await expect.poll(() => guesses.count(), WAIT).toBe(5);
    await expect.poll(() => guesses.first().locator('td').first().textContent(), WAIT).toBe(expectedGuess);

    const grid = page.getByRole('table', { name: 'Attention weights' }).locator('tbody tr');
    await expect.poll(() => grid.count(), WAIT).toBe(4);
    await page.getByRole('combobox', { name: 'Head' }).selectOption('2');
    await expect.poll(() => grid.first().locator('th').textContent(), WAIT).toBe('the');
    expect(watch.pageErrors).toEqual([]);
    await context.close();
  });

  // WebGL here is Chromium's software renderer (SwiftShader): the same shaders a GPU would run, only slower.
  it.each(['tfjs-wasm', 'tfjs-webgl'])('trains the masked-language model in the lab on %s, with a falling loss', async (engine) => {
    const { page, watch, context } = await openLab(browser, `/#/lab?corpus=toy-fruit&model=mlm&engine=${engine}&epochs=3&dim=16&ffn=32`);
    // Long tasks are counted from here on: training, not the page's first load (the lab's chunks and its first
    // drawing are done once the button and the empty loss chart are there).
    const startButton = page.getByRole('button', { name: 'Start training', exact: true });
    await expect.poll(() => startButton.isEnabled(), { timeout: LAB_TIMEOUT }).toBe(true);
    await page.getByRole('figure', { name: 'Loss curve' }).waitFor();
    await page.evaluate(() => ((window as unknown as { __longestTask: number }).__longestTask = 0));
    await startButton.click();
    await expect.poll(async () => (await statusLine(page).textContent()) ?? '', { timeout: LAB_TIMEOUT }).toMatch(/Finished/);
    const lossFigure = page.getByRole('figure', { name: 'Loss curve' });
    await expect.poll(async () => Number(await lossFigure.getAttribute('data-points')), { timeout: LAB_TIMEOUT }).toBeGreaterThan(2);
    const label = (await lossFigure.getByRole('img').getAttribute('aria-label')) ?? '';
    const [start, end] = [...label.matchAll(/(\d+\.\d{3})/g)].map((m) => Number(m[1]));
    expect(end).toBeLessThan(start!);
    // No map for a contextual model: its live guesses for hidden words instead, with a pointer to the playground.
    const guesses = page.getByRole('table', { name: 'Live guesses' }).locator('tbody tr');
    await expect.poll(() => guesses.count(), { timeout: LAB_TIMEOUT }).toBe(4);
    await expect.poll(() => guesses.first().locator('td').first().textContent(), { timeout: LAB_TIMEOUT }).toContain('___');
    await expect.poll(() => guesses.first().locator('td').nth(2).textContent(), { timeout: LAB_TIMEOUT }).toMatch(/^\S+ \d+%, \S+ \d+%, \S+ \d+%$/);
    // Logged, not asserted (no timed assertions).
    console.log(`[mlm] longest main-thread task while training in the lab on ${engine}: ${Math.round(await watch.longestTask())} ms`);
    expectCleanPage(watch);
    await context.close();
  }, TEST_TIMEOUT);

  it('the lesson widget opens after the prediction and gives the quiz’s cosine of 0.60', async () => {
    const lesson = loadLessons().find((l) => l.id === 'beyond-word2vec')!;
    const step = widgetStep(lesson, 'contextual');
    const { page, watch, context } = await openPage(browser, `/#/lessons/beyond-word2vec/${step + 1}`);
    // Predict first (the second answer is the right one), then the widget runs.
    const form = page.locator('form.quiz', { hasText: 'She showed great interest' });
    await form.getByRole('radio').nth(1).check();
    await form.getByRole('button', { name: 'Check answer' }).click();
    const w = page.getByRole('region', { name: 'Words in context' });
    const rows = w.getByRole('table', { name: 'Nearest words of each occurrence' }).locator('tbody tr');
    await expect.poll(() => rows.count(), WAIT).toBe(3);
    await expect.poll(() => w.locator('td[data-cosine="1-2"]').textContent(), WAIT).toBe('0.60');
    // The lesson quotes the guess for its hidden word: it is there without pressing Guess.
    const guesses = w.getByRole('table', { name: 'Guesses for word 6' }).locator('tbody tr');
    await expect.poll(() => guesses.first().locator('td').first().textContent(), WAIT).toBe('states');
    expect(watch.pageErrors).toEqual([]);
    await context.close();
  });
});
