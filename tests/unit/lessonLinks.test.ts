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
