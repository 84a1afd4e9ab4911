// The build-time check: the real lessons folder is clean, and a broken copy fails with file and line.
import { describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { controlCharacterProblems, lessonsCheckPlugin, lessonsFolderProblems } from '../../scripts/lessonsCheckPlugin';

describe('lessons check at build time', () => {
  it('finds nothing wrong in lessons/', () => {
    expect(lessonsFolderProblems('lessons')).toEqual([]);
  });

  it('fails the build on a misspelt attribute, naming file and line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lessons-'));
    try {
      cpSync('lessons', dir, { recursive: true });
      const file = join(dir, '02-properties.md');
      const text = readFileSync(file, 'utf8');
      const line = text.split('\n').findIndex((l) => l.startsWith('::widget{name="cosine"')) + 1;
      writeFileSync(file, text.replace('::widget{name="cosine" vectors="brown-sotu-sg100" a="cat"', '::widget{name="cosine" vectors="brown-sotu-sg100" aa="cat"'));
      const problems = lessonsFolderProblems(dir);
      expect(problems).toEqual([`${dir}/02-properties.md, line ${line}: widget "cosine" has no attribute "aa" (it takes vectors, a, b, c)`]);
      const plugin = lessonsCheckPlugin(dir);
      const errors: string[] = [];
      const ctx = { error: (m: string) => { errors.push(m); throw new Error(m); } };
      expect(() => (plugin.buildStart as unknown as (this: typeof ctx) => void).call(ctx)).toThrow(/1 problem/);
      expect(errors[0]).toContain(`line ${line}: widget "cosine" has no attribute "aa"`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('names a LaTeX command that a string escape ate (form feed for \\frac, tab for \\top, line break for \\right)', () => {
    // The gradient of lesson 01 once shipped like this: "\frac" became form feed + "rac" and KaTeX drew garbage.
    const broken = ['$$', '\frac{\\partial L}{\\partial u} = \\left(\\sigma(u^{\top} v) - 1', 'ight) v', '$$'].join('\n');
    expect(controlCharacterProblems('lessons/x.md', broken)).toEqual([
      'lessons/x.md, line 2: control character U+000c (a LaTeX command that lost its backslash?)',
      'lessons/x.md, line 3: control character U+000a (a LaTeX command that lost its backslash?)',
    ]);
    expect(controlCharacterProblems('lessons/x.md', 'fine\ttabbed text\r\n$\\frac{1}{2}$, \\right)')).toEqual([]);
    const tabOnly = '$u^{\top} v$';
    expect(controlCharacterProblems('lessons/x.md', tabOnly)).toEqual(['lessons/x.md, line 1: control character U+0009 (a LaTeX command that lost its backslash?)']);
  });
});
