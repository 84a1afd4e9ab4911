// Lessons as a student uses them: the list, step navigation (buttons, arrow keys, table of contents), every
// self-check answered wrongly then rightly, progress that survives a reload, and readable layouts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, openPage } from './browser';
import { loadLessons, POLL, quizzesByStep } from './lessonsData';
import type { QuizSpec } from '../../src/ui/lessons/quizParser';

const LESSONS = loadLessons();
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function answer(page: Page, form: ReturnType<Page['locator']>, quiz: QuizSpec) {
  const feedback = form.locator('.quiz-feedback');
  const check = form.getByRole('button', { name: 'Check answer' });
  if (quiz.kind === 'choice') {
    await check.click();
    await expect.poll(async () => feedback.textContent(), POLL).toContain('Pick one of the answers first');
    const right = quiz.choices.findIndex((c) => c.correct);
    const wrong = right === 0 ? 1 : 0;
    await form.getByRole('radio').nth(wrong).check();
    await check.click();
    await expect.poll(async () => feedback.textContent(), POLL).toContain('Not quite.');
    await form.getByRole('radio').nth(right).check();
    await check.click();
  } else {
    const input = form.getByRole('textbox');
    await check.click();
    await expect.poll(async () => feedback.textContent(), POLL).toContain('Type a number first');
    await input.fill('twelve');
    await check.click();
    await expect.poll(async () => feedback.textContent(), POLL).toContain('is not a number');
    await input.fill(String(quiz.answer + quiz.tolerance + 1));
    await check.click();
    await expect.poll(async () => feedback.textContent(), POLL).toContain('Not quite.');
    await input.fill(String(quiz.answer));
    await check.click();
  }
  await expect.poll(async () => feedback.textContent(), POLL).toContain('Correct.');
  await expect.poll(async () => page.evaluate(() => document.activeElement !== null), POLL).toBe(true);
}

describe('lessons', () => {
  it('lists one lesson per syllabus section plus the opening and closing ones', async () => {
    const { page, watch, context } = await openPage(browser, '/#/lessons');
    await page.getByRole('heading', { name: 'Lessons', level: 1 }).waitFor();
    const cards = page.locator('.lesson-cards li');
    await expect.poll(async () => cards.count(), POLL).toBe(LESSONS.length);
    expect(LESSONS.length).toBeGreaterThanOrEqual(10);
    for (const l of LESSONS) await page.getByRole('link', { name: l.title, exact: true }).waitFor();
    await expect.poll(async () => page.getByLabel(`Progress of ${LESSONS[0].title}`).textContent(), POLL).toContain('0 of');
    expect(watch.pageErrors).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
    await context.close();
  });

  it('moves between steps with buttons, arrow keys and the contents, and keeps its place on reload', async () => {
    const l = LESSONS[1];
    const { page, watch, context } = await openPage(browser, `/#/lessons/${l.id}`);
    await expect.poll(async () => page.url(), POLL).toContain(`#/lessons/${l.id}/1`);
    const title = page.locator('#lesson-step-title');
    await expect.poll(async () => title.textContent(), POLL).toBe(l.steps[0].title);
    expect(await page.getByRole('button', { name: '← Previous' }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Next →' }).click();
    await expect.poll(async () => page.url(), POLL).toContain(`/${l.id}/2`);
    await expect.poll(async () => title.textContent(), POLL).toBe(l.steps[1].title);
    await page.keyboard.press('ArrowRight');
    await expect.poll(async () => page.url(), POLL).toContain(`/${l.id}/3`);
    await page.keyboard.press('ArrowLeft');
    await expect.poll(async () => page.url(), POLL).toContain(`/${l.id}/2`);
    // Two presses in one task, before React re-renders: each moves from where the previous one went (the hash is
    // set synchronously by the handler, so it is final when evaluate returns).
    const afterBoth = await page.evaluate(() => {
      for (const key of ['ArrowRight', 'ArrowLeft']) window.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
      return window.location.hash;
    });
    expect(afterBoth).toMatch(new RegExp(`/${l.id}/2$`));
    // Typing in a widget's text field must not turn pages.
    const input = page.getByRole('textbox', { name: 'Sentence' });
    await input.click();
    await page.keyboard.press('ArrowRight');
    await expect.poll(async () => page.url(), POLL).toContain(`/${l.id}/2`);
    await page.getByRole('navigation', { name: 'Steps of this lesson' }).getByRole('link', { name: l.steps[3].title }).click();
    await expect.poll(async () => page.url(), POLL).toContain(`/${l.id}/4`);
    await page.reload();
    await expect.poll(async () => title.textContent(), POLL).toBe(l.steps[3].title);
    // Opening the lesson without a step resumes where the student was.
    await page.goto(page.url().replace(/\/4$/, ''));
    await expect.poll(async () => page.url(), POLL).toMatch(new RegExp(`/${l.id}/4$`));
    // The last step offers the next lesson.
    await page.getByRole('link', { name: new RegExp(`Next lesson: ${LESSONS[2].title}`) }).waitFor();
    expect(watch.pageErrors).toEqual([]);
    await context.close();
  });

  it('says so for an unknown lesson or step', async () => {
    const { page, watch, context } = await openPage(browser, '/#/lessons/no-such-lesson');
    await expect.poll(async () => page.getByRole('alert').first().textContent(), POLL).toContain('No lesson called "no-such-lesson"');
    await page.goto(page.url().replace('no-such-lesson', `${LESSONS[0].id}/99`));
    await expect.poll(async () => page.getByRole('alert').first().textContent(), POLL).toContain('has no step 99');
    expect(watch.pageErrors).toEqual([]);
    await context.close();
  });

  it('checks every self-check: wrong answers get feedback, right ones are kept after a reload', async () => {
    const { page, watch, context } = await openPage(browser, '/#/lessons');
    let total = 0;
    for (const l of LESSONS) {
      for (const { step, quizzes } of quizzesByStep(l)) {
        await page.goto(page.url().replace(/#.*$/, `#/lessons/${l.id}/${step + 1}`));
        // Wait for the new step itself, not the previous one that may hold as many self-checks.
        await expect.poll(async () => page.locator('#lesson-step-title').textContent(), POLL).toBe(l.steps[step].title);
        const forms = page.locator('form.quiz');
        await expect.poll(async () => forms.count(), POLL).toBe(quizzes.length);
        for (let q = 0; q < quizzes.length; q++) {
          try {
            await answer(page, forms.nth(q), quizzes[q]);
          } catch (e) {
            throw new Error(`${l.file}, step ${step + 1}, self-check ${q + 1}: ${String(e)}\n${(await page.locator('main').innerText()).slice(0, 600)}`, { cause: e });
          }
        }
        await page.reload();
        for (let q = 0; q < quizzes.length; q++) await forms.nth(q).getByLabel('Answered correctly before').waitFor();
        total += quizzes.length;
      }
    }
    await page.goto(page.url().replace(/#.*$/, '#/lessons'));
    for (const l of LESSONS) {
      const n = quizzesByStep(l).reduce((a, s) => a + s.quizzes.length, 0);
      await expect.poll(async () => page.getByLabel(`Progress of ${l.title}`).textContent(), POLL).toContain(`${n} of ${n} self-checks correct`);
    }
    expect(total).toBeGreaterThanOrEqual(LESSONS.length);
    expect(watch.pageErrors).toEqual([]);
    expect(watch.consoleErrors.filter((e) => !/favicon/.test(e))).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
    await context.close();
  });

  it('fits a phone-sized screen and a projector without horizontal scrolling', async () => {
    for (const [viewport, presenter] of [[{ width: 390, height: 844 }, false], [{ width: 1280, height: 720 }, true]] as const) {
      const { page, watch, context } = await openPage(browser, '/#/lessons', { viewport });
      if (presenter) await page.getByRole('button', { name: 'Presenter mode' }).click();
      for (const l of LESSONS) {
        await page.goto(page.url().replace(/#.*$/, `#/lessons/${l.id}/1`));
        await page.locator('#lesson-step-title').waitFor();
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, `${l.id} at ${viewport.width}px`).toBeLessThanOrEqual(1);
      }
      if (presenter) {
        const size = await page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('.lesson-md p')!).fontSize));
        expect(size).toBeGreaterThanOrEqual(22);
      }
      expect(watch.pageErrors).toEqual([]);
      await context.close();
    }
  });
});
