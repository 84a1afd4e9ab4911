// The instructor layer as a lecturer uses it: the lecture path with speaker notes in presenter view only, arrow
// keys between items, poll-and-reveal, widgets showing the vectors their lesson pins, and widget state in links.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { launch, openPage } from './browser';
import { answerPredictionFor, loadLessons, POLL, widgetStep } from './lessonsData';
import { parseLecturePath } from '../../src/ui/lessons/lecturePath';

const LESSONS = loadLessons();
const LECTURE = parseLecturePath(readFileSync('lessons/lecture-50min.txt', 'utf8'), 'lessons/lecture-50min.txt', LESSONS);
const titleOf = (k: number) => {
  const it = LECTURE.items[k]!;
  return LESSONS.find((l) => l.id === it.lessonId)!.steps[it.step]!.title;
};
const itemIndex = (slug: string) => LECTURE.items.findIndex((i) => i.slug === slug);
const text = (l: ReturnType<Page['locator']>) => l.textContent().then((t) => t ?? '');
const heading = (page: Page) => page.locator('#lesson-step-title').textContent();

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('lecture view', () => {
  it('shows speaker notes only in presenter view, and the arrow keys move between items', async () => {
    const { page, watch, context } = await openPage(browser, '/#/lessons/lecture/1');
    await expect.poll(() => heading(page), POLL).toBe(titleOf(0));
    await expect.poll(() => text(page.getByLabel('Lecture position')), POLL).toContain(`item 1 of ${LECTURE.items.length}`);
    expect(await page.getByLabel('Speaker notes').count()).toBe(0);
    await page.getByRole('button', { name: 'Presenter view (shows speaker notes)' }).click();
    await expect.poll(() => page.getByLabel('Speaker notes').count(), POLL).toBe(1);
    await page.locator('body').press('ArrowRight');
    await expect.poll(() => heading(page), POLL).toBe(titleOf(1));
    await expect.poll(() => page.getByLabel('Speaker notes').count(), POLL).toBe(1);
    await page.getByRole('navigation', { name: 'Lecture agenda' }).getByRole('link', { name: titleOf(3) }).click();
    await expect.poll(() => heading(page), POLL).toBe(titleOf(3));
    expect(watch.pageErrors).toEqual([]);
    await context.close();
  });

  it('?present=1 opens a slide with its notes, present=0 hides them; a student on the plain link sees none', async () => {
    const { page, context } = await openPage(browser, '/#/lessons/lecture/3?present=1');
    await expect.poll(() => heading(page), POLL).toBe(titleOf(2));
    await expect.poll(() => page.getByLabel('Speaker notes').count(), POLL).toBe(1);
    await page.goto(page.url().replace(/#.*$/, '#/lessons/lecture/3?present=0'));
    await expect.poll(() => page.getByLabel('Speaker notes').count(), POLL).toBe(0);
    await context.close();
    const { page: student, context: c2 } = await openPage(browser, '/#/lessons/lecture/3');
    await expect.poll(() => heading(student), POLL).toBe(titleOf(2));
    expect(await student.getByLabel('Speaker notes').count()).toBe(0);
    await c2.close();
  });
});

describe('poll-and-reveal and pinned vectors', () => {
  it('hides the answer and the widget until revealed; the widgets show the vectors their lesson pins', async () => {
    const k = itemIndex('analogies-3cosadd-and-3cosmul');
    const { page, watch, context } = await openPage(browser, `/#/lessons/lecture/${k + 1}?poll=1`);
    await expect.poll(() => heading(page), POLL).toBe(titleOf(k));
    const quiz = page.locator('[data-poll="1"]').first();
    await quiz.waitFor();
    expect(await quiz.getByRole('button', { name: 'Check answer' }).count()).toBe(0);
    expect(await quiz.getByLabel('right answer').count()).toBe(0);
    await expect.poll(() => page.getByLabel('Widget hidden until you predict').count(), POLL).toBe(1);
    await quiz.getByRole('button', { name: 'Reveal the answer' }).click();
    await expect.poll(() => quiz.getByLabel('right answer').count(), POLL).toBe(1);
    await expect.poll(() => quiz.getByLabel('Every answer explained').isVisible(), POLL).toBe(true);
    const w = page.locator('section.widget[data-widget="analogy"]');
    await w.waitFor();
    await expect.poll(() => w.getByLabel('Vectors used').getAttribute('data-vectors'), { ...POLL, timeout: 60_000 }).toBe('brown-sotu-sg100');
    await expect.poll(() => text(w.getByLabel('Vectors used')), POLL).toContain('Brown + SOTU');
    await expect.poll(() => text(w.locator('table').first()), POLL).toContain('queen');
    // The next item pins the Brown-only vectors: the same analogy, another answer.
    await page.getByRole('button', { name: 'Next →' }).click();
    await expect.poll(() => heading(page), POLL).toBe(titleOf(k + 1));
    const w2 = page.locator('section.widget[data-widget="analogy"]');
    await expect.poll(() => w2.getByLabel('Vectors used').getAttribute('data-vectors'), { ...POLL, timeout: 60_000 }).toBe('brown-sg100');
    await expect.poll(() => text(w2.locator('table').first()), POLL).toContain('anne');
    expect(watch.pageErrors).toEqual([]);
    await context.close();
  });
});

describe('vectors="lab"', () => {
  it('a widget that asks for the lab\'s vectors follows the active set and says so', async () => {
    const lesson = LESSONS.find((l) => l.id === 'properties')!;
    const step = lesson.steps.findIndex((s) => s.blocks.some((b) => b.kind === 'widget' && b.props.vectors === 'lab'));
    expect(step).toBeGreaterThan(0);
    // Open the step before it first: its widget activates the shipped set it pins, which the lab widget then shows.
    const { page, context } = await openPage(browser, `/#/lessons/properties/${step}`);
    await expect.poll(() => page.locator('section.widget').first().getByLabel('Vectors used').getAttribute('data-vectors'), { ...POLL, timeout: 60_000 }).toBe('brown-sg100');
    await page.getByRole('button', { name: 'Next →' }).click();
    const w = page.locator('section.widget[data-widget="similarity"]');
    await expect.poll(() => w.getByLabel('Vectors used').getAttribute('data-vectors'), { ...POLL, timeout: 60_000 }).toBe('lab');
    await expect.poll(() => text(w.getByLabel('Vectors used')), POLL).toContain("the lab's current vectors");
    await expect.poll(() => text(w.getByLabel('Vectors used')), POLL).toContain('Brown, skip-gram 100d');
    await context.close();
  });
});

describe('widget state in links', () => {
  it('a changed widget writes its inputs into the link, and the link reopens it the same way', async () => {
    const lesson = LESSONS.find((l) => l.id === 'properties')!;
    const step = widgetStep(lesson, 'cosine');
    const block = lesson.steps[step]!.blocks.findIndex((b) => b.kind === 'widget' && b.name === 'cosine');
    const { page, context } = await openPage(browser, `/#/lessons/properties/${step + 1}`);
    await expect.poll(() => heading(page), POLL).toBe(lesson.steps[step]!.title);
    await answerPredictionFor(page, lesson, step, 'cosine');
    const w = page.locator('section.widget[data-widget="cosine"]');
    await w.getByRole('textbox', { name: 'Word a' }).fill('monday');
    await w.getByRole('textbox', { name: 'Word b' }).fill('tuesday');
    await expect.poll(() => page.url(), POLL).toContain(`w${block}.b=tuesday`);
    const link = page.url();
    expect(link).toContain(`w${block}.a=monday`);
    const { page: other, context: c2 } = await openPage(browser, link.replace(/^https?:\/\/[^/]+/, ''));
    await expect.poll(() => heading(other), POLL).toBe(lesson.steps[step]!.title);
    await answerPredictionFor(other, lesson, step, 'cosine');
    const w2 = other.locator('section.widget[data-widget="cosine"]');
    await expect.poll(() => w2.getByRole('textbox', { name: 'Word a' }).inputValue(), POLL).toBe('monday');
    await expect.poll(() => w2.getByRole('textbox', { name: 'Word b' }).inputValue(), POLL).toBe('tuesday');
    await c2.close();
    await context.close();
  });

  it('the t-SNE runs reopen from a link with their seeds, perplexities and learning rate', async () => {
    const lesson = LESSONS.find((l) => l.id === 'visualisation')!;
    const step = widgetStep(lesson, 'tsne-runs');
    const block = lesson.steps[step]!.blocks.findIndex((b) => b.kind === 'widget' && b.name === 'tsne-runs');
    const { page, context } = await openPage(browser, `/#/lessons/visualisation/${step + 1}?w${block}.runs=7:5,8:50&w${block}.lr=1000`);
    await answerPredictionFor(page, lesson, step, 'tsne-runs');
    const w = page.locator('section.widget[data-widget="tsne-runs"]');
    await expect.poll(() => text(w.getByLabel('Status of run 1')), { ...POLL, timeout: 60_000 }).toContain('seed 7 · perplexity 5');
    await expect.poll(() => text(w.getByLabel('Status of run 2')), POLL).toContain('seed 8 · perplexity 50');
    expect(await w.getByLabel('Status of run 3').count()).toBe(0);
    expect(await w.getByRole('slider', { name: 'Learning rate' }).inputValue()).toBe('1000');
    // A student's change goes back into the link, so the instructor's next slide can be this very state.
    await w.getByRole('combobox', { name: 'Perplexity of run 2' }).selectOption('20');
    await expect.poll(() => decodeURIComponent(page.url()), POLL).toContain(`w${block}.runs=7:5,8:20`);
    await context.close();
  });

  it('the padding widget reopens from a link with its sentences, batch size and bucketing', async () => {
    const lesson = LESSONS.find((l) => l.id === 'training-embeddings')!;
    const step = widgetStep(lesson, 'padding');
    const block = lesson.steps[step]!.blocks.findIndex((b) => b.kind === 'widget' && b.name === 'padding');
    const sentences = encodeURIComponent('a b c d e f | g | h i j k l m | n');
    const { page, context } = await openPage(browser, `/#/lessons/training-embeddings/${step + 1}?w${block}.sentences=${sentences}&w${block}.batch=2&w${block}.bucket=true`);
    const w = page.locator('section.widget[data-widget="padding"]');
    await expect.poll(() => w.getByRole('textbox', { name: 'Sentences' }).inputValue(), { ...POLL, timeout: 60_000 }).toBe('a b c d e f\ng\nh i j k l m\nn');
    expect(await w.getByRole('checkbox').isChecked()).toBe(true);
    // Sorted by length, batches of two: (6, 6) and (1, 1) need no padding at all.
    await expect.poll(() => text(w.getByLabel('Padding share')), POLL).toContain('0 of 14 slots');
    await w.getByRole('checkbox').uncheck();
    await expect.poll(() => decodeURIComponent(page.url()), POLL).toContain(`w${block}.bucket=false`);
    await expect.poll(() => text(w.getByLabel('Padding share')), POLL).toContain('10 of 24 slots');
    await context.close();
  });

  it('the probe reopens from a link with its vectors, words and seeds, and the link follows a change', async () => {
    const lesson = LESSONS.find((l) => l.id === 'applications')!;
    const step = widgetStep(lesson, 'probe');
    const block = lesson.steps[step]!.blocks.findIndex((b) => b.kind === 'widget' && b.name === 'probe');
    const { page, context } = await openPage(browser, `/#/lessons/applications/${step + 1}?w${block}.vectors=brown-sg100&w${block}.words=1000&w${block}.seeds=2`);
    await answerPredictionFor(page, lesson, step, 'probe');
    const w = page.locator('section.widget[data-widget="probe"]');
    const words = w.getByRole('spinbutton', { name: /^Words to probe/ });
    const seeds = w.getByRole('spinbutton', { name: /^Seeds/ });
    await expect.poll(() => words.inputValue(), { ...POLL, timeout: 60_000 }).toBe('1000');
    expect(await seeds.inputValue()).toBe('2');
    await expect.poll(() => w.getByLabel('Vectors used').getAttribute('data-vectors'), { ...POLL, timeout: 60_000 }).toBe('brown-sg100');
    // A student's change goes into the link, and the vectors the link chose stay in it.
    await seeds.fill('1');
    await expect.poll(() => page.url(), POLL).toContain(`w${block}.seeds=1`);
    expect(page.url()).toContain(`w${block}.words=1000`);
    expect(page.url()).toContain(`w${block}.vectors=brown-sg100`);
    // An out-of-range value is named, and the link keeps the last valid one.
    await words.fill('50');
    await expect.poll(() => text(w.getByRole('alert')), POLL).toContain('Words to probe: a whole number from 100');
    expect(page.url()).toContain(`w${block}.words=1000`);
    await words.fill('1000');
    // The run uses what the inputs say: 1,000 words, seed 1 only.
    await w.getByRole('button', { name: 'Train the probe and the control' }).click();
    await expect.poll(() => text(w.locator('p.muted')), { ...POLL, timeout: 120_000 }).toMatch(/^1,000 word types .*seeds 1\./);
    await context.close();
  });

  it('a link can choose other shipped vectors; a bad value is named and ignored', async () => {
    const lesson = LESSONS.find((l) => l.id === 'properties')!;
    const step = lesson.steps.findIndex((s) => s.blocks.some((b) => b.kind === 'widget' && b.name === 'similarity'));
    const block = lesson.steps[step]!.blocks.findIndex((b) => b.kind === 'widget' && b.name === 'similarity');
    const { page, context } = await openPage(browser, `/#/lessons/properties/${step + 1}?w${block}.vectors=brown-sg100`);
    const w = page.locator('section.widget[data-widget="similarity"]');
    await expect.poll(() => w.getByLabel('Vectors used').getAttribute('data-vectors'), { ...POLL, timeout: 60_000 }).toBe('brown-sg100');
    // The similarity widget does not report its vectors; a change of its word must not drop the link's choice.
    const tool = w.getByRole('form', { name: 'Nearest neighbours' });
    await tool.getByLabel('Word', { exact: true }).fill('river');
    await tool.getByRole('button', { name: 'Find neighbours' }).click();
    await expect.poll(() => page.url(), POLL).toContain(`w${block}.word=river`);
    expect(page.url()).toContain(`w${block}.vectors=brown-sg100`);
    await page.goto(page.url().replace(/#.*$/, `#/lessons/properties/${step + 1}?w${block}.vectors=huge-300d`));
    await page.reload();
    await expect.poll(() => text(page.locator('section.widget[data-widget="similarity"]').getByRole('alert').first()), POLL).toContain('vectors="huge-300d"');
    await expect.poll(() => page.locator('section.widget[data-widget="similarity"]').getByLabel('Vectors used').getAttribute('data-vectors'), { ...POLL, timeout: 60_000 }).toBe('brown-sotu-sg100');
    await context.close();
  });
});
