// The JavaScript half of the tfjs engine: walks the corpus exactly as the cpu engine does (down-sampling, reduced
// windows, word2vec order, from src/core/text/sampling.ts), draws the noise words, looks up Huffman paths, and packs
// everything into fixed-size index and weight arrays. Fixed shapes matter: WebGL and WebGPU compile one shader per
// shape, so a batch that is not full is padded with examples whose weights are all zero (they change nothing).
//
// One example is one training unit of word2vec:
//   skip-gram: one (context -> centre) pair; the context word's input vector is h (C = 1 input slot);
//   CBOW: one centre; h is the mean of its m context words' input vectors (C = 2 * window slots, weight 1/m each).
// Each example has K+1 negative-sampling slots (the centre, label 1, then K noise words, label 0) and L
// hierarchical-softmax slots (the centre's Huffman path, label 1 - code bit), padded with mask 0.
// CBOW follows word2vec.c and gensim (cbow_mean = 1) like the cpu engine: h is the mean of the contexts, but every
// context row then receives the whole error dL/dh, not dL/dh / m (the exact gradient of the mean, losses.ts).
import type { EncodedCorpus } from '../text/corpus';
import { keepProbabilities, NoiseSampler, WindowCursor } from '../text/sampling';
import { buildHuffman, type HuffmanTree } from './huffman';
import type { Rng } from './rng';
import { chooseBatchSize, type BatchSizeChoice } from './tfjsBatchSize';
import type { TrainConfig } from './types';

export interface BatchLayout {
  /** Examples per batch (pairs for skip-gram, centres for CBOW). */
  readonly size: number;
  /** Input slots per example: 1 for skip-gram, 2 * window for CBOW. */
  readonly inputWidth: number;
  /** Negative-sampling slots per example: 1 + negatives, or 0 without negative sampling. */
  readonly nsWidth: number;
  /** Hierarchical-softmax slots per example: the longest Huffman code, or 0 without hierarchical softmax. */
  readonly hsWidth: number;
}

/** One batch, row-major [size x width] arrays. Unused slots hold index 0 with weight / mask 0. */
export interface Batch {
  readonly layout: BatchLayout;
  /** Real examples in this batch (the rest is padding). */
  examples: number;
  readonly inputIdx: Int32Array;
  /** How much each input row counts in h: 1 for a skip-gram input, 1/m for each of a CBOW centre's m contexts. */
  readonly inputWeight: Float32Array;
  /** 1 for a real input slot, 0 for padding: each real input row receives the whole dL/dh (see below). */
  readonly inputMask: Float32Array;
  readonly nsIdx: Int32Array;
  readonly nsLabel: Float32Array;
  /** 0 for padding and for a noise word equal to the centre (word2vec.c and gensim skip those draws). */
  readonly nsMask: Float32Array;
  readonly hsIdx: Int32Array;
  readonly hsLabel: Float32Array;
  readonly hsMask: Float32Array;
}

export function batchLayout(config: TrainConfig, huffman: HuffmanTree | null, size = config.batchSize): BatchLayout {
  return {
    size,
    inputWidth: config.model === 'cbow' ? 2 * config.window : 1,
    nsWidth: config.negative > 0 ? config.negative + 1 : 0,
    hsWidth: config.hs && huffman ? huffman.maxCodeLength : 0,
  };
}

export function allocateBatch(layout: BatchLayout): Batch {
  const { size, inputWidth, nsWidth, hsWidth } = layout;
  return {
    layout,
    examples: 0,
    inputIdx: new Int32Array(size * inputWidth),
    inputWeight: new Float32Array(size * inputWidth),
    inputMask: new Float32Array(size * inputWidth),
    nsIdx: new Int32Array(size * nsWidth),
    nsLabel: new Float32Array(size * nsWidth),
    nsMask: new Float32Array(size * nsWidth),
    hsIdx: new Int32Array(size * hsWidth),
    hsLabel: new Float32Array(size * hsWidth),
    hsMask: new Float32Array(size * hsWidth),
  };
}

/** Turns the corpus into batches, chunk by chunk, with whole sentences per chunk. */
export class BatchBuilder {
  readonly layout: BatchLayout;
  readonly huffman: HuffmanTree | null;
  /** The batch size actually used (config.batchSize, or lower for a small vocabulary: see tfjsBatchSize.ts). */
  readonly batchChoice: BatchSizeChoice;
  private readonly cursor: WindowCursor;
  private readonly noise: NoiseSampler | null;
  private readonly skipgram: boolean;
  /** A centre is loaded in the cursor and not fully used yet (skip-gram: contexts from `nextContext` on). */
  private loaded = false;
  private nextContext = 0;
  /** Raw words before the sentence of the loaded centre (for whole-sentence chunks). */
  private loadedSentenceStart = 0;

  constructor(
    private readonly corpus: EncodedCorpus,
    config: TrainConfig,
    private readonly rng: Rng,
  ) {
    const keep = config.sample > 0 ? keepProbabilities(corpus.vocab, config.sample) : null;
    this.cursor = new WindowCursor(corpus, { window: config.window, epochs: config.epochs }, keep, rng);
    this.noise = config.negative > 0 ? new NoiseSampler(corpus.vocab.counts, config.nsExponent) : null;
    this.huffman = config.hs ? buildHuffman(corpus.vocab.counts) : null;
    this.batchChoice = chooseBatchSize(corpus, config, this.huffman);
    this.layout = batchLayout(config, this.huffman, this.batchChoice.size);
    this.skipgram = config.model === 'skipgram';
  }

  /** Raw corpus words consumed so far (over all epochs); a centre waiting for the next chunk is not counted. */
  get wordsDone(): number {
    return this.loaded ? this.loadedSentenceStart : this.cursor.rawWordsDone;
  }
  get epoch(): number {
    return this.cursor.epoch;
  }
  /** All passes over the corpus are done and nothing is left to batch. */
  get done(): boolean {
    return !this.loaded && this.cursor.done;
  }

  /**
   * Fill `batch` with up to layout.size examples, never starting a sentence that begins at or after `wordLimit`
   * raw words. Returns the number of real examples (0 when the chunk or the corpus is finished).
   */
  fill(batch: Batch, wordLimit: number): number {
    const size = this.layout.size;
    let n = 0;
    while (n < size) {
      if (!this.loaded && !this.load()) break;
      if (this.loadedSentenceStart >= wordLimit) break; // the loaded centre belongs to the next chunk
      if (this.skipgram) {
        const c = this.cursor;
        while (n < size && this.nextContext < c.count) this.writeExample(batch, n++, c.contexts, this.nextContext++, 1);
        if (this.nextContext >= c.count) this.loaded = false;
      } else {
        this.writeExample(batch, n++, this.cursor.contexts, 0, this.cursor.count);
        this.loaded = false;
      }
    }
    this.clear(batch, n);
    batch.examples = n;
    return n;
  }

  /** Advance the cursor to the next centre; false at the end of training. */
  private load(): boolean {
    const c = this.cursor;
    const sentenceBefore = c.sentence;
    const epochBefore = c.epoch;
    if (!c.next()) return false;
    if (c.sentence !== sentenceBefore || c.epoch !== epochBefore) {
      this.loadedSentenceStart = c.rawWordsDone - this.corpus.rawLengths[c.sentence];
    }
    this.loaded = true;
    this.nextContext = 0;
    return true;
  }

  /** Example b: inputs contexts[from .. from+count) (weight 1/count each) predicting the loaded centre. */
  private writeExample(batch: Batch, b: number, contexts: Int32Array, from: number, count: number): void {
    const { inputWidth, nsWidth, hsWidth } = this.layout;
    const centre = this.cursor.centre;
    const w = 1 / count;
    let o = b * inputWidth;
    for (let i = 0; i < inputWidth; i++, o++) {
      const real = i < count;
      batch.inputIdx[o] = real ? contexts[from + i] : 0;
      batch.inputWeight[o] = real ? w : 0;
      batch.inputMask[o] = real ? 1 : 0;
    }
    if (nsWidth > 0) {
      const noise = this.noise!;
      o = b * nsWidth;
      batch.nsIdx[o] = centre;
      batch.nsLabel[o] = 1;
      batch.nsMask[o] = 1;
      for (let k = 1; k < nsWidth; k++) {
        const neg = noise.sample(this.rng);
        batch.nsIdx[o + k] = neg;
        batch.nsLabel[o + k] = 0;
        batch.nsMask[o + k] = neg === centre ? 0 : 1;
      }
    }
    if (hsWidth > 0) {
      const t = this.huffman!;
      const start = t.offsets[centre];
      const len = t.offsets[centre + 1] - start;
      o = b * hsWidth;
      for (let j = 0; j < hsWidth; j++) {
        const real = j < len;
        batch.hsIdx[o + j] = real ? t.points[start + j] : 0;
        batch.hsLabel[o + j] = real ? 1 - t.codes[start + j] : 0;
        batch.hsMask[o + j] = real ? 1 : 0;
      }
    }
  }

  /** Zero the padding examples from `from` on. */
  private clear(batch: Batch, from: number): void {
    const { inputWidth, nsWidth, hsWidth } = this.layout;
    batch.inputIdx.fill(0, from * inputWidth);
    batch.inputWeight.fill(0, from * inputWidth);
    batch.inputMask.fill(0, from * inputWidth);
    batch.nsIdx.fill(0, from * nsWidth);
    batch.nsLabel.fill(0, from * nsWidth);
    batch.nsMask.fill(0, from * nsWidth);
    batch.hsIdx.fill(0, from * hsWidth);
    batch.hsLabel.fill(0, from * hsWidth);
    batch.hsMask.fill(0, from * hsWidth);
  }
}
