// The lab's subword model file (.elft): round trips that keep unseen words answerable, and broken files.
import { describe, expect, it } from 'vitest';
import { FastTextVectors } from '../../src/core/models/fasttext/fastTextVectors';
import { readSubwordModel, writeSubwordModel } from '../../src/core/models/fasttext/subwordModelFile';
import { Rng } from '../../src/core/train/rng';

const DIM = 5;
const BUCKET = 50;
function model(): FastTextVectors {
  const words = ['apple', 'banana', 'été'];
  const rng = new Rng(2);
  const input = new Float32Array((words.length + BUCKET) * DIM);
  for (let i = 0; i < input.length; i++) input[i] = rng.nextFloat() * 2 - 1;
  return new FastTextVectors(words, input, DIM, { minn: 2, maxn: 4, bucket: BUCKET });
}

function cosine(a: Float32Array, b: Float32Array): number {
  let ab = 0;
  let aa = 0;
  let bb = 0;
  for (let i = 0; i < a.length; i++) { ab += a[i]! * b[i]!; aa += a[i]! * a[i]!; bb += b[i]! * b[i]!; }
  return ab / Math.sqrt(aa * bb);
}

describe('subword model file', () => {
  it('keeps every row exactly in float32, settings and metadata included', () => {
    const kv = model();
    const back = readSubwordModel(writeSubwordModel(kv, { encoding: 'float32', meta: { corpus: 'toy' } }));
    expect(back.encoding).toBe('float32');
    expect(back.meta).toEqual({ corpus: 'toy' });
    expect(back.kv.words).toEqual(kv.words);
    expect(back.kv.params).toEqual(kv.params);
    expect(Array.from(back.kv.input)).toEqual(Array.from(kv.input));
    expect(Array.from(back.kv.vectorOf('applle'))).toEqual(Array.from(kv.vectorOf('applle')));
  });

  it('keeps unseen words within a cosine of 0.999 in int8', () => {
    const kv = model();
    const bytes = writeSubwordModel(kv);
    // int8 + a scale per row: (1 + 4 / DIM) bytes per number against float32's 4 (plus the same header)
    expect(bytes.length).toBeLessThan(writeSubwordModel(kv, { encoding: 'float32' }).length * 0.6);
    const back = readSubwordModel(bytes).kv;
    for (const w of ['apple', 'été', 'bananas', 'xylophone']) expect(cosine(back.vectorOf(w), kv.vectorOf(w))).toBeGreaterThan(0.999);
  });

  it('says what is wrong with broken files', () => {
    const good = writeSubwordModel(model(), { encoding: 'float32' });
    expect(() => readSubwordModel(new Uint8Array(0), { fileName: 'm.elft' })).toThrow('m.elft: the file is empty');
    expect(() => readSubwordModel(new TextEncoder().encode('ELVC....'))).toThrow(/not an Embedding Lab subword model/);
    const v2 = good.slice();
    v2[4] = 2;
    expect(() => readSubwordModel(v2)).toThrow(/version 2 is not supported/);
    expect(() => readSubwordModel(good.subarray(0, good.length - 4))).toThrow(/damaged or truncated/);
    const badJson = good.slice();
    badJson[12] = 0x7b + 1;
    expect(() => readSubwordModel(badJson)).toThrow(/not valid JSON/);
    const text = new TextDecoder().decode(good);
    const badMinn = new TextEncoder().encode(text.replace('"minn":2', '"minn":0'));
    expect(() => readSubwordModel(badMinn)).toThrow(/minn is 0/);
  });
});
