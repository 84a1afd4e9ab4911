// The lecture path (lessons/lecture-50min.txt) against the real lessons, its parser on broken input, and speaker
// notes blocks.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { parseLesson, parseLessons } from '../../src/ui/lessons/lessonParser';
import { parseLecturePath, stepSlug } from '../../src/ui/lessons/lecturePath';

const files = Object.fromEntries(readdirSync('lessons').filter((f) => f.endsWith('.md')).map((f) => [`/lessons/${f}`, readFileSync(`lessons/${f}`, 'utf8')]));
const lessons = parseLessons(files);
const FILE = 'lessons/lecture-50min.txt';

describe('the 50-minute lecture path', () => {
  const path = parseLecturePath(readFileSync(FILE, 'utf8'), FILE, lessons);

  it('names real steps, in order, for exactly 50 minutes', () => {
    expect(path.problems).toEqual([]);
    expect(path.totalMinutes).toBe(50);
    expect(path.items.length).toBeGreaterThanOrEqual(10);
    expect(path.title).toMatch(/50-minute lecture/);
    expect(path.items[0]).toMatchObject({ lessonId: 'from-autoencoders', startsAt: 0 });
    const last = path.items[path.items.length - 1]!;
    expect(last.startsAt + last.minutes).toBe(50);
  });

  it('has speaker notes on every step it visits', () => {
    for (const it of path.items) {
      const step = lessons.find((l) => l.id === it.lessonId)!.steps[it.step]!;
      expect(step.blocks.some((b) => b.kind === 'notes'), `${it.lessonId}/${it.slug}`).toBe(true);
    }
  });
});

describe('lecture path parser', () => {
  it('makes slugs from titles', () => {
    expect(stepSlug('Analogies: 3CosAdd and 3CosMul')).toBe('analogies-3cosadd-and-3cosmul');
    expect(stepSlug('  Why raw cosines run high ')).toBe('why-raw-cosines-run-high');
  });

  it('reports unknown lessons, unknown steps, bad minutes and bad lines with file and line', () => {
    const text = '# T\nnope/x 3\nproperties/no-such-step 2\nproperties/neighbours 0\nthis is not a line\nproperties/neighbours 2\nproperties/neighbours 2\n';
    const p = parseLecturePath(text, 'lessons/x.txt', lessons);
    expect(p.problems[0]).toMatch(/^lessons\/x\.txt, line 2: there is no lesson "nope"/);
    expect(p.problems[1]).toMatch(/^lessons\/x\.txt, line 3: lesson "properties" has no step "no-such-step" \(its steps: closeness-is-an-angle/);
    expect(p.problems[2]).toMatch(/^lessons\/x\.txt, line 4: minutes must be more than 0/);
    expect(p.problems[3]).toMatch(/^lessons\/x\.txt, line 5: expected "lesson-id\/step-slug minutes"/);
    expect(p.problems[4]).toMatch(/^lessons\/x\.txt, line 7: "properties\/neighbours" is already in the lecture/);
    expect(p.totalMinutes).toBe(4);
  });
});

describe('speaker notes', () => {
  const lesson = (body: string) => parseLesson(`---\nid: t\ntitle: T\nsection: S\n---\n${body}`, 'lessons/99-t.md');

  it('become a notes block and leave the text around them alone', () => {
    const l = lesson('## A\n\nBefore.\n\n:::notes\nSay **this**.\n:::\n\nAfter.\n');
    expect(l.steps[0]!.blocks.map((b) => b.kind)).toEqual(['markdown', 'notes', 'markdown']);
    expect(l.steps[0]!.blocks[1]).toMatchObject({ kind: 'notes', text: 'Say **this**.', line: 10 });
  });

  it('report notes that are never closed, with the line', () => {
    const l = lesson('## A\n\n:::notes\nforever\n');
    const err = l.steps[0]!.blocks.find((b) => b.kind === 'error');
    expect(err && err.kind === 'error' && err.message).toBe('lessons/99-t.md, line 8: the speaker notes are never closed with a line :::');
  });
});
