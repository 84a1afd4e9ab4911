// Predict, then run: a quiz with "predict: yes" hides the next widget of its step until answered; every lesson has
// at least one, and every choice of every multiple-choice quiz is explained.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { parseLesson, parseLessons, predictionGates } from '../../src/ui/lessons/lessonParser';
import { parseQuiz } from '../../src/ui/lessons/quizParser';
import { WIDGET_NAMES } from '../../src/ui/lessons/widgets/widgetNames';

const opts = { knownWidgets: new Set(WIDGET_NAMES) };
const parse = (body: string) => parseLesson(`---\nid: t\ntitle: T\nsection: S\n---\n${body}`, 'lessons/99-t.md', opts);
const QUIZ = '```quiz\nquestion: Guess?\npredict: yes\n- [x] A\n  > because\n- [ ] B\n  > not so\n```\n';

describe('prediction quizzes', () => {
  it('read predict: yes, and reject other values with the line', () => {
    const q = parseQuiz(['question: Q?', 'predict: yes', '- [x] a', '- [ ] b'], 'q', 10);
    expect('quiz' in q && q.quiz.predict).toBe(true);
    const bad = parseQuiz(['question: Q?', 'predict: maybe', '- [x] a', '- [ ] b'], 'q', 10);
    expect(bad).toEqual({ error: 'predict: takes yes or no, not "maybe"', line: 10 });
  });

  it('gate the next widget of the step', () => {
    const l = parse(`## A\n\n${QUIZ}\ntext\n\n::widget{name="padding"}\n\n::widget{name="padding"}\n`);
    const gates = predictionGates(l.steps[0]);
    const widgetIdx = l.steps[0].blocks.findIndex((b) => b.kind === 'widget');
    expect([...gates.entries()]).toEqual([[widgetIdx, 't-q1']]);
  });

  it('report a prediction with no widget after it in its step', () => {
    const l = parse(`## A\n\n::widget{name="padding"}\n\n${QUIZ}\n## B\n\n::widget{name="padding"}\n`);
    const err = l.steps[0].blocks.find((b) => b.kind === 'error');
    expect(err && err.kind === 'error' && err.message).toMatch(/^lessons\/99-t\.md, line 10: a quiz with "predict: yes" must be followed by a widget/);
  });
});

describe('the lesson files', () => {
  const files = Object.fromEntries(readdirSync('lessons').filter((f) => f.endsWith('.md')).map((f) => [`/lessons/${f}`, readFileSync(`lessons/${f}`, 'utf8')]));
  const lessons = parseLessons(files, opts);

  it('each lesson with widgets asks for at least one prediction before a widget runs', () => {
    for (const l of lessons) {
      const hasWidget = l.steps.some((s) => s.blocks.some((b) => b.kind === 'widget' && b.name !== 'objectives'));
      if (!hasWidget) continue;
      const gated = l.steps.reduce((n, s) => n + predictionGates(s).size, 0);
      expect(gated, l.file).toBeGreaterThan(0);
    }
  });

  it('explain every choice of every multiple-choice quiz, right and wrong', () => {
    for (const l of lessons) {
      for (const s of l.steps) {
        for (const b of s.blocks) {
          if (b.kind !== 'quiz' || b.quiz.kind !== 'choice') continue;
          for (const c of b.quiz.choices) expect(c.explanation, `${l.file}, line ${b.line}: "${c.text}"`).not.toBe('');
        }
      }
    }
  });
});
