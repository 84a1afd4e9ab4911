// `train --model imagetext`: a model that draws its own data goes through the same `train` command, refuses a
// corpus and a vectors file name with a sentence, and writes its own model file.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runTrain } from '../../src/cli/train';
import { readDualModel } from '../../src/core/models/multimodal/dualModelFile';

const dir = mkdtempSync(join(tmpdir(), 'cli-imagetext-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const quietLog = () => {};

describe('cli train --model imagetext', () => {
  it('refuses --corpus, a vectors extension and text-only flags, naming them', async () => {
    await expect(runTrain(['--model', 'imagetext', '--corpus', 'brown'], quietLog)).rejects.toThrow(/--corpus does not apply to --model imagetext: it trains on pictures and captions it draws from the seed/);
    await expect(runTrain(['--model', 'imagetext', '--out', join(dir, 'x.txt')], quietLog)).rejects.toThrow(/use a name ending in \.eldm/);
    await expect(runTrain(['--model', 'imagetext', '--window', '5'], quietLog)).rejects.toThrow(/--window does not apply to --model imagetext/);
    await expect(runTrain(['--model', 'imagetext', '--loss', 'softmax'], quietLog)).rejects.toThrow(/infonce, hinge/);
  });

  it('still asks a text model for its corpus', async () => {
    await expect(runTrain(['--model', 'skipgram'], quietLog)).rejects.toThrow(/train needs --corpus/);
  });

  it('trains on generated scenes and writes a model that loads', async () => {
    const out = join(dir, 'shapes.eldm');
    const lines: string[] = [];
    const r = await runTrain(['--model', 'imagetext', '--epochs', '1', '--per-caption', '1', '--batch-size', '90', '--dim', '8', '--loss', 'hinge', '--engine', 'tfjs-wasm', '--out', out], (l) => lines.push(l));
    if (r === 'help') throw new Error('help');
    expect(r.model).toBe('imagetext');
    expect(r.unit).toBe('images');
    expect(r.sentences).toBe(270); // one picture of each trainable caption (300 less the 30 held out)
    expect(r.units).toBe(270);
    expect(r.settings).toMatchObject({ dim: 8, epochs: 1, loss: 'hinge', batchSize: 90, perCaption: 1 });
    expect(r.finalLoss).toBeGreaterThan(0);
    expect(r.out).toEqual([out]);
    expect(lines.some((l) => /training Image-text on the tfjs-wasm engine: 270 generated pairs/.test(l))).toBe(true);
    const { model } = readDualModel(new Uint8Array(readFileSync(out)), out);
    expect(model.dim).toBe(8);
    expect(model.arch.words).toContain('triangle');
  });
});
