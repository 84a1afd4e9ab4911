// fastText's WebAssembly SIMD kernel against the JavaScript kernel (whose update tests/unit/fastTextKernel.test.ts
// checks against finite differences): the same sentences with the same seed give the same rows to float tolerance
// and consume exactly the same random draws, for skip-gram and CBOW, at a dim that is a multiple of 4 and at one
// that is not (the kernel's scalar tails); and a whole training run gives the same vectors with either kernel.
import { describe, expect, it } from 'vitest';
import { noiseTables, sigmoidTables } from '../../src/core/train/cpuTables';
import { Rng } from '../../src/core/train/rng';
import { makeFastTextScratch, trainSentenceFastText, type FastTextKernelModel, type FastTextKernelResult } from '../../src/core/models/fasttext/fastTextKernel';
import { createFastTextWasm, fastTextWasmAvailable } from '../../src/core/models/fasttext/fastTextWasmKernel';
import { buildSubwordTable } from '../../src/core/models/fasttext/ngrams';
import { DEFAULT_FASTTEXT_CONFIG, FastTextTrainer, type FastTextConfig } from '../../src/core/models/fasttext/fastTextTrainer';
import { encodeCorpus } from '../../src/core/text/corpus';
import { TOY_CORPORA } from '../../src/core/text/toyCorpora';

const WORDS = ['apple', 'apples', 'orange', 'milk', 'juice', 'drink', 'eat', 'fresh'];
const COUNTS = [40, 12, 30, 25, 20, 18, 22, 9];
const BUCKET = 97;
/** float32 arithmetic (wasm) against float64 arithmetic rounded on store (JS): a few ulps per step. */
const ROW_TOL = 1e-5;

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!));
  return m;
}

function setup(dim: number, cbow: boolean) {
  const table = buildSubwordTable(WORDS, 3, 5, BUCKET);
  const V = WORDS.length;
  const window = 3;
  const negative = 4;
  const init = new Rng(11);
  const input = Float32Array.from({ length: (V + BUCKET) * dim }, () => (init.nextFloat() * 2 - 1) * 0.3);
  const output = Float32Array.from({ length: V * dim }, () => (init.nextFloat() * 2 - 1) * 0.3);
  const model: FastTextKernelModel = {
    dim, window, negative, cbow, vocabSize: V, input, output,
    subOffsets: table.offsets, subRows: table.rows, selfOverlap: table.selfOverlap,
    tables: sigmoidTables(), noise: noiseTables(COUNTS, 0.5),
  };
  const wasm = createFastTextWasm({
    dim, window, negative, cbow, vocabSize: V, bucket: BUCKET, subOffsets: table.offsets, subRows: table.rows,
    selfOverlap: table.selfOverlap, tables: model.tables, noise: model.noise, bowLength: 2 * window * table.maxRows,
    maxSentence: 32,
  });
  if (!wasm) throw new Error('no WebAssembly SIMD in this Node');
  wasm.input.set(input);
  wasm.output.set(output);
  return { model, wasm, scratch: makeFastTextScratch(dim, window, table.maxRows) };
}

const SENTENCES = [
  [0, 2, 6, 7, 0, 1],
  [3, 4, 5, 3, 5, 4, 3],
  [1, 0, 2, 6, 7, 2, 0, 1, 3],
  [6, 6, 0],
];

describe('fastText WebAssembly SIMD kernel', () => {
  it('is available in this Node (the lab falls back to JavaScript where it is not)', () => {
    expect(fastTextWasmAvailable()).toBe(true);
  });

  describe.each([
    ['skip-gram', false, 8],
    ['skip-gram', false, 6],
    ['CBOW', true, 8],
    ['CBOW', true, 7],
  ] as const)('%s at dim %i', (_name, cbow, dim) => {
    it('makes the JavaScript kernel\'s updates with the same random draws', () => {
      const { model, wasm, scratch } = setup(dim, cbow);
      const before = model.input.slice();
      const jsRng = new Rng(5);
      const wasmRng = new Rng(5);
      const jsOut: FastTextKernelResult = { lossSum: 0, examples: 0, diverged: false };
      const wasmOut: FastTextKernelResult = { lossSum: 0, examples: 0, diverged: false };
      for (let epoch = 0; epoch < 20; epoch++) {
        for (const s of SENTENCES) {
          const sen = Int32Array.from(s);
          trainSentenceFastText(model, sen, sen.length, 0.05, jsRng, scratch, jsOut);
          wasm.sen.set(sen);
          wasm.train(sen.length, 0.05, wasmRng, wasmOut);
        }
      }
      // the rows really moved, and both kernels moved them alike
      expect(maxAbsDiff(model.input, before)).toBeGreaterThan(0.05);
      expect(maxAbsDiff(wasm.input, model.input)).toBeLessThan(ROW_TOL);
      expect(maxAbsDiff(wasm.output, model.output)).toBeLessThan(ROW_TOL);
      expect([wasmRng.s0, wasmRng.s1, wasmRng.s2, wasmRng.s3]).toEqual([jsRng.s0, jsRng.s1, jsRng.s2, jsRng.s3]);
      expect(wasmOut.examples).toBe(jsOut.examples);
      expect(wasmOut.diverged).toBe(false);
      expect(Math.abs(wasmOut.lossSum - jsOut.lossSum) / jsOut.lossSum).toBeLessThan(1e-4);
    });
  });

  it('reports divergence as the JavaScript kernel does', () => {
    const { model, wasm, scratch } = setup(8, false);
    model.output.fill(1e4);
    wasm.output.fill(1e4);
    const jsOut: FastTextKernelResult = { lossSum: 0, examples: 0, diverged: false };
    const wasmOut: FastTextKernelResult = { lossSum: 0, examples: 0, diverged: false };
    const sen = Int32Array.from(SENTENCES[0]!);
    trainSentenceFastText(model, sen, sen.length, 0.05, new Rng(1), scratch, jsOut);
    wasm.sen.set(sen);
    wasm.train(sen.length, 0.05, new Rng(1), wasmOut);
    expect(jsOut.diverged).toBe(true);
    expect(wasmOut.diverged).toBe(true);
  });
});

describe('FastTextTrainer with either kernel', () => {
  const fruit = encodeCorpus(TOY_CORPORA.fruit!.text, { minCount: 1, maxVocab: 0 });
  const TOY: FastTextConfig = { ...DEFAULT_FASTTEXT_CONFIG, dim: 12, window: 2, minCount: 1, sample: 1e-2, epochs: 3, bucket: 500 };

  it.each(['skipgram', 'cbow'] as const)('%s: picks WebAssembly by default and trains the same vectors as JavaScript', async (model) => {
    const auto = new FastTextTrainer(fruit, { ...TOY, model });
    const js = new FastTextTrainer(fruit, { ...TOY, model }, { kernel: 'js' });
    expect(auto.kernel).toBe('wasm-simd');
    expect(js.kernel).toBe('js');
    let pa = await auto.run(400);
    let pj = await js.run(400);
    while (!pa.done) pa = await auto.run(400);
    while (!pj.done) pj = await js.run(400);
    const a = auto.vectors();
    const j = js.vectors();
    // the model moved well beyond its initial +-1/dim, and the two kernels agree to float tolerance
    expect(Math.max(...a.map(Math.abs))).toBeGreaterThan(0.2);
    expect(maxAbsDiff(a, j)).toBeLessThan(1e-4);
    expect(pa.loss).toBeCloseTo(pj.loss, 4);
    expect(auto.vectorOf('appel')).toHaveLength(TOY.dim);
    expect(maxAbsDiff(auto.vectorOf('appel'), js.vectorOf('appel'))).toBeLessThan(1e-4);
  });
});
