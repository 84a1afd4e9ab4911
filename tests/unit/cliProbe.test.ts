// `npm run cli -- probe` as a user meets it: real processes on small vectors files. A class written into the vectors
// is found beyond the control task and the majority class; the shipped Brown vectors probe with Brown's tags by
// default; mistakes end with one line naming the file.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../../src/core/train/rng';
import { runCli } from './cliProcess';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const STACK_LINE = /^\s+at .+/m;

let dir: string;

const cli = (args: string[]) => runCli(args, dir);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cli-probe-'));
  // 300 words in two classes; class 1 adds 2 to the first of four dimensions.
  const rng = new Rng(3);
  const lines = ['300 4'];
  const words: Record<string, number> = {};
  for (let i = 0; i < 300; i++) {
    const c = i % 3 === 0 ? 1 : 0;
    words[`w${i}`] = c;
    const v = [0, 1, 2, 3].map((j) => (rng.nextFloat() - 0.5 + (j === 0 && c === 1 ? 2 : 0)).toFixed(4));
    lines.push(`w${i} ${v.join(' ')}`);
  }
  writeFileSync(join(dir, 'toy.txt'), lines.join('\n') + '\n');
  writeFileSync(join(dir, 'tags.json'), JSON.stringify({ classes: ['plain', 'marked'], words }));
  writeFileSync(join(dir, 'badtags.json'), JSON.stringify({ classes: ['plain'], words: { w1: 4 } }));
  writeFileSync(join(dir, 'fewtags.json'), JSON.stringify({ classes: ['plain', 'marked'], words: { w0: 1, w1: 0, w2: 0 } }));
  writeFileSync(join(dir, 'broken.txt'), '2 3\nw0 0.1 0.2 0.3\nw1 0.1 0.2\n');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('cli probe', () => {
  it('finds a class written into the vectors, beyond control and majority, in JSON and in words', async () => {
    const [json, human] = await Promise.all([
      cli(['probe', '--vectors', 'toy.txt', '--tags', 'tags.json', '--seeds', '3', '--json']),
      cli(['probe', '--vectors', 'toy.txt', '--tags', 'tags.json', '--seeds', '2']),
    ]);
    expect(json.code, json.stderr).toBe(0);
    const s = JSON.parse(json.stdout);
    expect(s.command).toBe('probe');
    expect(s.seeds).toEqual([1, 2, 3]);
    expect(s.words).toBe(300);
    expect(s.testWords).toBe(60);
    expect(s.accuracy.min).toBeGreaterThan(0.9);
    expect(s.majority.mean).toBeCloseTo(2 / 3, 2);
    expect(s.control.max).toBeLessThan(0.8);
    for (const r of s.perSeed) expect(r.selectivity).toBeCloseTo(r.accuracy - r.control, 10);
    expect(s.beyondBaselines).toBe(true);
    expect(json.stderr).toMatch(/seed 3\/3: accuracy/);
    expect(human.code, human.stderr).toBe(0);
    expect(human.stdout).toMatch(/selectivity \(probe - control\): +\+\d+\.\d points/);
    expect(human.stdout).toMatch(/verdict: the probe beats the majority class and the control task on every seed/);
  }, 60_000);

  it('probes the shipped Brown vectors with Brown\'s tags by default', async () => {
    const r = await cli(['probe', '--vectors', join(ROOT, 'public', 'vectors', 'brown-sg100.elv'), '--seeds', '1', '--words', '800', '--json', '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    const s = JSON.parse(r.stdout);
    expect(s.tags).toMatch(/brown-pos\.json$/);
    expect(s.classes).toContain('noun');
    expect(s.words).toBe(800);
    expect(s.accuracy.mean).toBeGreaterThan(s.majority.mean);
    expect(r.stderr).toBe('');
  }, 60_000);

  it('takes a shipped set by its id', async () => {
    const r = await cli(['probe', '--vectors', 'brown-cbow100', '--seeds', '1', '--words', '300', '--json', '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    const s = JSON.parse(r.stdout);
    expect(s.vectors).toMatch(/public\/vectors\/brown-cbow100\.elv$/);
    expect(s.words).toBe(300);
  }, 60_000);

  it('ends a mistake with one line: a broken vectors file, a bad lexicon, too few words, a bad seed count', async () => {
    const [broken, badTags, few, seeds] = await Promise.all([
      cli(['probe', '--vectors', 'broken.txt', '--tags', 'tags.json']),
      cli(['probe', '--vectors', 'toy.txt', '--tags', 'badtags.json']),
      cli(['probe', '--vectors', 'toy.txt', '--tags', 'fewtags.json', '--quiet']),
      cli(['probe', '--vectors', 'toy.txt', '--seeds', '0']),
    ]);
    const oneLine = (r: typeof broken, code: number, pattern: RegExp) => {
      expect(r.code, r.stderr).toBe(code);
      expect(r.stderr).toMatch(pattern);
      expect(r.stderr).not.toMatch(STACK_LINE);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stdout).toBe('');
    };
    oneLine(broken, 1, /^error: broken\.txt, line 3: /);
    oneLine(badTags, 1, /^error: badtags\.json: word "w1" has class 4/);
    oneLine(few, 1, /^error: toy\.txt: only 3 of its words are in fewtags\.json; a probe needs at least 4$/m);
    oneLine(seeds, 2, /--seeds must be a whole number from 1 to 50, got 0/);
  }, 60_000);
});
