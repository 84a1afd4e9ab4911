// The lesson files as the e2e tests see them: parsed in Node with the same parser the app uses, so the tests know
// which step holds which self-check and what its right answer is, without copying answers into the tests.
import { readFileSync, readdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { parseLessons, predictionGates, type Lesson } from '../../src/ui/lessons/lessonParser';
import type { QuizSpec } from '../../src/ui/lessons/quizParser';
import { WIDGET_NAMES } from '../../src/ui/lessons/widgets/widgetNames';

export function loadLessons(): Lesson[] {
  const files = Object.fromEntries(
    readdirSync('lessons')
      .filter((f) => f.endsWith('.md'))
      .map((f) => [`/lessons/${f}`, readFileSync(`lessons/${f}`, 'utf8')]),
  );
  return parseLessons(files, { knownWidgets: new Set(WIDGET_NAMES) });
}

export interface StepQuizzes {
  step: number; // 0-based
  quizzes: QuizSpec[];
}

export function quizzesByStep(lesson: Lesson): StepQuizzes[] {
  return lesson.steps
    .map((s, step) => ({ step, quizzes: s.blocks.flatMap((b) => (b.kind === 'quiz' ? [b.quiz] : [])) }))
    .filter((s) => s.quizzes.length > 0);
}

export function widgetStep(lesson: Lesson, name: string): number {
  const i = lesson.steps.findIndex((s) => s.blocks.some((b) => b.kind === 'widget' && b.name === name));
  if (i < 0) throw new Error(`${lesson.file} has no ${name} widget`);
  return i;
}

/** expect.poll waits one second by default; a lazily loaded lesson chunk or widget on a loaded machine needs more. */
export const POLL = { timeout: 30_000, interval: 100 };

/** If a "predict: yes" self-check hides widget `name` on this step, answer it (its first choice, or the right
 *  number) as a student would, so the widget appears. */
export async function answerPredictionFor(page: Page, lesson: Lesson, step: number, name: string): Promise<void> {
  const s = lesson.steps[step]!;
  const at = s.blocks.findIndex((b) => b.kind === 'widget' && b.name === name);
  const quizId = predictionGates(s).get(at);
  if (!quizId) return;
  const quiz = s.blocks.flatMap((b) => (b.kind === 'quiz' && b.quiz.id === quizId ? [b.quiz] : []))[0]!;
  const form = page.locator(`form[data-quiz-id="${quizId}"]`);
  await form.waitFor();
  if (quiz.kind === 'choice') await form.getByRole('radio').first().check();
  else await form.getByRole('textbox').fill(String(quiz.answer));
  await form.getByRole('button', { name: 'Check answer' }).click();
}
