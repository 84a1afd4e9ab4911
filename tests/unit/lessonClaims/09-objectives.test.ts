// Claims of lessons/09-objectives.md: the four goals and the lessons that serve them, as the Objectives widget builds
// them from each lesson's front matter (its step links are checked in tests/unit/lessonLinks.test.ts, "lesson 09
// links", and in the browser in tests/e2e/lessonsWidgets.test.ts, "objectives").
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { parseLessons } from '../../../src/ui/lessons/lessonParser';
import { lessonText, shipped } from './shipped';
import { evaluateAnalogies, evaluateSimilarity } from '../../../src/core/vectors/evaluation';
import type { KeyedVectors } from '../../../src/core/vectors/keyedVectors';

const files = Object.fromEntries(readdirSync('lessons').filter((f) => f.endsWith('.md')).map((f) => [`/lessons/${f}`, readFileSync(`lessons/${f}`, 'utf8')]));
const lessons = parseLessons(files);
const text = lessonText('09-objectives.md');

describe('09 objectives', () => {
  // The widget's grouping: objective -> lessons listing it (the closing lesson lists none).
  const byObjective = new Map<string, string[]>();
  for (const l of lessons) for (const o of l.objectives) byObjective.set(o, [...(byObjective.get(o) ?? []), l.id]);

  it('four goals; the first belongs to the opening lesson alone, the other three run through several lessons each', () => {
    expect(text).toContain('The week had four goals. The first belongs to the opening lesson; the other three ran through several lessons each');
    const goals = [...byObjective.entries()];
    expect(goals).toHaveLength(4);
    expect(goals[0]![1]).toEqual(['from-autoencoders']);
    for (const [goal, ids] of goals.slice(1)) expect(ids.length, goal).toBeGreaterThanOrEqual(2);
  });

  it('every lesson before the closing one serves at least one goal', () => {
    for (const l of lessons.filter((x) => x.id !== 'objectives')) expect(l.objectives.length, l.id).toBeGreaterThan(0);
  });
});

describe('09 a score and what it was computed on (sotu-sg100 against brown-sg100 and its second seed)', () => {
  const analogies = readFileSync('data/eval/analogies.txt', 'utf8');
  const similarity = readFileSync('data/eval/similarity.txt', 'utf8');
  const sotu = shipped('sotu-sg100');
  const score = (kv: KeyedVectors, questions = analogies) => ({
    a: evaluateAnalogies(kv, questions, { restrict: kv.size, caseInsensitive: true }),
    s: evaluateSimilarity(kv, similarity, { caseInsensitive: true }),
  });
  const s = score(sotu);
  const brownKv = [shipped('brown-sg100'), shipped('brown-sg100-seed2')];
  const brown = brownKv.map((kv) => score(kv));
  // The questions whose four words the speeches' vectors know (section lines kept).
  const common = analogies.split('\n').filter((l) => l.startsWith(':') || !l.trim() || l.trim().split(/\s+/).every((w) => sotu.has(w.toLowerCase()))).join('\n');

  it('the widget is pinned to the speeches-only vectors and the check asks before it runs', () => {
    expect(text).toContain('::widget{name="evaluation" vectors="sotu-sg100"}');
    const quiz = text.slice(text.indexOf('## A score and what it was computed on'), text.indexOf('::widget{name="evaluation"'));
    expect(quiz).toContain('predict: yes');
  });

  it('the speeches: about 14% of 2,796 questions, 798 skipped, 78% coverage; about 0.21 over 280 pairs, a third left out', () => {
    expect(Math.round(s.a.overall.accuracy * 100)).toBe(14);
    expect(s.a.overall.total).toBe(2796);
    expect(s.a.skipped).toBe(798);
    expect(Math.round(s.a.coverage * 100)).toBe(78);
    expect(s.s.spearman).toBeCloseTo(0.21, 2);
    expect(s.s.pairs).toBe(280);
    expect(Math.round(s.s.oovShare * 3)).toBe(1);
  });

  it("Brown: about 11% over 99% of the questions and 0.34 over 420 pairs (the check's premise)", () => {
    expect(Math.round(brown[0]!.a.overall.accuracy * 100)).toBe(11);
    expect(Math.round(brown[0]!.a.coverage * 100)).toBe(99);
    expect(brown[0]!.s.spearman).toBeCloseTo(0.34, 2);
    expect(brown[0]!.s.pairs).toBe(420);
  });

  it('on the same 2,796 questions both Brown runs get about 12%; the speeches lead by about two points, beyond the half point between the runs', () => {
    const same = brownKv.map((kv) => score(kv, common).a.overall);
    for (const o of same) {
      expect(o.total).toBe(2796);
      expect(Math.round(o.accuracy * 100)).toBe(12);
    }
    const runs = same.map((o) => o.accuracy);
    const between = Math.abs(runs[0]! - runs[1]!);
    expect(between).toBeLessThan(0.005);
    const lead = s.a.overall.accuracy - Math.max(...runs);
    expect(Math.round(lead * 100)).toBe(2);
    expect(lead).toBeGreaterThan(3 * between);
    // "the lead simply shrank once both were asked the same questions"
    expect(lead).toBeLessThan(s.a.overall.accuracy - brown[0]!.a.overall.accuracy);
  });
});
