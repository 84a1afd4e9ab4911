// Word counts of a text split into a training part and a held-out part (the last `heldOutShare` of its sentences),
// so that a subword vocabulary learned on one can be judged on words it may never have seen.
import { sentencesOf } from '../tokenize';

export interface SplitCounts {
  train: Map<string, number>;
  heldOut: Map<string, number>;
  trainTokens: number;
  heldOutTokens: number;
}

/** Training words seen fewer times than this are left out of the learner: they cost time and teach little. */
export const MIN_TRAIN_COUNT = 2;

export function splitCounts(text: string, heldOutShare: number, minTrainCount = MIN_TRAIN_COUNT): SplitCounts {
  if (!(heldOutShare > 0 && heldOutShare < 1)) throw new RangeError(`heldOutShare must be between 0 and 1, got ${heldOutShare}`);
  const sentences = [...sentencesOf(text)];
  const cut = Math.floor(sentences.length * (1 - heldOutShare));
  const train = new Map<string, number>();
  const heldOut = new Map<string, number>();
  let trainTokens = 0;
  let heldOutTokens = 0;
  sentences.forEach((s, i) => {
    const into = i < cut ? train : heldOut;
    for (const w of s) into.set(w, (into.get(w) ?? 0) + 1);
    if (i < cut) trainTokens += s.length;
    else heldOutTokens += s.length;
  });
  for (const [w, c] of train) if (c < minTrainCount) train.delete(w);
  return { train, heldOut, trainTokens, heldOutTokens };
}
