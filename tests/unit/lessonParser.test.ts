import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { parseLesson, parseLessons, parseAttributes, quizIds, idFromFileName } from '../../src/ui/lessons/lessonParser';
import { parseQuiz, checkNumeric, readNumber } from '../../src/ui/lessons/quizParser';
import { WIDGET_NAMES } from '../../src/ui/lessons/widgets/widgetNames';
import { validateWidgetAttrs } from '../../src/ui/lessons/widgets/widgetSchemas';

const known = new Set(WIDGET_NAMES);
const FILE = 'lessons/99-test.md';

const lesson = (body: string, fm = 'id: test\ntitle: Test lesson\nsection: Testing\nobjectives:\n  - One\n  - Two') =>
  parseLesson(`---\n${fm}\n---\n${body}`, FILE, { knownWidgets: known });

describe('front matter', () => {
  it('reads id, title, section and the objectives list', () => {
    const l = lesson('Hello');
    expect(l).toMatchObject({ id: 'test', title: 'Test lesson', section: 'Testing', objectives: ['One', 'Two'], issues: [] });
  });

  it('reports a file without front matter and falls back to the file name', () => {
    const l = parseLesson('# Just text\n\nsome words', 'lessons/03-visual-things.md');
    expect(l.id).toBe('visual-things');
    expect(l.issues[0].message).toMatch(/front matter/);
    expect(l.steps[0].blocks[0].kind).toBe('markdown');
  });

  it('reports an unclosed front matter and a bad id, without throwing', () => {
    expect(parseLesson('---\nid: x\ntitle: y\n', FILE).issues.map((i) => i.message).join()).toMatch(/never closed/);
    const bad = lesson('x', 'id: Not OK!\ntitle: T\nsection: S');
    expect(bad.id).toBe('test');
    expect(bad.issues[0].message).toMatch(/lower-case/);
  });

  it('derives ids from file names', () => {
    expect(idFromFileName('/lessons/07-challenges.md')).toBe('challenges');
  });

  it('flags duplicate ids across files', () => {
    const fm = '---\nid: same\ntitle: A\nsection: S\n---\ntext';
    const ls = parseLessons({ '/lessons/01-a.md': fm, '/lessons/02-b.md': fm });
    expect(ls[0].id).toBe('same');
    expect(ls[1].id).not.toBe('same');
    expect(ls[1].issues[0].message).toMatch(/already used by lessons\/01-a.md/);
  });
});

describe('steps', () => {
  it('splits at ## headings and --- lines, and titles the steps', () => {
    const l = lesson('Intro text\n\n## Second\nmore\n\n---\n\n### Third heading\nend');
    expect(l.steps.map((s) => s.title)).toEqual(['Test lesson', 'Second', 'Third heading']);
  });

  it('does not split inside fenced code', () => {
    const l = lesson('## One\n```\n## not a step\n---\n::cosine{a="x"}\n```\n');
    expect(l.steps).toHaveLength(1);
    expect(l.steps[0].blocks).toHaveLength(1);
    expect(l.steps[0].blocks[0].kind).toBe('markdown');
  });

  it('gives an error step for a lesson with no content', () => {
    const l = lesson('');
    expect(l.steps[0].blocks[0]).toMatchObject({ kind: 'error' });
  });
});

describe('widget directives', () => {
  it('reads both spellings and their attributes', () => {
    const l = lesson('::widget{name="analogy" a="man" b=\'king\' c=woman}\n::cosine{a="cat" b="dog"}');
    const ws = l.steps[0].blocks;
    expect(ws[0]).toEqual({ kind: 'widget', name: 'analogy', props: { a: 'man', b: 'king', c: 'woman' }, line: 9 });
    expect(ws[1]).toMatchObject({ kind: 'widget', name: 'cosine', props: { a: 'cat', b: 'dog' }, line: 10 });
  });

  it('turns an unknown widget into an error naming the file and line', () => {
    const l = lesson('text\n\n::widget{name="nonsense"}');
    const err = l.steps[0].blocks.find((b) => b.kind === 'error');
    expect(err).toMatchObject({ kind: 'error', line: 11 });
    expect(err && 'message' in err ? err.message : '').toMatch(/^lessons\/99-test\.md, line 11: there is no widget called "nonsense"/);
  });

  it('turns broken syntax into errors, and keeps the rest of the lesson', () => {
    const l = lesson('before\n::cosine{a="cat" b=}\n::cosine{a="cat"\n::widget{a="x"}\nafter');
    const kinds = l.steps[0].blocks.map((b) => b.kind);
    expect(kinds).toEqual(['markdown', 'error', 'error', 'error', 'markdown']);
    const msgs = l.steps[0].blocks.flatMap((b) => (b.kind === 'error' ? [b.message] : []));
    expect(msgs[0]).toMatch(/line 10: widget "cosine": cannot read the attributes/);
    expect(msgs[1]).toMatch(/line 11: a widget directive must read/);
    expect(msgs[2]).toMatch(/line 12: .*needs a name=/);
  });

  it('parses attributes', () => {
    expect(parseAttributes(' a="x y"  b=3 ')).toEqual({ props: { a: 'x y', b: '3' } });
    expect(parseAttributes('a="unterminated')).toHaveProperty('error');
  });
});

describe('quiz blocks', () => {
  it('reads a multiple-choice quiz with explanations', () => {
    const l = lesson('```quiz\nquestion: Pick?\n- [ ] no\n  > because\n- [x] yes\n  > right\n```');
    const q = l.steps[0].blocks[0];
    expect(q.kind).toBe('quiz');
    if (q.kind !== 'quiz' || q.quiz.kind !== 'choice') throw new Error('expected a choice quiz');
    expect(q.quiz.id).toBe('test-q1');
    expect(q.quiz.choices).toEqual([
      { text: 'no', correct: false, explanation: 'because' },
      { text: 'yes', correct: true, explanation: 'right' },
    ]);
  });

  it('reads a numeric quiz and checks answers within tolerance', () => {
    const r = parseQuiz(['question: How many?', 'answer: 10,000', 'tolerance: 5', 'unit: words', 'wrong: no'], 'x', 1);
    if (!('quiz' in r) || r.quiz.kind !== 'numeric') throw new Error('expected a numeric quiz');
    expect(r.quiz.answer).toBe(10000);
    expect(checkNumeric(r.quiz, '10004')).toBe(true);
    expect(checkNumeric(r.quiz, '1e4')).toBe(true);
    expect(checkNumeric(r.quiz, '10006')).toBe(false);
    expect(checkNumeric(r.quiz, 'ten')).toBeNull();
    expect(readNumber('')).toBeNaN();
  });

  it('reports broken quizzes with the file line', () => {
    const cases: [string, RegExp][] = [
      ['```quiz\n- [x] a\n- [ ] b\n```', /no "question:"/],
      ['```quiz\nquestion: q\n- [ ] a\n- [ ] b\n```', /exactly one/],
      ['```quiz\nquestion: q\nanswer: lots\n```', /not a number/],
      ['```quiz\nquestion: q\nwhat is this\n```', /line 11: quiz line not understood/],
      ['```quiz\nquestion: q\nanswer: 1\n', /never closed/],
    ];
    for (const [body, re] of cases) {
      const l = lesson(body);
      const err = l.steps[0].blocks.find((b) => b.kind === 'error');
      expect(err && err.kind === 'error' ? err.message : 'no error').toMatch(re);
      expect(err && err.kind === 'error' ? err.message : '').toMatch(/^lessons\/99-test\.md, line \d+/);
    }
  });
});

describe('the real lesson files', () => {
  const dir = 'lessons';
  const files = Object.fromEntries(readdirSync(dir).filter((f) => f.endsWith('.md')).map((f) => [`/${dir}/${f}`, readFileSync(`${dir}/${f}`, 'utf8')]));
  const lessons = parseLessons(files, { knownWidgets: known, validateAttrs: validateWidgetAttrs });

  it('parse without any problem, each with a widget and a self-check', () => {
    expect(lessons.length).toBeGreaterThanOrEqual(10);
    for (const l of lessons) {
      expect(l.issues, l.file).toEqual([]);
      const blocks = l.steps.flatMap((s) => s.blocks);
      expect(blocks.filter((b) => b.kind === 'error'), l.file).toEqual([]);
      expect(blocks.some((b) => b.kind === 'widget'), l.file).toBe(true);
      expect(quizIds(l).length, l.file).toBeGreaterThan(0);
      expect(l.title && l.section, l.file).toBeTruthy();
    }
  });

  it('cover every syllabus section and the learning objectives', () => {
    // The syllabus's section titles live in the repository (data/syllabus/): a user's clone has nothing beside it.
    const { sections } = JSON.parse(readFileSync('data/syllabus/week6-sections.json', 'utf8')) as { sections: string[] };
    expect(sections.length).toBeGreaterThanOrEqual(9);
    const covered = new Set(lessons.map((l) => l.section));
    for (const s of sections) expect(covered, s).toContain(s);
  });

  it('have formulas where the syllabus section has them', () => {
    for (const id of ['word-embeddings', 'visualisation', 'beyond-word2vec', 'training-embeddings', 'properties']) {
      const l = lessons.find((x) => x.id === id)!;
      const text = l.steps.flatMap((s) => s.blocks).map((b) => (b.kind === 'markdown' ? b.text : '')).join('\n');
      expect(text, id).toMatch(/\$\$[\s\S]+?\$\$/);
    }
  });
});
