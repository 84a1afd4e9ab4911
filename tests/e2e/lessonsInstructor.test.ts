// The instructor layer as a lecturer uses it: the lecture path with speaker notes in presenter view only, arrow
// keys between items, poll-and-reveal, widgets showing the vectors their lesson pins, and widget state in links.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { launch, openPage } from './browser';
import { answerPredictionFor, loadLessons, POLL, widgetStep } from './lessonsData';
import { parseLecturePath } from '../../src/ui/lessons/lecturePath';
import { DEFAULT_LAB_CONFIG } from '../../src/state/labConfig';
import { defaultParams, getModel } from '../../src/core/models';

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

  it('the lookup widget reopens from a link with its picked row, and the link follows a new pick', async () => {
    const lesson = LESSONS.find((l) => l.id === 'training-embeddings')!;
    const step = widgetStep(lesson, 'lookup');
    const block = lesson.steps[step]!.blocks.findIndex((b) => b.kind === 'widget' && b.name === 'lookup');
    const { page, context } = await openPage(browser, `/#/lessons/training-embeddings/${step + 1}?w${block}.pick=king`);
    await expect.poll(() => heading(page), POLL).toBe(lesson.steps[step]!.title);
    await answerPredictionFor(page, lesson, step, 'lookup');
    const w = page.locator('section.widget[data-widget="lookup"]');
    const rowCells = (word: string) => w.getByRole('table', { name: 'Embedding matrix' }).locator('tr', { has: page.locator('th', { hasText: new RegExp(`^${word}$`) }) }).locator('td').allTextContents();
    const product = async () => /\[(.*)\]/.exec(await text(w.getByLabel('Product')))?.[1]?.split(', ') ?? [];
    await expect.poll(() => w.getByRole('button', { name: 'king', exact: true }).getAttribute('aria-pressed'), { ...POLL, timeout: 60_000 }).toBe('true');
    expect(await w.getByRole('button', { name: 'cat', exact: true }).getAttribute('aria-pressed')).toBe('false');
    // The highlighted row of E is king's, and the one-hot product equals it number for number.
    await expect.poll(() => w.locator('tr[data-picked="true"] th').textContent(), POLL).toBe('king');
    await expect.poll(() => text(w.getByLabel('Product')), POLL).toContain('row “king”');
    const kingRow = await rowCells('king');
    expect(kingRow.length).toBe(5);
    expect(await product()).toEqual(kingRow);
    // A new pick goes into the link, so the slide reopens on it.
    await w.getByRole('button', { name: 'tea', exact: true }).click();
    await expect.poll(() => page.url(), POLL).toContain(`w${block}.pick=tea`);
    await expect.poll(() => w.locator('tr[data-picked="true"] th').textContent(), POLL).toBe('tea');
    await expect.poll(product, POLL).toEqual(await rowCells('tea'));
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

describe('lesson links into the Lab', () => {
  // What each sentence promises, read back from the Lab's own controls after a student clicks the link. Settings a
  // link does not name must be the Lab's defaults, not left over from the link clicked before.
  const DEFAULT_WINDOW = String(defaultParams(getModel('skipgram')).window);
  type Check = (page: Page) => Promise<void>;
  const value = (page: Page, label: string) => page.getByLabel(label, { exact: true }).inputValue();
  const model = (m: string): Check => async (page) => {
    await expect.poll(() => value(page, 'Model'), { ...POLL, timeout: 60_000 }).toBe(m);
  };
  const windowOf = (w: string): Check => async (page) => {
    await model('skipgram')(page);
    await expect.poll(() => value(page, 'Window'), POLL).toBe(w);
  };
  const tsne = (perplexity: string): Check => async (page) => {
    await expect.poll(() => value(page, 'Projection'), { ...POLL, timeout: 60_000 }).toBe('tsne');
    await expect.poll(() => value(page, 'Perplexity'), POLL).toBe(perplexity);
    // "with a few hundred words"
    expect(await value(page, 'Words on the map')).toBe(String(DEFAULT_LAB_CONFIG.mapN));
    expect(DEFAULT_LAB_CONFIG.mapN).toBeGreaterThanOrEqual(200);
    expect(DEFAULT_LAB_CONFIG.mapN).toBeLessThan(1000);
  };
  const cases: { lesson: string; title: string; link: string; check: Check }[] = [
    { lesson: 'word-embeddings', title: 'Context windows', link: 'with window 2', check: windowOf('2') },
    { lesson: 'word-embeddings', title: 'Context windows', link: 'with window 10', check: windowOf('10') },
    {
      lesson: 'word-embeddings', title: 'Context windows', link: 'skip-gram', check: async (page) => {
        await model('skipgram')(page);
        expect(await value(page, 'Window')).toBe(DEFAULT_WINDOW);
      },
    },
    {
      lesson: 'word-embeddings', title: 'Context windows', link: 'CBOW', check: async (page) => {
        await model('cbow')(page);
        expect(await value(page, 'Window')).toBe(DEFAULT_WINDOW);
      },
    },
    {
      lesson: 'word-embeddings', title: 'Context windows', link: 'step-by-step view', check: async (page) => {
        // "follows one training pair at a time on a toy corpus"
        const view = page.getByRole('region', { name: 'Step-by-step training' });
        await view.waitFor({ timeout: 60_000 });
        expect(await view.getByLabel(/Toy corpus/).inputValue()).toMatch(/\S/);
        await view.getByRole('button', { name: 'Next pair' }).click();
        await expect.poll(() => view.getByRole('table').innerText(), POLL).toContain('1 (target)');
      },
    },
    { lesson: 'visualisation', title: 'Several runs side by side', link: 'perplexity 5', check: tsne('5') },
    { lesson: 'visualisation', title: 'Several runs side by side', link: 'perplexity 50', check: tsne('50') },
  ];

  it('each link from lessons 01 and 03 opens the Lab with the settings its sentence names', async () => {
    const { page, watch, context } = await openPage(browser, '/#/lessons');
    for (const c of cases) {
      const lesson = LESSONS.find((l) => l.id === c.lesson)!;
      const step = lesson.steps.findIndex((s) => s.title === c.title);
      expect(step, `${c.lesson}: ${c.title}`).toBeGreaterThanOrEqual(0);
      await page.goto(page.url().replace(/#.*$/, `#/lessons/${c.lesson}/${step + 1}`));
      await expect.poll(() => heading(page), POLL).toBe(c.title);
      await page.getByRole('link', { name: c.link, exact: true }).click();
      await expect.poll(() => page.url(), POLL).toContain('#/lab');
      await c.check(page);
    }
    expect(watch.pageErrors).toEqual([]);
    await context.close();
  }, 300_000);
});
