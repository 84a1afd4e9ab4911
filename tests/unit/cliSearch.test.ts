// `npm run cli -- search`: the ranked Brown documents with file id, genre and score, as JSON and as text; every
// method agrees with the core's SearchEngine; mistakes end in one clear line.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { documentsFromIndex, type DocumentIndex } from '../../src/core/search/documents';
import { SearchEngine } from '../../src/core/search/searchEngine';
import { readCompact } from '../../src/core/vectors/formats';
import type { SearchSummary } from '../../src/cli/search';
import { ROOT, runCli, STACK_LINE } from './cliProcess';

const CORPUS = join(ROOT, 'public', 'corpora', 'brown.txt');
const INDEX = join(ROOT, 'public', 'corpora', 'brown-docs.json');
const haveCorpus = existsSync(CORPUS) && existsSync(INDEX);

describe.skipIf(!haveCorpus)('cli search', () => {
  let engine: SearchEngine;
  beforeAll(() => {
    const kv = readCompact(new Uint8Array(readFileSync(join(ROOT, 'public', 'vectors', 'brown-sotu-sg100.elv'))), { fileName: 'x.elv' }).kv;
    const index = JSON.parse(readFileSync(INDEX, 'utf8')) as DocumentIndex;
    engine = new SearchEngine(documentsFromIndex(readFileSync(CORPUS, 'utf8'), index), kv);
  });

  it('prints the same ranking as the core for sif, mean and bm25, with Brown ids and genres', async () => {
    for (const method of ['sif', 'mean', 'bm25'] as const) {
      const r = await runCli(['search', '--index', 'brown', '--query', 'church faith god', '--k', '5', '--method', method, '--json']);
      expect(r.code, r.stderr).toBe(0);
      const s = JSON.parse(r.stdout) as SearchSummary;
      const want = engine.search('church faith god', method, 5).hits;
      expect(s.results.map((x) => x.id)).toEqual(want.map((h) => engine.docs[h.doc]!.id));
      expect(s.results[0]!.score).toBeCloseTo(want[0]!.score, 6);
      for (const x of s.results) {
        expect(x.id).toMatch(/^c[a-r]\d\d$/);
        expect(x.genre).not.toMatch(/^[a-r]$/); // the genre's name, not its letter
      }
      expect(s.vectors).toBe(method === 'bm25' ? null : 'brown-sotu-sg100');
    }
  }, 120_000);

  it('prints a readable list and says which query words were ignored', async () => {
    const r = await runCli(['search', '--query', 'sermon qwzxv', '--k', '3', '--method', 'bm25']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/ignored: qwzxv \(in no document\)/);
    expect(r.stdout.match(/^\s+\d\. c[a-r]\d\d /gm)).toHaveLength(3);
  }, 60_000);

  it('refuses an empty query and an unknown index in one line', async () => {
    for (const args of [['--query', '  '], ['--query', 'x', '--index', 'sotu'], ['--query', 'x', '--vectors', 'no-such-set']]) {
      const r = await runCli(['search', ...args]);
      expect(r.code).not.toBe(0);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(/^error: /);
      expect(r.stderr).not.toMatch(STACK_LINE);
    }
  }, 60_000);
});
