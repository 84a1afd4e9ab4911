// Every widget of lessons 06-09 that has inputs reopens from a step link with changed values: the link's value shows
// in the widget's own controls (or its text, for a list such as the recommender's history), and no value is refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, openPage } from './browser';
import { answerPredictionFor, loadLessons, POLL } from './lessonsData';

const LESSONS = loadLessons();

/** lesson id, widget name, the link's values (directive attributes), the values its controls must then hold, and
 *  text it must show (for inputs that are not a single control). None is the widget's opening value. */
const CASES: { lesson: string; widget: string; link: Record<string, string>; shows: string[]; text?: string[] }[] = [
  { lesson: 'training-strategies', widget: 'transfer-curve', link: { pretrained: 'brown-sotu-sg100', sizes: '4,15', seeds: '2' }, shows: ['brown-sotu-sg100.elv', '4,15', '2'] },
  { lesson: 'training-strategies', widget: 'finetune', link: { word: 'education' }, shows: ['education'] },
  { lesson: 'challenges', widget: 'similarity', link: { word: 'monday' }, shows: ['monday'] },
  { lesson: 'challenges', widget: 'subword', link: { word: 'walked', other: 'walking' }, shows: ['walked', 'walking'] },
  { lesson: 'challenges', widget: 'merges', link: { scheme: 'wordpiece', words: 'apple,pear' }, shows: ['wordpiece'], text: ['apple:', 'pear:'] },
  { lesson: 'challenges', widget: 'domain-shift', link: { word: 'water' }, shows: ['water'] },
  { lesson: 'challenges', widget: 'compare-spaces', link: { a: 'brown-cbow100' }, shows: ['brown-cbow100'] },
  { lesson: 'applications', widget: 'recommend', link: { sessions: '500', seeds: '1', history: 'drama-budget-1' }, shows: ['500', '1'], text: ['drama-budget-1'] },
  { lesson: 'applications', widget: 'semantic-search', link: { query: 'money and banks' }, shows: ['money and banks'] },
  { lesson: 'applications', widget: 'search', link: { q: 'war army' }, shows: ['war army'] },
  { lesson: 'applications', widget: 'bias', link: { preset: 'science-arts', seed: '7' }, shows: ['science-arts', '7'] },
  { lesson: 'applications', widget: 'probe', link: { words: '2000', seeds: '2' }, shows: ['2000', '2'] },
  { lesson: 'applications', widget: 'evaluation', link: { method: '3cosmul' }, shows: ['3CosMul'] },
];

/** What the widget's controls hold: text, number and search fields, text areas, selects, checked radios and boxes. */
async function controlValues(w: ReturnType<Page['locator']>): Promise<string[]> {
  return w.evaluate((el) =>
    [...el.querySelectorAll('input, select, textarea')].flatMap((c) => {
      // A radio without a value attribute reads "on": its label names the choice.
      if (c instanceof HTMLInputElement && (c.type === 'radio' || c.type === 'checkbox')) {
        return c.checked ? [c.getAttribute('value') ?? (c.closest('label')?.textContent ?? '').trim()] : [];
      }
      return [(c as HTMLInputElement).value];
    }),
  );
}

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('lessons 06-09: widgets reopen from their links', () => {
  for (const c of CASES) {
    it(`${c.lesson}: ${c.widget} shows ${c.shows.join(', ')}`, async () => {
      const lesson = LESSONS.find((l) => l.id === c.lesson)!;
      const step = lesson.steps.findIndex((s) => s.blocks.some((b) => b.kind === 'widget' && b.name === c.widget));
      expect(step, `${c.lesson} has a ${c.widget} widget`).toBeGreaterThanOrEqual(0);
      const block = lesson.steps[step]!.blocks.findIndex((b) => b.kind === 'widget' && b.name === c.widget);
      const query = Object.entries(c.link).map(([k, v]) => `w${block}.${k}=${encodeURIComponent(v)}`).join('&');
      const { page, context } = await openPage(browser, `/#/lessons/${c.lesson}/${step + 1}?${query}`);
      await answerPredictionFor(page, lesson, step, c.widget);
      const w = page.locator(`section.widget[data-widget="${c.widget}"]`);
      const missing = async () => {
        const values = await controlValues(w);
        const body = (await w.textContent()) ?? '';
        return [...c.shows.filter((v) => !values.includes(v)), ...(c.text ?? []).filter((t) => !body.includes(t))];
      };
      await expect.poll(missing, { ...POLL, timeout: 90_000 }).toEqual([]);
      expect(await w.getByText(/does not accept/).count()).toBe(0);
      await context.close();
    });
  }
});
