// Directive attributes are typed: a misspelt key, a bad value or a missing vectors="..." is an error naming the file
// and the line, and every real lesson file passes.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { lessonProblems, parseLesson, parseLessons, type LessonBlock } from '../../src/ui/lessons/lessonParser';
import { WIDGET_NAMES } from '../../src/ui/lessons/widgets/widgetNames';
import { SHIPPED_VECTOR_IDS, VECTOR_CHOICES, WIDGET_SCHEMAS, validateWidgetAttrs } from '../../src/ui/lessons/widgets/widgetSchemas';

const FILE = 'lessons/99-test.md';
const opts = { knownWidgets: new Set(WIDGET_NAMES), validateAttrs: validateWidgetAttrs };
const parse = (body: string) => parseLesson(`---\nid: t\ntitle: T\nsection: S\n---\n${body}`, FILE, opts);
const errors = (body: string) =>
  parse(body)
    .steps.flatMap((s) => s.blocks)
    .filter((b): b is Extract<LessonBlock, { kind: 'error' }> => b.kind === 'error');

describe('widget schemas', () => {
  it('cover every widget name, and the shipped ids match public/vectors/index.json', () => {
    expect(Object.keys(WIDGET_SCHEMAS).sort()).toEqual([...WIDGET_NAMES].sort());
    const index = JSON.parse(readFileSync('public/vectors/index.json', 'utf8')) as { sets: { id: string }[] };
    expect(index.sets.map((s) => s.id).sort()).toEqual([...SHIPPED_VECTOR_IDS].sort());
    expect(VECTOR_CHOICES).toContain('lab');
  });

  it('accept a well-formed directive and keep its attributes', () => {
    const l = parse('## A\n\n::widget{name="analogy" vectors="brown-sg100" a="man" b="king" c="woman" topn="5" method="3cosmul"}\n');
    expect(lessonProblems(l)).toEqual([]);
    expect(l.steps[0].blocks[0]).toMatchObject({ kind: 'widget', name: 'analogy', props: { vectors: 'brown-sg100', topn: '5' } });
  });

  it('report a misspelt key with file, line and the keys the widget takes', () => {
    const errs = errors('## A\n\ntext\n\n::widget{name="cosine" vectors="lab" a="cat" bb="dog"}\n');
    expect(errs).toHaveLength(1);
    // Front matter is lines 1-5, "## A" is line 6, the directive line 10.
    expect(errs[0].line).toBe(10);
    expect(errs[0].message).toMatch(/^lessons\/99-test\.md, line 10: widget "cosine" has no attribute "bb" \(it takes vectors, a, b, c\)/);
  });

  it('report a bad value with the allowed values and the right line', () => {
    const errs = errors('## A\n\n::similarity{vectors="brown-sotu-sg300" word="war"}\n\n::widget{name="context-window" window="twelve"}\n');
    expect(errs.map((e) => e.line)).toEqual([8, 10]);
    expect(errs[0].message).toMatch(/line 8: widget "similarity": vectors="brown-sotu-sg300" should be one of "brown-sotu-sg100", "brown-sg100", .*"lab"/);
    expect(errs[1].message).toMatch(/line 10: widget "context-window": window="twelve" should be a whole number from 1 to 10/);
  });

  it('require every vectors widget to name its vectors', () => {
    const errs = errors('::widget{name="similarity" word="war"}\n');
    expect(errs[0].message).toMatch(/line 6: widget "similarity" needs vectors="\.\.\."/);
    expect(errors('::widget{name="padding"}\n')).toEqual([]);
  });

  it('check words, lists, numbers and booleans', () => {
    expect(validateWidgetAttrs('cosine', { vectors: 'lab', a: 'two words' })[0]).toMatch(/a single word/);
    expect(validateWidgetAttrs('lookup', { vectors: 'lab', words: 'cat, dog,tea', dims: '5' })).toEqual([]);
    expect(validateWidgetAttrs('lookup', { vectors: 'lab', words: 'cat,,dog' })[0]).toMatch(/comma-separated/);
    // pick must name one of the rows: the listed words, or the widget's default rows when none are listed.
    expect(validateWidgetAttrs('lookup', { vectors: 'lab', words: 'cat, dog', pick: 'dog' })).toEqual([]);
    expect(validateWidgetAttrs('lookup', { vectors: 'lab', words: 'cat, dog', pick: 'tea' })).toEqual(['widget "lookup": pick="tea" should be one of its words (cat, dog)']);
    expect(validateWidgetAttrs('lookup', { vectors: 'lab', pick: 'queen' })).toEqual([]);
    expect(validateWidgetAttrs('softmax-cost', { vectors: 'lab', logV: '8' })[0]).toMatch(/number from 3 to 7/);
    expect(validateWidgetAttrs('arithmetic', { vectors: 'lab', unit: 'yes' })[0]).toMatch(/true or false/);
    expect(validateWidgetAttrs('probe', { vectors: 'lab', seeds: '11' })[0]).toMatch(/whole number from 1 to 10/);
  });
});

describe('every lesson file', () => {
  const files = Object.fromEntries(readdirSync('lessons').filter((f) => f.endsWith('.md')).map((f) => [`/lessons/${f}`, readFileSync(`lessons/${f}`, 'utf8')]));

  it('never mixes vector sets within one step (a pinned set is made active, so two on one screen would fight)', () => {
    for (const l of parseLessons(files, opts)) {
      l.steps.forEach((s, k) => {
        const sets = new Set(s.blocks.flatMap((b) => (b.kind === 'widget' && b.props.vectors ? [b.props.vectors] : [])));
        expect(sets.size, `${l.file}, step ${k + 1}: ${[...sets].join(', ')}`).toBeLessThanOrEqual(1);
      });
    }
  });

  it('parses with no problem at all (directive attributes included)', () => {
    const problems = parseLessons(files, opts).flatMap(lessonProblems);
    expect(problems).toEqual([]);
  });
});
