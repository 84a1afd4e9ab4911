// Narrowing TrainData for a model that learns from one kind of data, with a sentence that says what went wrong.
import type { EncodedCorpus } from '../text/corpus';
import type { ImageCaptionPairs, TrainData } from './types';

export function textCorpusOf(data: TrainData, modelTitle: string): EncodedCorpus {
  if (data.kind !== 'text') throw new Error(`${modelTitle} trains on a text corpus, not on ${data.kind} data.`);
  return data.corpus;
}

export function imageCaptionPairsOf(data: TrainData, modelTitle: string): ImageCaptionPairs {
  if (data.kind !== 'image-text') throw new Error(`${modelTitle} trains on pictures with captions, not on a text corpus.`);
  return data.pairs;
}
