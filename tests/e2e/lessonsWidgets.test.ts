// Every lesson's widgets used as a student would: typing, pressing, sliding, training, on the shipped vectors;
// unknown words and empty inputs get clear messages; one widget is driven by the keyboard alone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, openPage, type Watch } from './browser';
import { answerPredictionFor, loadLessons, POLL, widgetStep } from './lessonsData';

const LESSONS = loadLessons();
const byId = (id: string) => {
  const l = LESSONS.find((x) => x.id === id);
  if (!l) throw new Error(`no lesson ${id}`);
  return l;
};

let browser: Browser;
let page: Page;
let watch: Watch;
beforeAll(async () => {
  browser = await launch();
  ({ page, watch } = await openPage(browser, '/#/lessons'));
});
afterAll(async () => {
  await browser?.close();
});

/** Open the step of `lessonId` that holds widget `name`; returns the widget's section. */
async function openWidget(lessonId: string, name: string) {
  const step = widgetStep(byId(lessonId), name);
  await page.goto(page.url().replace(/#.*$/, `#/lessons/${lessonId}/${step + 1}`));
  await expect.poll(async () => page.locator('#lesson-step-title').textContent(), POLL).toBe(byId(lessonId).steps[step].title);
  // A prediction before the widget keeps it hidden until answered, as a student would.
  await answerPredictionFor(page, byId(lessonId), step, name);
  const w = page.locator(`section.widget[data-widget="${name}"]`).first();
  await w.waitFor();
  return w;
}

const text = (l: ReturnType<Page['locator']>) => l.textContent().then((t) => t ?? '');

describe('lesson widgets', () => {
  it('autoencoder: trains live and the codes move; the keyboard alone can drive it', async () => {
    const w = await openWidget('from-autoencoders', 'autoencoder');
    const svg = w.locator('svg[data-points]').first();
    await expect.poll(() => svg.getAttribute('data-points'), POLL).toBe('17');
    const before = await svg.innerHTML();
    // Keyboard: focus the Train button by tabbing from the seed field's neighbour, press Enter.
    await w.getByRole('button', { name: 'Train' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => text(w.getByLabel('Training step')), { ...POLL, timeout: 60_000 }).toBe('step 400 / 400');
    expect(await svg.innerHTML()).not.toBe(before);
    const loss = Number((await text(w.getByLabel('Reconstruction loss'))).replace('loss ', ''));
    expect(loss).toBeLessThan(2.0);
    // Switch the target with the arrow keys (radio group) and reset.
    await w.getByRole('radio').nth(2).focus();
    await page.keyboard.press('ArrowUp');
    expect(await w.getByRole('radio').nth(1).isChecked()).toBe(true);
    await expect.poll(() => text(w.getByLabel('Training step')), POLL).toBe('step 0 / 400');
  });

  it('context window: counts pairs for a typed sentence and complains about an empty one', async () => {
    const w = await openWidget('word-embeddings', 'context-window');
    const input = w.getByRole('textbox', { name: 'Sentence' });
    await input.fill('one two three four five six');
    await w.getByLabel('Window size').fill('2');
    await expect.poll(() => text(w.getByLabel('Pairs in the sentence')), POLL).toContain('18');
    await w.getByRole('button', { name: /^three/ }).click();
    await expect.poll(() => w.getByLabel('Training pairs').locator('li').count(), POLL).toBe(4);
    await w.getByRole('radio', { name: 'CBOW' }).check();
    await expect.poll(() => text(w.getByLabel('Training pairs')), POLL).toContain('mean(one, two, four, five) → three');
    await input.fill('   ');
    await expect.poll(() => text(w.getByRole('alert')), POLL).toContain('Type a sentence');
  });

  it('softmax cost: dot products per update follow the sliders; probabilities come from real vectors', async () => {
    const w = await openWidget('word-embeddings', 'softmax-cost');
    await expect.poll(() => text(w.getByLabel('Softmax dot products')), POLL).toBe('100,000');
    await w.getByLabel('Vocabulary size (log scale)').fill('6');
    await expect.poll(() => text(w.getByLabel('Softmax dot products')), POLL).toBe('1,000,000');
    await w.getByLabel('Number of negative samples').fill('10');
    await expect.poll(() => text(w.getByLabel('Negative sampling dot products')), POLL).toBe('11');
    await expect.poll(() => w.getByLabel('Most probable context words').locator('tbody tr').count(), POLL).toBe(8);
    await expect.poll(() => text(w.getByLabel('Vectors used')), POLL).toContain('Brown');
    await w.getByRole('textbox', { name: 'Centre word' }).fill('zzqxv');
    await expect.poll(() => text(w.getByRole('alert').first()), POLL).toContain('not in these vectors');
  });

  it('cosine: a number in [-1, 1] for known words, a clear message for unknown ones', async () => {
    const w = await openWidget('properties', 'cosine');
    await w.getByRole('textbox', { name: 'Word a' }).fill('monday');
    await w.getByRole('textbox', { name: 'Word b' }).fill('tuesday');
    await expect.poll(async () => Number(await text(w.getByLabel('Cosine value'))), POLL).toBeGreaterThan(0.5);
    const v = Number(await text(w.getByLabel('Cosine value')));
    expect(v).toBeLessThanOrEqual(1);
    await w.getByRole('textbox', { name: 'Word b' }).fill('blorptastic');
    await expect.poll(() => text(w.getByRole('alert')), POLL).toContain('"blorptastic"');
    await w.getByRole('textbox', { name: 'Word b' }).fill('');
    await expect.poll(() => text(w.getByRole('alert')), POLL).toContain('Type two words');
  });

  it('t-SNE runs: three seeded runs finish next to PCA, and a new seed restarts one', async () => {
    const w = await openWidget('visualisation', 'tsne-runs');
    for (let k = 1; k <= 3; k++) {
      await expect.poll(() => text(w.getByLabel(`Status of run ${k}`)), { ...POLL, timeout: 120_000 }).toContain('1000/1000');
    }
    await expect.poll(() => text(w.getByLabel('Status of run 1')), POLL).toMatch(/5-NN kept \d+%/);
    const maps = w.locator('svg[data-points]');
    expect(await maps.count()).toBe(4);
    await w.getByLabel('Seed of run 2').fill('7');
    await expect.poll(() => text(w.getByLabel('Status of run 2')), POLL).toContain('seed 7');
    await w.getByLabel('Perplexity of run 3').selectOption('30');
    await expect.poll(() => text(w.getByLabel('Status of run 3')), POLL).toContain('perplexity 30');
  });

  it('subwords: a real fastText model builds an unseen word from its n-grams', async () => {
    const w = await openWidget('beyond-word2vec', 'subword');
    await w.getByRole('textbox', { name: 'Word', exact: true }).fill('cat');
    await expect.poll(() => text(w.getByLabel('Vocabulary status of cat')), POLL).toContain('its own row and 6 n-gram rows');
    await w.getByRole('textbox', { name: 'Word', exact: true }).fill('befriendable');
    await expect.poll(() => text(w.getByLabel('Vocabulary status of befriendable')), POLL).toContain('not in');
    await expect.poll(() => w.getByRole('table', { name: 'Parts of the vector' }).locator('tbody tr').count(), POLL).toBeGreaterThan(0);
    await w.getByRole('textbox', { name: 'Word', exact: true }).fill('');
    await expect.poll(() => text(w.getByRole('alert')), POLL).toContain('Type a word');
  });

  it("GloVe: lesson 04's first step shows the shipped Brown GloVe vectors, with good next to luck, deal and very", async () => {
    const w = await openWidget('beyond-word2vec', 'similarity');
    await expect.poll(() => w.getByLabel('Vectors used').first().getAttribute('data-vectors'), { ...POLL, timeout: 60_000 }).toBe('brown-glove100');
    const table = w.locator('table', { hasText: 'luck' }).first();
    await expect.poll(() => text(table), { ...POLL, timeout: 60_000 }).toMatch(/luck[\s\S]*deal[\s\S]*very/);
  });

  it('lookup table and losses: a one-hot picks a row; three losses on real vectors', async () => {
    const w = await openWidget('training-embeddings', 'lookup');
    await w.getByRole('button', { name: 'queen' }).click();
    await expect.poll(() => text(w.getByLabel('Product')), POLL).toContain('row “queen”');
    const l = await openWidget('training-embeddings', 'loss-compare');
    await expect.poll(async () => Number(await text(l.getByLabel('Cross-entropy loss'))), POLL).toBeGreaterThan(0);
    // A loss is never negative (the logistic loss was once shown negated: -8.565 for 8.590).
    await expect.poll(async () => Number(await text(l.getByLabel('Logistic loss'))), POLL).toBeCloseTo(8.59, 2);
    const ce1 = Number(await text(l.getByLabel('Cross-entropy loss')));
    await l.getByLabel('True partner').selectOption({ label: 'election' });
    await expect.poll(async () => Number(await text(l.getByLabel('Cross-entropy loss'))), POLL).not.toBe(ce1);
    await l.getByLabel('Margin', { exact: true }).fill('0');
    await expect.poll(() => text(l.getByLabel('Margin loss')), POLL).toMatch(/^\d+\.\d{3}$/);
    const p = await openWidget('training-embeddings', 'padding');
    await p.getByRole('checkbox', { name: /sort by length/ }).check();
    await expect.poll(() => text(p.getByLabel('Padding share')), POLL).toMatch(/of \d+ slots are padding/);
  });

  it('fine-tuning: continues the Brown model on SOTU twice in a worker; kept output vectors start at the lower loss', async () => {
    const w = await openWidget('training-strategies', 'finetune');
    await w.getByRole('button', { name: 'Fine-tune on SOTU' }).click();
    await expect.poll(() => w.getByRole('progressbar', { name: 'Fine-tuning progress' }).count(), POLL).toBe(1);
    await expect.poll(() => w.getByLabel('Neighbours, output kept').locator('li').count(), { ...POLL, timeout: 240_000 }).toBe(10);
    const loss = async (arm: string) => Number(await text(w.getByTestId(`first-loss-${arm}`)));
    expect(await loss('kept')).toBeLessThan(await loss('reset'));
    const after = await w.getByLabel('Neighbours, output kept').locator('li').allTextContents();
    expect(after).toEqual(expect.arrayContaining(['insurance', 'care', 'coverage']));
    const before = await w.getByLabel('Neighbours before').locator('li').allTextContents();
    expect(before).toContain('welfare');
    // Another word is answered from the same two runs, without training again.
    await w.getByRole('textbox', { name: 'Word to watch' }).fill('qqqzzz');
    await expect.poll(() => text(w.getByRole('alert').last()), POLL).toContain('in neither the Brown model nor the SOTU sentences');
  }, 300_000);

  it('transfer curve and compare spaces: the measured widgets open in lessons 06 and 07 with their directives', async () => {
    const t = await openWidget('training-strategies', 'transfer-curve');
    await expect.poll(() => t.getByLabel('Labelled documents').inputValue(), POLL).toBe('8,30,120');
    expect(await t.getByLabel('Pre-trained vectors').inputValue()).toBe('sotu-sg100.elv');
    expect(await t.getByLabel('Seeds').inputValue()).toBe('3');
    const c = await openWidget('challenges', 'compare-spaces');
    await expect.poll(() => c.getByLabel('Space B', { exact: true }).inputValue(), POLL).toBe('sotu-sg100');
    await c.getByLabel('Your space A file').waitFor();
  });

  it('domain shift: neighbours per shipped set, or a clear note when only one is shipped', async () => {
    const w = await openWidget('challenges', 'domain-shift');
    await expect.poll(async () => (await w.locator('ol').count()) > 0, { ...POLL, timeout: 60_000 }).toBe(true);
    await w.getByRole('textbox', { name: 'Word to compare' }).fill('qqqzzz');
    await expect.poll(() => text(w.getByRole('alert').last()), POLL).toContain('not in these vectors');
  });

  // The recommendation widget has its own file: tests/e2e/recommend.test.ts.
  it('applications: search and probe on real vectors', async () => {
    const s = await openWidget('applications', 'semantic-search');
    await s.getByRole('searchbox', { name: 'Search query' }).fill('soldiers and battles');
    await expect.poll(() => s.getByLabel('Search results').locator('tbody tr').count(), POLL).toBe(6);
    // Ranked by cosine, best first (which sentences win depends on the vectors in use).
    const scores = (await s.getByLabel('Search results').locator('tbody tr td:nth-child(3)').allTextContents()).map(Number);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    await s.getByRole('searchbox', { name: 'Search query' }).fill('xqzv');
    await expect.poll(() => text(s.getByRole('alert')), POLL).toContain('None of the query');
    // The real collection: the Search playground inside the lesson, on the pinned vectors, ranks Brown documents
    // by all three methods (its rankings are checked against the core in search.test.ts).
    const r = await openWidget('applications', 'search');
    expect(await r.getByRole('searchbox', { name: 'Search query' }).inputValue()).toBe('god faith church');
    await r.getByRole('button', { name: 'Search', exact: true }).click();
    for (const m of ['bm25', 'mean', 'sif']) {
      await expect.poll(() => r.getByTestId(`hit-${m}`).count(), { ...POLL, timeout: 150_000 }).toBeGreaterThan(0);
    }
    expect(await r.getByTestId('hit-bm25').first().textContent()).toMatch(/c[a-r]\d\d/);
    // The part-of-speech probe runs in a worker on the pinned vectors; its figures are the lesson's (claims test).
    const p = await openWidget('applications', 'probe');
    await p.getByRole('button', { name: 'Train the probe and the control' }).click();
    await expect.poll(() => text(p.getByLabel('Probe accuracy on held-out words')), { ...POLL, timeout: 180_000 }).toBe('85%');
    expect(await text(p.getByLabel('Control accuracy'))).toBe('40%');
    expect(await text(p.getByLabel('Majority accuracy'))).toBe('45%');
    expect(await text(p.getByLabel('Selectivity'))).toBe('+44 points');
    expect(await text(p.getByTestId('probe-verdict'))).toMatch(/^On every seed the probe beats/);
  });

  it('objectives: the closing lesson maps every objective to lessons and progress', async () => {
    // A step this student has opened is marked seen under every objective its lesson serves.
    await page.goto(page.url().replace(/#.*$/, '#/lessons/challenges/2'));
    await expect.poll(async () => page.locator('#lesson-step-title').textContent(), POLL).toBe(byId('challenges').steps[1].title);
    const w = await openWidget('objectives', 'objectives');
    await expect.poll(() => w.locator('section[aria-label^="Objective:"]').count(), POLL).toBe(4);
    await expect.poll(() => text(w.getByLabel('Overall progress')), POLL).toMatch(/\d+ of \d+/);
    // Every step link names the step it opens.
    const links = w.locator('ol.objective-steps a');
    expect(await links.count()).toBeGreaterThanOrEqual(30);
    for (const a of await links.all()) {
      const [, , id, n] = (await a.getAttribute('href'))!.split('/');
      expect(await a.textContent()).toBe(byId(id!).steps[Number(n) - 1]!.title);
    }
    const unseen = w.locator('ol[aria-label="Steps of Rare words, unseen words and domain shift"] li').nth(1);
    expect(await unseen.getAttribute('data-seen')).toBe('yes');
    await unseen.getByRole('link').click();
    await expect.poll(async () => page.locator('#lesson-step-title').textContent(), POLL).toBe(byId('challenges').steps[1].title);
  });

  it('kept the page free of errors and of requests to other origins', () => {
    expect(watch.pageErrors).toEqual([]);
    expect(watch.consoleErrors.filter((e) => !/favicon/.test(e))).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
  });
});
