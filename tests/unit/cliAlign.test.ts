// `npm run cli -- align`: precision@1/@5 of cross-space retrieval on held-out words, with the seed-noise ceiling,
// equal to what the core computes; a second run of one corpus aligns almost perfectly and two corpora do not.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { alignAndScore, type AlignSummary } from '../../src/cli/align';
import { DEFAULT_COMPARE } from '../../src/core/align/compareSpaces';
import { readCompact } from '../../src/core/vectors/formats';
import { ROOT, runCli, STACK_LINE } from './cliProcess';

const load = (id: string) => readCompact(new Uint8Array(readFileSync(join(ROOT, 'public', 'vectors', `${id}.elv`))), { fileName: `${id}.elv` }).kv;

describe('cli align', () => {
  it('prints the core P@1/P@5 for Brown -> SOTU with the Brown seed-2 ceiling far above it', async () => {
    const r = await runCli(['align', '--from', 'brown-sg100', '--to', 'sotu-sg100', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const s = JSON.parse(r.stdout) as AlignSummary;
    const core = alignAndScore(load('brown-sg100'), load('sotu-sg100'), 'orthogonal', DEFAULT_COMPARE);
    expect(s.precisionAt1).toBeCloseTo(core.score.precisionAt1, 10);
    expect(s.precisionAt5).toBeGreaterThanOrEqual(s.precisionAt1);
    expect(s.seedBaseline?.vectors).toBe('brown-sg100-seed2');
    expect(s.seedBaseline!.precisionAt1).toBeGreaterThan(0.9);
    expect(s.precisionAt1).toBeLessThan(s.seedBaseline!.precisionAt1 / 2);
    expect(s.precisionAt1).toBeGreaterThan(10 * s.chanceAt1);
  }, 120_000);

  it('aligns two of the user\'s own text files, least squares when the sizes differ, and refuses orth there', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lab-align-'));
    const a = load('brown-sg100');
    // B: A's first 600 words through a fixed linear map to 50 dimensions, written as word2vec text.
    const dimB = 50;
    const rows: string[] = [`600 ${dimB}`];
    for (let i = 0; i < 600; i++) {
      const v = a.vectors.subarray(i * a.dim, (i + 1) * a.dim);
      const out = Array.from({ length: dimB }, (_, k) => v[k]! + 0.5 * v[k + dimB]!);
      rows.push(`${a.words[i]} ${out.map((x) => x.toFixed(5)).join(' ')}`);
    }
    writeFileSync(join(dir, 'b.txt'), rows.join('\n') + '\n');
    const lsq = await runCli(['align', '--from', join(ROOT, 'public', 'vectors', 'brown-sg100.elv'), '--to', 'b.txt', '--method', 'lsq', '--dictionary', '600', '--search', '600', '--json'], dir);
    expect(lsq.code, lsq.stderr).toBe(0);
    const s = JSON.parse(lsq.stdout) as AlignSummary;
    expect(s.method).toBe('least-squares');
    expect(s.seedBaseline).toBeNull();
    expect(s.precisionAt1).toBeGreaterThan(0.9); // an exact linear relation is recovered
    const orth = await runCli(['align', '--from', 'brown-sg100', '--to', 'b.txt'], dir);
    expect(orth.code).toBe(1);
    expect(orth.stderr).toMatch(/100 and 50 dimensions: use --method lsq/);
    expect(orth.stderr).not.toMatch(STACK_LINE);
  }, 120_000);

  it('aligns two "languages" through --pairs, and names a bad dictionary line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lab-align-pairs-'));
    const a = load('brown-sg100');
    // B: A's first 600 words spelled backwards (a made-up language), same vectors; a dictionary pairs the spellings.
    const flip = (w: string) => [...w].reverse().join('');
    const rows = ['600 100', ...a.words.slice(0, 600).map((w, i) => `${flip(w)} ${Array.from(a.vectors.subarray(i * 100, (i + 1) * 100), (x) => x.toFixed(5)).join(' ')}`)];
    writeFileSync(join(dir, 'backwards.txt'), rows.join('\n') + '\n');
    writeFileSync(join(dir, 'pairs.txt'), a.words.slice(0, 600).map((w) => `${w} ${flip(w)}`).join('\n') + '\n');
    writeFileSync(join(dir, 'broken.txt'), 'the eht\nof\n');
    const from = join(ROOT, 'public', 'vectors', 'brown-sg100.elv');
    const without = await runCli(['align', '--from', from, '--to', 'backwards.txt', '--search', '600'], dir);
    expect(without.code).toBe(1);
    expect(without.stderr).toMatch(/share only \d+ of their first .* --pairs FILE/);
    const r = await runCli(['align', '--from', from, '--to', 'backwards.txt', '--pairs', 'pairs.txt', '--search', '600', '--json'], dir);
    expect(r.code, r.stderr).toBe(0);
    const s = JSON.parse(r.stdout) as AlignSummary;
    expect(s.heldOut).toBe(120);
    expect(s.precisionAt1).toBe(1); // the same vectors under new names: every held-out translation is found
    const bad = await runCli(['align', '--from', from, '--to', 'backwards.txt', '--pairs', 'broken.txt'], dir);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('broken.txt:2: expected two words');
    expect(bad.stderr).not.toMatch(STACK_LINE);
  }, 120_000);
});
