// A user's clone has nothing beside it: no file in the repository may read, or send a reader to, a path outside it
// (the development machine keeps design notes beside the checkout; a user's clone has none of them).
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const ROOTS = ['src', 'tests', 'scripts', 'bench', 'lessons', 'docs', 'data', '.ci', 'README.md', 'package.json',
  'vite.config.ts', 'vitest.config.ts', 'eslint.config.js', 'index.html'];
const TEXT = /\.(ts|tsx|js|mjs|cjs|json|md|sh|py|html|css|txt)$|^run$/;
// Built from pieces so that this file does not match itself.
const OUTSIDE = [
  new RegExp(['\\.\\.', 'shared'].join('/')),
  new RegExp(['(^|[\\s`("\'])shared', '(notes|syllabus|design|style)'].join('/')),
  // An absolute path into the development machine's work folder (the same folder name under bench/out is fine).
  new RegExp(['(^|[\\s`("\'])', 'work', ''].join('/')),
];

function* files(path: string): Generator<string> {
  const st = statSync(path, { throwIfNoEntry: false });
  if (!st) return;
  if (st.isFile()) {
    yield path;
    return;
  }
  for (const name of readdirSync(path)) {
    if (name === 'node_modules' || name === 'out' || name.startsWith('.tmp')) continue;
    yield* files(join(path, name));
  }
}

describe('the repository stands alone', () => {
  it('no file refers to paths outside the repository', () => {
    const hits: string[] = [];
    let scanned = 0;
    for (const root of ROOTS) {
      for (const f of files(root)) {
        if (!TEXT.test(f.split('/').pop()!)) continue;
        scanned++;
        readFileSync(f, 'utf8').split('\n').forEach((line, i) => {
          if (OUTSIDE.some((re) => re.test(line))) hits.push(`${f}:${i + 1}: ${line.trim().slice(0, 120)}`);
        });
      }
    }
    expect(scanned).toBeGreaterThan(100);
    expect(hits).toEqual([]);
  });

  it('the patterns catch what they are meant to', () => {
    // Assembled at run time, like the patterns, so that this file names no outside path itself.
    const S = ['sha', 'red'].join('');
    const up = ['.', '.'].join('');
    const bad = [`readFileSync("${up}/${S}/${'syllabus'}/x.md")`, `see ${S}/${'notes'}/x.md`, `'/${'wo' + 'rk'}/x/y'`];
    for (const line of bad) expect(OUTSIDE.some((re) => re.test(line)), line).toBe(true);
    expect(OUTSIDE.some((re) => re.test('src/core/shared.ts and sharedState'))).toBe(false);
    const benchWork = ['bench', 'out', 'wo' + 'rk', 'NAME.tok.txt'].join('/');
    expect(OUTSIDE.some((re) => re.test(`writes \`${benchWork}\``))).toBe(false);
  });
});
