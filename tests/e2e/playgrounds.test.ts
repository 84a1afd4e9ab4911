// The playgrounds driven as a student would: on the shipped vectors and on a small vectors file loaded through the
// file input, with every answer checked against values computed here from the same numbers (playgroundsMath.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, openPage, type Watch } from './browser';
import { readCompact } from '../../src/core/vectors/formats';
import {
  cos, oddOneOut, ranked, smallVectorsFile, spearman, threeCosAdd, threeCosMul, unit, vec, weatExact, type Vecs,
} from './playgroundsMath';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const small = smallVectorsFile();

/** Rows of a results table as {word, score}. */
async function tableRows(page: Page, name: string): Promise<{ word: string; score: number }[]> {
  const table = page.getByRole('table', { name, exact: true });
  await table.waitFor();
  return table.locator('tbody tr').evaluateAll((trs) =>
    trs.map((tr) => ({ word: (tr as HTMLElement).dataset.word ?? '', score: Number((tr as HTMLElement).dataset.score) })),
  );
}

/** Plotly's 4.5 MB bundle can take tens of seconds to parse on a loaded 2-core machine: wait for the drawing. */
const PLOT_TIMEOUT = 150_000;
async function waitDrawn(page: Page, name: string | RegExp) {
  await expect
    .poll(() => page.getByRole('figure', { name }).first().getAttribute('data-drawn'), { timeout: PLOT_TIMEOUT, interval: 500 })
    .not.toBe('0');
}

async function open(path: string, viewport?: { width: number; height: number }) {
  const r = await openPage(browser, path, viewport ? { viewport } : {});
  r.page.setDefaultTimeout(PLOT_TIMEOUT);
  return r;
}

function expectClean(watch: Watch) {
  expect(watch.pageErrors).toEqual([]);
  expect(watch.consoleErrors).toEqual([]);
  expect(watch.foreignRequests).toEqual([]);
}

/** Load the small file through the Vectors tab, as a student would. */
async function loadSmall(page: Page, name = 'small.vec', text = small.text, becomesActive = true) {
  await page.getByRole('link', { name: 'Vectors', exact: true }).click();
  await page.getByLabel('Vectors file').setInputFiles({ name, mimeType: 'text/plain', buffer: Buffer.from(text) });
  await page.getByRole('button', { name: 'Load file' }).click();
  // The file is parsed in a worker: wait until it is the active set before any playground answers from it.
  if (becomesActive) await expect.poll(() => page.getByTestId('active-vectors').first().textContent(), { timeout: PLOT_TIMEOUT }).toContain(name);
}

async function openTab(page: Page, label: string) {
  await page.getByRole('navigation', { name: 'Playgrounds' }).getByRole('link', { name: label, exact: true }).click();
}

describe('playgrounds on the shipped vectors', () => {
  // The default shipped set is the first one listed in index.json.
  const first = (JSON.parse(readFileSync(join(process.cwd(), 'public/vectors/index.json'), 'utf8')) as { sets: { file: string; label: string }[] }).sets[0];
  const shipped = readCompact(new Uint8Array(readFileSync(join(process.cwd(), 'public/vectors', first.file)))).kv;
  const sv: Vecs = { words: [...shipped.words], rows: shipped.words.map((_, i) => Array.from(shipped.vectors.subarray(i * shipped.dim, (i + 1) * shipped.dim))) };

  it('answers an analogy from a link, with and without the query words', async () => {
    const { page, watch, context } = await open('/#/playgrounds/analogy?a=man&b=king&c=woman');
    await expect.poll(() => page.getByTestId('active-vectors').first().textContent(), { timeout: 60_000 }).toBe(first.label);
    const rows = await tableRows(page, 'Answers (3CosAdd, query words excluded)');
    const expected = threeCosAdd(sv, 'man', 'king', 'woman').slice(0, 10);
    expect(rows.map((r) => r.word)).toEqual(expected.map((r) => r.word));
    rows.forEach((r, i) => expect(r.score).toBeCloseTo(expected[i].score, 4));
    expect(await page.getByTestId('analogy-answer').textContent()).toBe(expected[0].word);

    await waitDrawn(page, 'Analogy arithmetic in 2-D');
    await page.getByLabel('Keep the query words in the answers').check();
    await page.getByRole('button', { name: 'Solve' }).click();
    const kept = await tableRows(page, 'Answers (3CosAdd, query words kept)');
    expect(kept.map((r) => r.word)).toEqual(threeCosAdd(sv, 'man', 'king', 'woman', true).slice(0, 10).map((r) => r.word));
    await expect.poll(() => page.url()).toContain('keep=1');
    expectClean(watch);
    await context.close();
  });

  it('finds neighbours and cancels a long evaluation', async () => {
    const { page, watch, context } = await open('/#/playgrounds/similarity?word=war');
    const rows = await tableRows(page, 'Nearest neighbours of "war"');
    const expected = ranked(sv, vec(sv, 'war'), ['war']).slice(0, 10);
    expect(rows.map((r) => r.word)).toEqual(expected.map((r) => r.word));

    await openTab(page, 'Evaluation');
    await page.getByRole('button', { name: 'Run the analogy set' }).click();
    await page.getByRole('button', { name: 'Cancel evaluation' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'cancelled' }).count()).toBe(1);
    // The similarity set runs to the end (it is small): Spearman checked against this test's own computation.
    await page.getByRole('button', { name: 'Run the similarity set' }).click();
    const shown = Number(await page.getByTestId('spearman').textContent());
    const simText = readFileSync(join(process.cwd(), 'data/eval/similarity.txt'), 'utf8');
    const pairs = simText.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#')).map((l) => l.split(/[\t ]+/))
      .filter((f) => Number.isFinite(Number(f[2])) && sv.words.includes(f[0].toLowerCase()) && sv.words.includes(f[1].toLowerCase()));
    const rho = spearman(pairs.map((f) => Number(f[2])), pairs.map((f) => cos(vec(sv, f[0].toLowerCase()), vec(sv, f[1].toLowerCase()))));
    expect(shown).toBeCloseTo(rho, 2);
    expectClean(watch);
    await context.close();
  });
  it('computes arithmetic, axes and WEAT on the shipped vectors', async () => {
    const { page, watch, context } = await open('/#/playgrounds/arithmetic?expr=' + encodeURIComponent('paris - france + england'));
    const u = (w: string) => unit(vec(sv, w));
    const t = u('paris').map((x, i) => x - u('france')[i] + u('england')[i]);
    const arith = await tableRows(page, 'Nearest words to paris - france + england');
    expect(arith.map((r) => r.word)).toEqual(ranked(sv, t, ['paris', 'france', 'england']).slice(0, 10).map((r) => r.word));

    await openTab(page, 'Semantic axes');
    await page.getByLabel('Horizontal axis', { exact: true }).fill('he - she');
    await page.getByLabel('Words to project').fill('nurse, soldier, mother, king');
    await page.getByRole('button', { name: 'Project' }).click();
    const axis = unit(u('he').map((x, i) => x - u('she')[i]));
    const proj = await page.getByRole('table', { name: 'Projections on the axes' }).locator('tbody tr').evaluateAll((trs) =>
      trs.map((tr) => [(tr as HTMLElement).dataset.word!, Number((tr as HTMLElement).dataset.score)] as const),
    );
    const expected = ['nurse', 'soldier', 'mother', 'king'].map((w) => [w, cos(vec(sv, w), axis)] as const).sort((a, b) => b[1] - a[1]);
    expect(proj.map((p) => p[0])).toEqual(expected.map((e) => e[0]));
    proj.forEach((p, i) => expect(p[1]).toBeCloseTo(expected[i][1], 4));

    await openTab(page, 'Bias');
    await page.getByRole('button', { name: 'Run WEAT' }).click();
    // The default preset (WEAT 6), minus the words these vectors lack, computed here exactly.
    const read = async (k: string) => (await page.getByLabel(new RegExp(`^${k}: `)).inputValue()).split(/[\s,]+/).filter((w) => sv.words.includes(w));
    const [X, Y, A, B] = [await read('X'), await read('Y'), await read('A'), await read('B')];
    const ref = weatExact(sv, X, Y, A, B);
    expect(Number(await page.getByTestId('weat-effect').textContent())).toBeCloseTo(ref.effect, 2);
    const p = Number(await page.getByTestId('weat-p').textContent());
    expect(Math.abs(p - ref.p)).toBeLessThan(1e-3);
    expectClean(watch);
    await context.close();
  });
});

describe('playgrounds on a small vectors file loaded by the user', () => {
  it('loads the file and answers analogies with 3CosAdd and 3CosMul', async () => {
    const { page, watch, context } = await open('/#/playgrounds/vectors');
    await loadSmall(page);
    await expect.poll(() => page.getByTestId('active-vectors').first().textContent()).toBe('small.vec');
    await openTab(page, 'Analogy');
    for (const [k, w] of [['Word a', 'man'], ['Word b', 'king'], ['Word c', 'woman']]) await page.getByLabel(k, { exact: true }).fill(w);
    await page.getByRole('button', { name: 'Solve' }).click();
    const add = await tableRows(page, 'Answers (3CosAdd, query words excluded)');
    const expAdd = threeCosAdd(small.v, 'man', 'king', 'woman').slice(0, 10);
    expect(add.map((r) => r.word)).toEqual(expAdd.map((r) => r.word));
    add.forEach((r, i) => expect(r.score).toBeCloseTo(expAdd[i].score, 5));

    await page.getByRole('radio', { name: '3CosMul' }).check();
    await page.getByRole('button', { name: 'Solve' }).click();
    await waitDrawn(page, 'Analogy arithmetic in 2-D');
    const mul = await tableRows(page, 'Answers (3CosMul, query words excluded)');
    const expMul = threeCosMul(small.v, 'man', 'king', 'woman').slice(0, 10);
    expect(mul.map((r) => r.word)).toEqual(expMul.map((r) => r.word));
    mul.forEach((r, i) => expect(r.score).toBeCloseTo(expMul[i].score, 4));

    // Unknown and empty words get a clear message, and nothing crashes.
    await page.getByLabel('Word c', { exact: true }).fill('unicorn');
    await page.getByLabel('Word a', { exact: true }).fill('');
    await page.getByRole('button', { name: 'Solve' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'unicorn' });
    await expect.poll(() => alert.textContent()).toContain('Word c: "unicorn" is not in these vectors\' vocabulary');
    expect(await alert.textContent()).toContain('Word a is empty');
    expectClean(watch);
    await context.close();
  });

  it('computes cosines, neighbours, the odd one out and walks', async () => {
    const { page, watch, context } = await open('/#/playgrounds/vectors');
    await loadSmall(page);
    await openTab(page, 'Similarity');
    await page.getByLabel('First word').fill('apple');
    await page.getByLabel('Second word').fill('PEAR'); // capitals are folded when the vocabulary is lower-case
    await page.getByRole('button', { name: 'Compare' }).click();
    expect(Number(await page.getByTestId('cosine-value').textContent())).toBeCloseTo(cos(vec(small.v, 'apple'), vec(small.v, 'pear')), 4);

    await page.getByLabel('Word', { exact: true }).fill('girl');
    await page.getByLabel('Word', { exact: true }).press('Enter'); // keyboard submit
    const nn = await tableRows(page, 'Nearest neighbours of "girl"');
    expect(nn.map((r) => r.word)).toEqual(ranked(small.v, vec(small.v, 'girl'), ['girl']).slice(0, 10).map((r) => r.word));

    const list = ['man', 'woman', 'boy', 'apple'];
    await page.getByLabel('Words (three or more)').fill(list.join(' '));
    await page.getByRole('button', { name: 'Find the odd one' }).click();
    expect(await page.getByTestId('odd-one-out').textContent()).toBe(oddOneOut(small.v, list));
    await page.getByLabel('Words (three or more)').fill('man woman');
    await page.getByRole('button', { name: 'Find the odd one' }).click();
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'at least three words' }).count()).toBe(1);

    // man -> woman: woman is among man's 10 nearest neighbours, so the walk is one step.
    expect(ranked(small.v, vec(small.v, 'man'), ['man']).slice(0, 10).map((r) => r.word)).toContain('woman');
    await page.getByLabel('Start word').fill('man');
    await page.getByLabel('Target word').fill('woman');
    await page.getByRole('button', { name: 'Walk' }).click();
    await expect.poll(() => page.getByTestId('walk-path').locator('li strong').allTextContents()).toEqual(['man', 'woman']);
    // The outlier is never among anyone's 10 nearest neighbours (all its cosines are negative): no walk.
    await page.getByLabel('Target word').fill('zzzoutlier');
    await page.getByRole('button', { name: 'Walk' }).click();
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'No walk from "man" to "zzzoutlier" found within 12 steps' }).count()).toBe(1);
    expectClean(watch);
    await context.close();
  });

  it('evaluates free expressions and explains errors with positions', async () => {
    const { page, watch, context } = await open('/#/playgrounds/vectors');
    await loadSmall(page);
    await openTab(page, 'Arithmetic');
    const expr = page.getByLabel('Expression');
    await expr.fill('0.5*good + 0.5 bad - (apple)');
    await expr.press('Enter');
    const t = unit(vec(small.v, 'good')).map((x, i) => 0.5 * x + 0.5 * unit(vec(small.v, 'bad'))[i] - unit(vec(small.v, 'apple'))[i]);
    const expected = ranked(small.v, t, ['good', 'bad', 'apple']).slice(0, 10);
    const rows = await tableRows(page, 'Nearest words to 0.5*good + 0.5 bad - (apple)');
    expect(rows.map((r) => r.word)).toEqual(expected.map((r) => r.word));
    rows.forEach((r, i) => expect(r.score).toBeCloseTo(expected[i].score, 5));
    await expect.poll(() => page.url()).toContain('expr=0.5');

    // Including the input words: the switch is honoured.
    await page.getByLabel('Exclude the input words').uncheck();
    await expr.fill('king - man + woman');
    await page.getByRole('button', { name: 'Compute' }).click();
    const kept = await tableRows(page, 'Nearest words to king - man + woman');
    expect(kept.map((r) => r.word)).toEqual(threeCosAdd(small.v, 'man', 'king', 'woman', true).slice(0, 10).map((r) => r.word));

    await expr.fill('king - dragon + woman');
    await expr.press('Enter');
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('Unknown word: "dragon" (column 8)');
    await expr.fill('king - (man + ');
    await expr.press('Enter');
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('column 15');
    await expr.fill('');
    await expr.press('Enter');
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('empty');
    expectClean(watch);
    await context.close();
  });

  it('projects words on one and two semantic axes', async () => {
    const { page, watch, context } = await open('/#/playgrounds/vectors');
    await loadSmall(page);
    await openTab(page, 'Semantic axes');
    await page.getByLabel('Horizontal axis', { exact: true }).fill('man - woman, boy - girl');
    await page.getByLabel('Vertical axis (optional)').fill('good - bad');
    await page.getByLabel('Words to project').fill('king, queen, apple, nothere');
    await page.getByRole('button', { name: 'Project' }).click();
    const table = page.getByRole('table', { name: 'Projections on the axes' });
    await table.waitFor();
    const got = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
    const axis = (pairs: [string, string][]) => unit(pairs.map(([p, m]) => unit(vec(small.v, p)).map((x, i) => x - unit(vec(small.v, m))[i])).reduce((a, b) => a.map((x, i) => x + b[i])));
    const ax = axis([['man', 'woman'], ['boy', 'girl']]);
    const ay = axis([['good', 'bad']]);
    const expected = ['king', 'queen', 'apple'].map((w) => [w, cos(vec(small.v, w), ax), cos(vec(small.v, w), ay)] as const).sort((p, q) => q[1] - p[1]);
    expect(got.map((r) => r[0])).toEqual(expected.map((e) => e[0]));
    got.forEach((r, i) => {
      expect(Number(r[1])).toBeCloseTo(expected[i][1], 2);
      expect(Number(r[2])).toBeCloseTo(expected[i][2], 2);
    });
    await expect.poll(() => page.getByText('Not in the vocabulary (left out): nothere.').count()).toBe(1);
    await waitDrawn(page, 'Words on two semantic axes');
    await page.getByLabel('Horizontal axis', { exact: true }).fill('dragon - unicorn');
    await page.getByRole('button', { name: 'Project' }).click();
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('Unknown words in the axis: "dragon", "unicorn"');
    expectClean(watch);
    await context.close();
  });

  it('runs WEAT and hard debiasing on edited word sets', async () => {
    const { page, watch, context } = await open('/#/playgrounds/vectors');
    await loadSmall(page);
    await openTab(page, 'Bias');
    const sets = { X: ['king', 'boy', 'good'], Y: ['queen', 'girl', 'apple'], A: ['man'], B: ['woman'] };
    for (const k of ['X', 'Y', 'A', 'B'] as const) await page.getByLabel(new RegExp(`^${k}: `)).fill(sets[k].join(', '));
    await page.getByRole('button', { name: 'Run WEAT' }).click();
    const ref = weatExact(small.v, sets.X, sets.Y, sets.A, sets.B);
    expect(Number(await page.getByTestId('weat-effect').textContent())).toBeCloseTo(ref.effect, 2);
    expect(Number(await page.getByTestId('weat-p').textContent())).toBeCloseTo(ref.p, 3);
    await expect.poll(() => page.getByText('exact over all 20 partitions').count()).toBe(1);

    await page.getByLabel('Words to project (these are neutralised by debiasing)').fill('king, queen, apple, good');
    await page.getByRole('button', { name: 'Project and debias' }).click();
    const table = page.getByRole('table', { name: 'Projections before and after debiasing' });
    await table.waitFor();
    const rows = await table.locator('tbody tr').evaluateAll((trs) =>
      trs.map((tr) => ({ word: (tr as HTMLElement).dataset.word!, before: Number((tr as HTMLElement).dataset.score), after: Number((tr as HTMLElement).dataset.after) })),
    );
    const g = unit(unit(vec(small.v, 'he')).map((x, i) => x - unit(vec(small.v, 'she'))[i]));
    expect(rows.map((r) => r.word).sort()).toEqual(['apple', 'good', 'king', 'queen']);
    for (const r of rows) {
      expect(r.before).toBeCloseTo(cos(vec(small.v, r.word), g), 4);
      expect(Math.abs(r.after)).toBeLessThan(1e-5);
    }
    expect(Math.abs(rows.find((r) => r.word === 'king')!.before)).toBeGreaterThan(0.05);
    await waitDrawn(page, /before and after debiasing/);
    expectClean(watch);
    await context.close();
  });
});

describe('evaluation with the user\'s benchmark files, broken files, keyboard and small screens', () => {
  it('scores a small analogy file and a similarity file against independent computations', async () => {
    const { page, watch, context } = await open('/#/playgrounds/vectors');
    await loadSmall(page);
    await openTab(page, 'Evaluation');
    const questions = [
      ': family', 'man king woman queen', 'man woman boy girl', 'king queen he she', 'boy girl man unicorn',
      ': gram-fruit', 'apple pear good bad', 'good bad apple pear',
    ];
    await page.getByLabel(/^Benchmark file/).setInputFiles({ name: 'mini-analogies.txt', mimeType: 'text/plain', buffer: Buffer.from(questions.join('\n')) });
    await expect.poll(() => page.getByTestId('analogy-accuracy').count()).toBe(1);
    const expected = new Map<string, { correct: number; total: number; skipped: number }>();
    let section = '';
    for (const q of questions) {
      if (q.startsWith(':')) {
        section = q.slice(1).trim();
        expected.set(section, { correct: 0, total: 0, skipped: 0 });
        continue;
      }
      const [a, b, c, d] = q.split(' ');
      const e = expected.get(section)!;
      if (![a, b, c, d].every((w) => small.v.words.includes(w))) {
        e.skipped++;
        continue;
      }
      e.total++;
      if (threeCosAdd(small.v, a, b, c)[0].word === d) e.correct++;
    }
    const got = await page.getByRole('table', { name: 'Accuracy per section' }).locator('tbody tr').evaluateAll((trs) =>
      trs.map((tr) => [tr.getAttribute('data-section'), Number(tr.getAttribute('data-correct')), Number(tr.getAttribute('data-total')), Number(tr.children[3].textContent)] as const),
    );
    expect(got).toEqual([...expected].map(([name, e]) => [name, e.correct, e.total, e.skipped]));
    const correct = [...expected.values()].reduce((s, e) => s + e.correct, 0);
    const total = [...expected.values()].reduce((s, e) => s + e.total, 0);
    expect(await page.getByTestId('analogy-accuracy').textContent()).toBe(`${((correct / total) * 100).toFixed(1)}%`);

    const pairs: [string, string, number][] = [['man', 'woman', 7], ['king', 'queen', 8], ['apple', 'pear', 9.5], ['good', 'bad', 3], ['king', 'apple', 1], ['boy', 'river', 2], ['man', 'unicorn', 5]];
    await page.getByLabel(/^Benchmark file/).setInputFiles({ name: 'mini-sim.tsv', mimeType: 'text/plain', buffer: Buffer.from(pairs.map((p) => p.join('\t')).join('\n')) });
    await expect.poll(() => page.getByTestId('spearman').count()).toBe(1);
    const known = pairs.filter(([a, b]) => small.v.words.includes(a) && small.v.words.includes(b));
    const rho = spearman(known.map((p) => p[2]), known.map(([a, b]) => cos(vec(small.v, a), vec(small.v, b))));
    expect(Number(await page.getByTestId('spearman').textContent())).toBeCloseTo(rho, 3);

    // A broken benchmark file: the message names the file and the line.
    await page.getByLabel(/^Benchmark file/).setInputFiles({ name: 'broken.txt', mimeType: 'text/plain', buffer: Buffer.from(': s\nman king woman\n') });
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('broken.txt, line 2');
    await waitDrawn(page, 'Gold score against cosine');
    expectClean(watch);
    await context.close();
  });

  it('explains broken and empty vectors files and keeps the previous vectors', async () => {
    const { page, watch, context } = await open('/#/playgrounds/vectors');
    await loadSmall(page);
    await expect.poll(() => page.getByTestId('active-vectors').first().textContent()).toBe('small.vec');
    const broken = small.text.split('\n');
    broken[3] = broken[3].split(' ').slice(0, -1).join(' '); // one number short on line 4
    await loadSmall(page, 'broken.vec', broken.join('\n'), false);
    await expect.poll(() => page.getByRole('alert').first().textContent()).toMatch(/broken\.vec, line 4/);
    await loadSmall(page, 'empty.vec', '', false);
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('empty');
    await page.getByRole('button', { name: 'Load file' }).click();
    expect(await page.getByTestId('active-vectors').first().textContent()).toBe('small.vec');
    // Loading by URL (same origin here), and a URL that does not exist.
    await page.getByLabel('Vectors URL').fill(new URL('vectors/brown-sg100.elv', page.url()).href.replace(/#.*$/, ''));
    await page.getByRole('button', { name: 'Load URL' }).click();
    await expect.poll(() => page.getByTestId('active-vectors').first().textContent(), { timeout: 60_000 }).toBe('brown-sg100.elv');
    await page.getByLabel('Vectors URL').fill(new URL('vectors/missing.vec', page.url()).href.replace(/#.*$/, ''));
    await page.getByRole('button', { name: 'Load URL' }).click();
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('is an HTML page, not a vectors file');
    expect(await page.getByTestId('active-vectors').first().textContent()).toBe('brown-sg100.elv');
    // No file chosen and a bad limit are explained too.
    await page.getByLabel('Word limit').fill('0');
    await page.getByRole('button', { name: 'Load URL' }).click();
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('word limit');
    expectClean(watch);
    await context.close();
  });

  it('works by keyboard alone and fits a phone-sized screen', async () => {
    const { page, watch, context } = await open('/#/playgrounds/arithmetic', { width: 375, height: 740 });
    await expect.poll(() => page.getByTestId('active-vectors').first().textContent()).toContain('Brown');
    // Tab from the page start to the expression field, type, and press Enter.
    await page.getByLabel('Expression').focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('war - peace');
    await page.keyboard.press('Enter');
    await page.getByRole('table', { name: 'Nearest words to war - peace' }).waitFor();
    // Every interactive element has an accessible name; nothing overflows the narrow screen sideways.
    for (const tab of ['Analogy', 'Similarity', 'Arithmetic', 'Semantic axes', 'Evaluation', 'Bias', 'Search', 'Compare spaces', 'Vectors']) {
      await openTab(page, tab);
      await page.getByRole('heading', { level: 2 }).first().waitFor();
      const unnamed = await page.evaluate(() =>
        [...document.querySelectorAll('main input, main select, main textarea, main button')]
          .filter((el) => {
            const e = el as HTMLInputElement;
            const labelled = e.labels && e.labels.length > 0;
            return !labelled && !e.getAttribute('aria-label') && !e.getAttribute('aria-labelledby') && !(e.tagName === 'BUTTON' && e.textContent?.trim());
          })
          .map((el) => el.outerHTML.slice(0, 80)),
      );
      expect(unnamed, tab).toEqual([]);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, tab).toBeLessThanOrEqual(0);
    }
    // Keyboard: Tab moves from one word field to the next, and Enter in a field solves.
    await openTab(page, 'Analogy');
    await page.getByLabel('Word a', { exact: true }).focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).labels?.[0]?.textContent)).toBe('Word b');
    await page.keyboard.press('Enter');
    await page.getByRole('table', { name: 'Answers (3CosAdd, query words excluded)' }).waitFor();
    expectClean(watch);
    await context.close();
  });
});
