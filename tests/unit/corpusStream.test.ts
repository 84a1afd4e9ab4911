// A corpus read in pieces must be the same corpus: the same vocabulary, sentences and ids as encodeCorpus on the
// whole text, and (one thread) the same trained vectors, whatever the cut between pieces.
import { describe, expect, it } from 'vitest';
import { encodeCorpus } from '../../src/core/text/corpus';
import { collectCorpus, CorpusCounter, encodeBlock, isCorpusStream, streamCorpus } from '../../src/core/text/corpusStream';
import { TOY_CORPORA } from '../../src/core/text/toyCorpora';
import { createTrainer } from '../../src/core/train/createTrainer';
import { DEFAULT_TRAIN_CONFIG, type TrainConfig } from '../../src/core/train/types';

const TEXT = TOY_CORPORA.royals!.text + 'A long line. It has three sentences! Does it?\n\n' + TOY_CORPORA.fruit!.text;
const OPTS = { minCount: 2, maxVocab: 0 };

/** The text as blocks of whole lines, `linesPerBlock` lines each (the last may be shorter). */
function blocksOf(text: string, linesPerBlock: number): () => AsyncIterable<string> {
  const lines = text.split(/(?<=\n)/);
  return async function* () {
    for (let i = 0; i < lines.length; i += linesPerBlock) yield lines.slice(i, i + linesPerBlock).join('');
  };
}

describe('streamCorpus', () => {
  it('counts the same vocabulary, tokens and sentences as encodeCorpus, for any block size', async () => {
    const whole = encodeCorpus(TEXT, OPTS);
    for (const size of [1, 7, 100_000]) {
      const stream = await streamCorpus(blocksOf(TEXT, size), OPTS);
      expect(isCorpusStream(stream)).toBe(true);
      expect(stream.vocab.words).toEqual(whole.vocab.words);
      expect([...stream.vocab.counts]).toEqual([...whole.vocab.counts]);
      expect(stream.rawTokens).toBe(whole.rawTokens);
      expect(stream.sentences).toBe(whole.offsets.length - 1);
      const gathered = await collectCorpus(stream);
      expect([...gathered.ids]).toEqual([...whole.ids]);
      expect([...gathered.offsets]).toEqual([...whole.offsets]);
      expect([...gathered.rawLengths]).toEqual([...whole.rawLengths]);
    }
  });

  it('cuts over-long sentences as encodeCorpus does', async () => {
    const text = `${'a b '.repeat(30)}\nb a\n`;
    const whole = encodeCorpus(text, { ...OPTS, maxSentenceLength: 8 });
    const stream = await streamCorpus(blocksOf(text, 1), { ...OPTS, maxSentenceLength: 8 });
    expect(stream.sentences).toBe(whole.offsets.length - 1);
    expect([...(await collectCorpus(stream)).offsets]).toEqual([...whole.offsets]);
  });

  it('re-reads the source on every pass', async () => {
    let reads = 0;
    const source = blocksOf(TEXT, 50);
    const stream = await streamCorpus(() => {
      reads++;
      return source();
    }, OPTS);
    expect(reads).toBe(1);
    for await (const piece of stream.pass()) expect(piece.offsets.length).toBeGreaterThan(1);
    for await (const _ of stream.pass()) break;
    expect(reads).toBe(3);
  });

  it('refuses an empty corpus and a too small vocabulary with the encodeCorpus messages', async () => {
    await expect(streamCorpus(blocksOf('...\n', 1), OPTS)).rejects.toThrow('The corpus has no words');
    await expect(streamCorpus(blocksOf('one two three\n', 1), OPTS)).rejects.toThrow(/Only 0 word\(s\) occur at least 2 times/);
    const counter = new CorpusCounter(OPTS);
    counter.add('b a b\n');
    expect(() => counter.vocab()).toThrow(/Only 1 word/);
  });

  it('encodes one block against a fixed vocabulary, dropping unknown words', () => {
    const vocab = encodeCorpus('king queen king queen\n', { minCount: 1, maxVocab: 0 }).vocab;
    const piece = encodeBlock('king of the queen\n', vocab);
    expect([...piece.ids].map((i) => vocab.words[i])).toEqual(['king', 'queen']);
    expect([...piece.rawLengths]).toEqual([4]);
  });
});

describe('training on a streamed corpus', () => {
  const config: TrainConfig = { ...DEFAULT_TRAIN_CONFIG, dim: 12, epochs: 3, minCount: 2, window: 3, seed: 5 };

  async function train(corpus: Parameters<typeof createTrainer>[0], chunk: number): Promise<Float32Array> {
    const trainer = await createTrainer(corpus, config, 'cpu');
    let p = trainer.progress();
    while (!p.done) p = await trainer.run(chunk);
    expect(p.wordsDone).toBe(p.wordsTotal);
    const v = trainer.vectors();
    trainer.dispose();
    return v;
  }

  it('gives exactly the vectors of the in-memory corpus on one thread, whatever the pieces and the run sizes', async () => {
    const whole = await train(encodeCorpus(TEXT, OPTS), 1000);
    const small = await train(await streamCorpus(blocksOf(TEXT, 3), OPTS), 1000);
    const odd = await train(await streamCorpus(blocksOf(TEXT, 17), OPTS), 37);
    expect(small).toEqual(whole);
    expect(odd).toEqual(whole);
  });

  it('trains with Hogwild threads, each helper handed every piece', async () => {
    const stream = await streamCorpus(blocksOf(TEXT, 40), OPTS);
    const trainer = await createTrainer(stream, { ...config, threads: 2 }, 'cpu');
    const first = await trainer.run(500);
    let p = first;
    while (!p.done) p = await trainer.run(500);
    expect(p.wordsDone).toBe(p.wordsTotal);
    expect(p.loss).toBeLessThan(first.loss);
    expect(trainer.vectors().every(Number.isFinite)).toBe(true);
    trainer.dispose();
  });
});
