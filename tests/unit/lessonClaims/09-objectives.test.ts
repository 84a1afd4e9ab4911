// Claims of lessons/09-objectives.md: the four goals and the lessons that serve them, as the Objectives widget builds
// them from each lesson's front matter (its step links are checked in tests/unit/lessonLinks.test.ts, "lesson 09
// links", and in the browser in tests/e2e/lessonsWidgets.test.ts, "objectives").
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { parseLessons } from '../../../src/ui/lessons/lessonParser';
import { lessonText } from './shipped';

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
