// A live readout of the space organising, beyond the loss: how many of the syllabus's example pairs (king/queen,
// paris/france, good/better...) already sit close together, i.e. one word is among the other's 10 nearest
// neighbours by cosine over the whole vocabulary. Computed in the trainer worker on its vectors every few seconds;
// shown with what random vectors would score, so "3 of 24" can be read against chance.

/** The pairs the lessons and the syllabus use as examples; those missing from a vocabulary are skipped. */
export const SYLLABUS_PAIRS: readonly (readonly [string, string])[] = [
  ['king', 'queen'], ['man', 'woman'], ['boy', 'girl'], ['father', 'mother'], ['husband', 'wife'],
  ['brother', 'sister'], ['son', 'daughter'], ['he', 'she'], ['paris', 'france'], ['london', 'england'],
  ['tokyo', 'japan'], ['rome', 'italy'], ['good', 'better'], ['bad', 'worse'], ['big', 'bigger'],
  ['war', 'peace'], ['monday', 'tuesday'], ['january', 'february'], ['one', 'two'], ['north', 'south'],
  ['east', 'west'], ['summer', 'winter'], ['morning', 'evening'], ['black', 'white'], ['city', 'town'],
  ['go', 'went'], ['walk', 'walked'], ['small', 'large'], ['dog', 'cat'], ['red', 'blue'],
];

/** "Near" means among this many nearest neighbours (the lab's default neighbour list length). */
export const PAIR_NEIGHBOURS = 10;

export interface PairsReadout {
  /** Pairs where one word is among the other's k nearest neighbours. */
  hits: number;
  /** Pairs with both words in the vocabulary. */
  total: number;
  /** Chance level: at most this many hits are expected from random vectors of the same vocabulary size. */
  baseline: number;
  /** The pairs that are near, as "king–queen". */
  near: string[];
}

/**
 * Chance level, as an upper bound: with random directions the other word's rank among a word's V - 1 neighbours is
 * uniform, so it is in the top k with probability p = k / (V - 1). A pair counts when either direction hits, which
 * happens with probability between p (the two directions always agree) and 2p - p^2 (they are independent); cosine
 * is symmetric, so they agree more often than chance and the truth lies between. Returns total x (2p - p^2).
 */
export function randomPairsBaseline(total: number, vocabSize: number, k = PAIR_NEIGHBOURS): number {
  if (vocabSize < 2 || total === 0) return 0;
  const p = Math.min(1, k / (vocabSize - 1));
  return total * (2 * p - p * p);
}

/** Whether `other` is among the k nearest neighbours (cosine, excluding itself) of row `of`. */
function isNear(vectors: Float32Array, norms: Float32Array, dim: number, of: number, other: number, k: number): boolean {
  const n = norms.length;
  const cosineTo = (j: number) => {
    let dot = 0;
    for (let d = 0; d < dim; d++) dot += vectors[of * dim + d]! * vectors[j * dim + d]!;
    return dot / (norms[of]! * norms[j]! || 1);
  };
  const target = cosineTo(other);
  // Count the words strictly closer than `other`; stop as soon as k of them are found.
  let closer = 0;
  for (let j = 0; j < n; j++) {
    if (j === of || j === other) continue;
    if (cosineTo(j) > target && ++closer >= k) return false;
  }
  return true;
}

export function pairsReadout(
  words: readonly string[],
  vectors: Float32Array,
  dim: number,
  pairs: readonly (readonly [string, string])[] = SYLLABUS_PAIRS,
  k = PAIR_NEIGHBOURS,
): PairsReadout {
  const index = new Map<string, number>();
  words.forEach((w, i) => index.set(w, i));
  const norms = new Float32Array(words.length);
  for (let i = 0; i < words.length; i++) {
    let s = 0;
    for (let d = 0; d < dim; d++) s += vectors[i * dim + d]! ** 2;
    norms[i] = Math.sqrt(s);
  }
  let total = 0;
  const near: string[] = [];
  for (const [a, b] of pairs) {
    const ia = index.get(a);
    const ib = index.get(b);
    if (ia === undefined || ib === undefined) continue;
    total++;
    if (isNear(vectors, norms, dim, ia, ib, k) || isNear(vectors, norms, dim, ib, ia, k)) near.push(`${a}–${b}`);
  }
  return { hits: near.length, total, baseline: randomPairsBaseline(total, words.length, k), near };
}
