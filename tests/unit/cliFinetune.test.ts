// `npm run cli -- finetune` on two small corpus files: every arm is scored over the seeds, the first seed's
// fine-tuned vectors are saved and readable, and a wrong arm name ends in one clear line.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArms, type FineTuneSummary } from '../../src/cli/finetune';
import { TOY_CORPORA } from '../../src/core/text/toyCorpora';
import { readVectors } from '../../src/core/vectors/formats';
import { runCli, STACK_LINE } from './cliProcess';

describe('parseArms', () => {
  it('keeps the canonical order and names a wrong arm', () => {
    expect(parseArms('finetune, domain')).toEqual(['domain', 'finetune']);
    expect(() => parseArms('domain,fine')).toThrow(/got "fine"/);
  });
});

describe('cli finetune', () => {
  it('scores every arm over two seeds and saves the fine-tuned vectors', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lab-finetune-'));
    writeFileSync(join(dir, 'general.txt'), TOY_CORPORA.fruit.text);
    writeFileSync(join(dir, 'domain.txt'), TOY_CORPORA.fruit.text + '\n' + TOY_CORPORA.royals.text);
    writeFileSync(join(dir, 'q.txt'), ': toy\napple orange banana apple\nking queen man woman\n');
    const args = ['finetune', '--general', 'general.txt', '--domain', 'domain.txt', '--questions', 'q.txt', '--seeds', '2', '--dim', '8', '--epochs', '2', '--min-count', '1'];
    const r = await runCli([...args, '--out', 'ft.txt', '--json', '--quiet'], dir);
    expect(r.code, r.stderr).toBe(0);
    const s = JSON.parse(r.stdout) as FineTuneSummary;
    expect(s.seeds).toEqual([1, 2]);
    expect(Object.keys(s.arms).sort()).toEqual(['domain', 'finetune', 'finetune-reset', 'general']);
    expect(s.arms.general!.coverage).toEqual([0.5, 0.5]);
    expect(s.saved).toBe(join(dir, 'ft.txt'));
    const kv = await readVectors(readFileSync(join(dir, 'ft.txt')), { fileName: 'ft.txt' });
    expect(kv.dim).toBe(8);
    expect(kv.has('queen') && kv.has('apple')).toBe(true);

    const table = await runCli([...args, '--arms', 'domain,finetune'], dir);
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toMatch(/^domain corpus alone \| /m);
    expect(table.stdout).toMatch(/^general, then domain \(output vectors kept\) \| /m);
    expect(table.stdout).toMatch(/seed spread/);
  }, 120_000);

  it('refuses an unknown arm in one line', async () => {
    const r = await runCli(['finetune', '--arms', 'domain,nope']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--arms takes names from general, domain, finetune, finetune-reset/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(STACK_LINE);
  }, 60_000);
});
