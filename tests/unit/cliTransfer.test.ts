// `npm run cli -- transfer`: the transfer curve from the command line equals the core's on the same seeds and
// sizes, prints every arm with its spread and the paired difference, and refuses bad sizes in one line.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSizes, type TransferSummary } from '../../src/cli/transfer';
import type { DocumentIndex } from '../../src/core/search/documents';
import { brownGenreDocs } from '../../src/core/transfer/brownDocs';
import { runTransferCurve } from '../../src/core/transfer/transferCurve';
import { readCompact } from '../../src/core/vectors/formats';
import { ROOT, runCli, STACK_LINE } from './cliProcess';

const CORPUS = join(ROOT, 'public', 'corpora', 'brown.txt');
const INDEX = join(ROOT, 'public', 'corpora', 'brown-docs.json');

describe('parseSizes', () => {
  it('reads a comma list and names the bad part', () => {
    expect(parseSizes('15, 30,60')).toEqual([15, 30, 60]);
    expect(() => parseSizes('15,,30')).toThrow(/got "" in "15,,30"/);
    expect(() => parseSizes('15,2.5')).toThrow(/"2.5"/);
    expect(() => parseSizes('0')).toThrow(/from 1/);
  });
});

describe.skipIf(!existsSync(CORPUS) || !existsSync(INDEX))('cli transfer', () => {
  it('prints the core curve for two small sizes and two seeds, as JSON and as a table', async () => {
    const args = ['transfer', '--sizes', '4,8', '--seeds', '2', '--vectors', 'sotu-sg100'];
    const [json, table] = await Promise.all([runCli([...args, '--json', '--quiet']), runCli(args)]);
    expect(json.code, json.stderr).toBe(0);
    const s = JSON.parse(json.stdout) as TransferSummary;
    const kv = readCompact(new Uint8Array(readFileSync(join(ROOT, 'public', 'vectors', 'sotu-sg100.elv'))), { fileName: 'sotu-sg100.elv' }).kv;
    const core = runTransferCurve(brownGenreDocs(readFileSync(CORPUS, 'utf8'), JSON.parse(readFileSync(INDEX, 'utf8')) as DocumentIndex), kv, { sizes: [4, 8], seeds: [1, 2] });
    expect(s.points.map((p) => p.arms)).toEqual(core.points.map((p) => p.arms));
    expect(s.seeds).toEqual([1, 2]);
    expect(json.stderr).toBe('');

    expect(table.code, table.stderr).toBe(0);
    expect(table.stderr).toMatch(/\[12\/12\] seed 2, 8 documents, finetune/);
    const rows = table.stdout.split('\n').filter((l) => /^\d+ \|/.test(l));
    expect(rows.map((l) => l.split(' | ')[0])).toEqual(['4', '8']);
    // size, majority, three arms, two paired differences, verdict
    for (const row of rows) expect(row.split(' | ')).toHaveLength(8);
  }, 240_000);

  it('refuses sizes beyond the training pool in one line', async () => {
    const r = await runCli(['transfer', '--sizes', '15,401', '--seeds', '1']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/training size 401 is outside 1\.\.400/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(STACK_LINE);
  }, 60_000);
});
