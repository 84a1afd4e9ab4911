// How big a batch can be before summed updates blow up.
//
// A batch takes every gradient at the same weights and adds them up (tfjsStep.ts). A row that occurs k times in a
// batch therefore moves by about k single steps in one go, with no chance to correct itself in between as it would
// in word2vec.c's one-example-at-a-time loop. On a large vocabulary k stays small for all but a few words; on a toy
// vocabulary of 17 words a batch of 1,024 skip-gram pairs updates the most frequent noise word ~520 times at once,
// and training diverges. So the engine lowers the batch size until the most repeated row is expected about
// MAX_ROW_REPEATS times per batch, and says so.
//
// Measured with the wasm backend, default alpha 0.025, 10 epochs (toy corpora, dim 16 and 100):
//   skip-gram + negative sampling: stable at 261 (fruit) / 226 (royals) expected repeats, diverged at 453 and above;
//   CBOW: context rows at 184 repeats train well, at 368 the loss is clearly worse, at 737 diverged;
//   hierarchical softmax: the root is in every path, yet royals was stable at 512 root repeats and diverged at
//   1,024: half the words below a node push its vector one way and half the other, so node repeats count half.
// The Brown corpus at batch 1,024 stays far below the limit (the most repeated row, "the" as noise, ~170 times).
import type { EncodedCorpus } from '../text/corpus';
import { keepProbabilities, NoiseSampler } from '../text/sampling';
import type { HuffmanTree } from './huffman';
import type { TrainConfig } from './types';

/** Expected occurrences of the most repeated row per batch: below every divergence measured above, with margin. */
export const MAX_ROW_REPEATS = 192;
/** Hierarchical-softmax node repeats count this much (their updates partly cancel, see above). */
const HS_REPEAT_WEIGHT = 0.5;
/** Never go below this: smaller batches only add per-step overhead, and 16 is stable on every toy corpus. */
export const MIN_AUTO_BATCH = 16;

export interface BatchSizeChoice {
  size: number;
  /** Expected occurrences of the most repeated row in one example, and that row's word (or "Huffman node"). */
  perExample: number;
  hottest: string;
  /** A sentence for the user when the batch was lowered, else null. */
  note: string | null;
}

export function chooseBatchSize(corpus: EncodedCorpus, config: TrainConfig, huffman: HuffmanTree | null): BatchSizeChoice {
  const vocab = corpus.vocab;
  const V = vocab.words.length;
  // Share of each word among the tokens that survive down-sampling: how often it is a centre or a context.
  const keep = keepProbabilities(vocab, config.sample);
  const share = new Float64Array(V);
  let total = 0;
  for (let w = 0; w < V; w++) total += share[w] = vocab.counts[w] * keep[w];
  for (let w = 0; w < V; w++) share[w] /= total;
  // Input rows per example: one context (skip-gram), or the centre's contexts (CBOW: reduced windows average
  // (window + 1) / 2 on each side).
  const inputsPerExample = config.model === 'cbow' ? config.window + 1 : 1;
  let perExample = 0;
  let hottest = '';
  const consider = (repeats: number, what: string) => {
    if (repeats > perExample) {
      perExample = repeats;
      hottest = what;
    }
  };
  const noise = config.negative > 0 ? new NoiseSampler(vocab.counts, config.nsExponent).probabilities : null;
  for (let w = 0; w < V; w++) {
    consider(inputsPerExample * share[w], `"${vocab.words[w]}" (as input)`);
    if (noise) consider(config.negative * noise[w] + share[w], `"${vocab.words[w]}" (as output)`);
  }
  if (huffman) {
    const onPath = new Float64Array(Math.max(1, V - 1));
    for (let w = 0; w < V; w++) {
      for (let i = huffman.offsets[w]; i < huffman.offsets[w + 1]; i++) onPath[huffman.points[i]] += share[w];
    }
    for (const p of onPath) consider(HS_REPEAT_WEIGHT * p, 'a Huffman tree node');
  }
  const cap = perExample > 0 ? Math.floor(MAX_ROW_REPEATS / perExample) : config.batchSize;
  const size = Math.max(1, Math.min(config.batchSize, Math.max(MIN_AUTO_BATCH, cap)));
  const note =
    size < config.batchSize
      ? `Batch size lowered from ${config.batchSize} to ${size} for this vocabulary of ${V} words: at ` +
        `${config.batchSize}, ${hottest} would be updated about ${Math.round(perExample * config.batchSize)} times ` +
        `per batch, all at once, and training would diverge (the tfjs engine keeps it near ${MAX_ROW_REPEATS}).`
      : null;
  return { size, perExample, hottest, note };
}
