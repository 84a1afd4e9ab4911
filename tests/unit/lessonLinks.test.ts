// Links inside the lessons: every #/lab?... link names real Lab settings with valid values (src/state/labConfig.ts),
// and every #/lessons/<id>/<step> link points at a step that exists and is the one its text names.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { parseLessons } from '../../src/ui/lessons/lessonParser';
import { LAB_SETTINGS, configFromParams } from '../../src/state/labConfig';
import { getModel } from '../../src/core/models';
import { stepSlug } from '../../src/ui/lessons/lecturePath';

const files = Object.fromEntries(readdirSync('lessons').filter((f) => f.endsWith('.md')).map((f) => [`/lessons/${f}`, readFileSync(`lessons/${f}`, 'utf8')]));
const lessons = parseLessons(files);
const LINK = /\[([^\]]+)\]\((#\/[^)\s]+)\)/g;
const links = Object.entries(files).flatMap(([file, text]) => [...text.matchAll(LINK)].map((m) => ({ file, label: m[1]!, href: m[2]! })));

describe('lesson links', () => {
  it('lab links use real settings with valid values', () => {
    const lab = links.filter((l) => l.href.startsWith('#/lab'));
    expect(lab.length).toBeGreaterThanOrEqual(6);
    for (const l of lab) {
      const params = new URLSearchParams(l.href.split('?')[1] ?? '');
      // The lab's own parser: a value it would ignore comes back as a note.
      const r = configFromParams(params);
      expect(r.notes, `${l.file}: ${l.href}`).toEqual([]);
      // Every key is a Lab setting or a parameter of the link's model (from the model registry).
      const modelKeys = getModel(r.config.model).params.map((p) => p.urlKey);
      for (const k of params.keys()) {
        expect(LAB_SETTINGS.some((x) => x.key === k) || modelKeys.includes(k), `${l.file}: ${l.href}: no Lab setting "${k}"`).toBe(true);
      }
    }
  });

  it('lesson links point at existing steps; a link labelled with a step title lands on that step', () => {
    for (const l of links.filter((x) => x.href.startsWith('#/lessons/'))) {
      const [, , id, n] = l.href.split('/');
      const lesson = lessons.find((x) => x.id === id);
      expect(lesson, `${l.file}: ${l.href}`).toBeDefined();
      const step = lesson!.steps[Number(n) - 1];
      expect(step, `${l.file}: ${l.href}`).toBeDefined();
      const titled = lesson!.steps.findIndex((s) => stepSlug(s.title) === stepSlug(l.label));
      if (titled >= 0) expect(Number(n) - 1, `${l.file}: [${l.label}](${l.href})`).toBe(titled);
    }
  });
});

// Lesson 09 walks back through the week with links to steps; step numbers drift when lessons change, so every link
// there must name its step: each word of the link's text (small words aside) is a word of the step's title.
const SMALL_WORDS = new Set(['a', 'an', 'the', 'of', 'and', 'on', 'to', 'in', 'with', 'for']);
const wordsOf = (t: string) => t.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w && !SMALL_WORDS.has(w));

describe('lesson 09 links', () => {
  const closing = links.filter((l) => l.file === '/lessons/09-objectives.md' && l.href.startsWith('#/lessons/'));

  it('each link lands on the step its words name', () => {
    expect(closing.length).toBeGreaterThanOrEqual(20);
    for (const l of closing) {
      const [, , id, n] = l.href.split('/');
      const step = lessons.find((x) => x.id === id)?.steps[Number(n) - 1];
      expect(step, `${l.href} is no step`).toBeDefined();
      const title = new Set(wordsOf(step!.title));
      const missing = wordsOf(l.label).filter((w) => !title.has(w));
      expect(missing, `[${l.label}](${l.href}) lands on "${step!.title}"`).toEqual([]);
    }
  });

  it('every lesson that serves an objective is linked from it', () => {
    const linked = new Set(closing.map((l) => l.href.split('/')[2]));
    for (const l of lessons.filter((x) => x.objectives.length > 0)) expect(linked.has(l.id), l.id).toBe(true);
  });
});
