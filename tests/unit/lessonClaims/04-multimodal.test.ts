// Claims of the multimodal step of lessons/04-beyond-word2vec.md, computed on the shipped image-text model
// (public/models/imagetext-shapes.eldm) and the test scenes the widget shows; the spread over training seeds comes
// from the seed table of docs/multimodal.md (bench/multimodalBench.ts), whose seed-1 column this file recomputes.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lessonText } from './shipped';
import { readDualModel } from '../../../src/core/models/multimodal/dualModelFile';
import { captionOf } from '../../../src/core/multimodal/captions';
import { evaluateScenes } from '../../../src/core/multimodal/evaluateScenes';
import { rasterise } from '../../../src/core/multimodal/rasterise';
import { rankOfTrue } from '../../../src/core/multimodal/recall';
import { DEFAULT_HELD_OUT, makeSceneSplit } from '../../../src/core/multimodal/sceneSplit';

const text = lessonText('04-beyond-word2vec.md');
const { model } = readDualModel(new Uint8Array(readFileSync('public/models/imagetext-shapes.eldm')));
const split = makeSceneSplit({ seed: 1 });
const captions = split.test.map(captionOf);
const texts = model.embedTexts(captions);
const images = model.embedImages(split.test.map((s) => rasterise(s)));
const rankOf = (caption: string) => rankOfTrue(texts, images, model.dim, captions.indexOf(caption), captions.length);
const pct = (x: number) => `${Math.round(100 * x)}%`;

describe('04 beyond word2vec, multimodal step (shipped image-text model)', () => {
  it('the widget is pinned and the held-out pairs are the ones named', () => {
    expect(text).toMatch(/::widget\{name="image-text" query="a small red triangle on the left"\}/);
    expect(DEFAULT_HELD_OUT).toEqual(['red triangle', 'green circle', 'blue square']);
    expect(text).toContain('Every red triangle, green circle and blue square was kept out of training');
  });

  it('the held-out "a small red triangle on the left" is ranked first of 300 pictures', () => {
    expect(captions.length).toBe(300);
    expect(rankOf('a small red triangle on the left')).toBe(0);
    expect(text).toContain('ranks it first of 300');
  });

  it('held-out captions: first 43%, first five 87%, chance 0.3% and 1.7%', () => {
    const r = evaluateScenes(model, split).heldOut;
    expect(r.queries).toBe(30);
    expect(pct(r.textToImage[0]!)).toBe('43%');
    expect(pct(r.textToImage[1]!)).toBe('87%');
    expect((100 * r.chance[0]!).toFixed(1)).toBe('0.3');
    expect((100 * r.chance[1]!).toFixed(1)).toBe('1.7');
    expect(text).toContain('first 43% of the time and among the first five 87% of the time; a random ranking would manage 0.3% and 1.7%');
  });

  it('the spread over training seeds the lesson gives: held-out first 30% to 43%, first five 87% to 100% (docs/multimodal.md)', () => {
    const doc = readFileSync('docs/multimodal.md', 'utf8');
    const m = /\| held-out 30 \(seeds: ([\d., ]+) at @1; ([\d., ]+) at @5\) \|/.exec(doc);
    expect(m).not.toBeNull();
    const seeds = (list: string) => list.split(',').map((x) => Number(x.trim()));
    const at1 = seeds(m![1]!);
    const at5 = seeds(m![2]!);
    expect(at1).toHaveLength(3);
    expect(at5).toHaveLength(3);
    // Seed 1 is the shipped model: its figures are the ones this file recomputes above.
    const r = evaluateScenes(model, split).heldOut;
    expect(at1[0]).toBeCloseTo(100 * r.textToImage[0]!, 1);
    expect(at5[0]).toBeCloseTo(100 * r.textToImage[1]!, 1);
    expect(`${Math.round(Math.min(...at1))}% to ${Math.round(Math.max(...at1))}%`).toBe('30% to 43%');
    expect(`${Math.round(Math.min(...at5))}% to ${Math.round(Math.max(...at5))}%`).toBe('87% to 100%');
    expect(text).toContain('over three training seeds the first-place rate on the held-out captions was 30% to 43%, and the first-five rate 87% to 100%');
    expect(text).toContain('(30% to 43% over three training seeds)');
  });

  it('"a large red triangle at the top" lands 13th', () => {
    expect(rankOf('a large red triangle at the top') + 1).toBe(13);
    expect(text).toContain('a large red triangle at the top lands 13th');
  });
});
