// `train --model glove` in-process: the registry's trainer behind the CLI, the summary's GloVe fields, the file.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runTrain } from '../../src/cli/train';
import { TOY_CORPORA } from '../../src/core/text/toyCorpora';
import { readVectors } from '../../src/core/vectors/formats';

const dir = mkdtempSync(join(tmpdir(), 'cli-glove-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('cli train --model glove', () => {
  it('counts, trains, reports cells and writes word + context vectors', async () => {
    const corpus = join(dir, 'fruit.txt');
    writeFileSync(corpus, TOY_CORPORA.fruit!.text);
    const out = join(dir, 'glove.txt');
    const lines: string[] = [];
    const r = await runTrain(['--corpus', corpus, '--model', 'glove', '--min-count', '1', '--dim', '8', '--epochs', '4', '--window', '3', '--x-max', '5', '--out', out], (l) => lines.push(l));
    if (r === 'help') throw new Error('help');
    expect(r.model).toBe('glove');
    expect(r.unit).toBe('cells');
    expect(r.settings).toMatchObject({ dim: 8, epochs: 4, window: 3, xMax: 5, weightPower: 0.75, alpha: 0.05 });
    const cells = (r.details?.cooccurrence as { cells: number }).cells;
    expect(cells).toBeGreaterThan(20);
    expect(r.units).toBe(cells * 4);
    expect(r.finalLoss).toBeGreaterThan(0);
    expect(lines.some((l) => /GloVe: [\d,]+ co-occurrence cells/.test(l))).toBe(true);
    const kv = await readVectors(new Uint8Array(readFileSync(out)), { fileName: 'glove.txt' });
    expect(kv.size).toBe(r.vocab);
    expect(kv.dim).toBe(8);
  });
});
