// The pure logic of the step-by-step view: a word2vec model small enough to print, trained one example at a time.
// `nextExample` picks the next training example and runs the forward pass (scores, predictions, loss, gradients)
// without touching the weights; `applyUpdate` then applies exactly those gradients. The maths is the project's
// reference (src/core/train/losses.ts) for negative sampling; full softmax is written out here (tiny vocabularies
// only). Conventions follow word2vec.c: skip-gram trains each context word's input vector to predict the centre
// word; CBOW averages the context input vectors (cbow_mean = 1).
import { encodeCorpus, type EncodedCorpus } from '../../core/text/corpus';
import { NoiseSampler } from '../../core/text/sampling';
import { TOY_CORPORA } from '../../core/text/toyCorpora';
import { cbowLoss, negativeSamplingLabels, skipGramLoss } from '../../core/train/losses';
import { Rng } from '../../core/train/rng';
import type { ModelKind } from '../../core/train/types';

export type StepObjective = 'negative' | 'softmax';

export interface StepConfig {
  corpus: string;
  model: ModelKind;
  objective: StepObjective;
  dim: number;
  window: number;
  negative: number;
  alpha: number;
  seed: number;
}

/** Small enough to print every number: 5 dimensions, window 2, 3 noise words. Learning rate 0.2: the loss visibly
 *  falls within a few hundred updates on the toy corpora; 1 diverges, which the view reports. */
export const DEFAULT_STEP_CONFIG: StepConfig = {
  corpus: 'fruit',
  model: 'skipgram',
  objective: 'negative',
  dim: 5,
  window: 2,
  negative: 3,
  alpha: 0.2,
  seed: 1,
};
/** Redraws allowed when a noise word equals the target (word2vec.c skips it; we redraw so k rows stay visible). */
const MAX_NOISE_REDRAWS = 10;

export interface StepModel {
  config: StepConfig;
  corpus: EncodedCorpus;
  words: readonly string[];
  /** Input vectors W_in (V x dim) and output vectors W_out (V x dim), row-major. */
  wIn: Float64Array;
  wOut: Float64Array;
  rng: Rng;
  sampler: NoiseSampler;
  /** Where the walk through the corpus is: sentence, position of the centre, context slot (skip-gram). */
  sentence: number;
  position: number;
  slot: number;
  window: number;
  steps: number;
  /** Recent losses for a running mean. */
  recentLoss: number[];
}

export interface Example {
  centre: number;
  sentence: number;
  position: number;
  /** Context ids in the (reduced) window, left to right. */
  contexts: number[];
  /** Rows of W_in that form the hidden vector h (skip-gram: one context word; CBOW: all of them). */
  inputIds: number[];
  h: Float64Array;
  /** Rows of W_out scored: [target, noise...] or the whole vocabulary for softmax. */
  outputIds: number[];
  labels: Float64Array;
  scores: Float64Array;
  /** sigmoid(score) for negative sampling; softmax over the vocabulary otherwise. */
  predictions: Float64Array;
  loss: number;
  /** dL/dh and dL/du_j (one row per output id). */
  gradH: Float64Array;
  gradOutputs: Float64Array;
  /** dL/d(input row): gradH for skip-gram, gradH / m for each CBOW context. */
  gradInput: Float64Array;
}

/** The corpus key of the student's own sentences (checked by toySentences.ts before they get here). */
export const OWN_CORPUS = 'own';

export function createStepModel(config: StepConfig, ownText?: string): StepModel {
  const text = config.corpus === OWN_CORPUS ? ownText : TOY_CORPORA[config.corpus]?.text;
  if (!text) throw new Error(`Unknown toy corpus "${config.corpus}": choose one of ${Object.keys(TOY_CORPORA).join(', ')}.`);
  const corpus = encodeCorpus(text, { minCount: 1, maxVocab: 0 });
  const v = corpus.vocab.words.length;
  const rng = new Rng(config.seed);
  const wIn = new Float64Array(v * config.dim);
  // word2vec.c's initialisation: input vectors uniform in [-0.5, 0.5) / dim, output vectors zero.
  for (let e = 0; e < wIn.length; e++) wIn[e] = (rng.nextFloat() - 0.5) / config.dim;
  return {
    config,
    corpus,
    words: corpus.vocab.words,
    wIn,
    wOut: new Float64Array(v * config.dim),
    rng,
    sampler: new NoiseSampler(corpus.vocab.counts, 0.75),
    sentence: 0,
    position: -1,
    slot: 0,
    window: 0,
    steps: 0,
    recentLoss: [],
  };
}

/** The window of the current centre (reduced windows: a width drawn from 1..window, as word2vec does). */
function contextsAt(m: StepModel): number[] {
  const { ids, offsets } = m.corpus;
  const start = offsets[m.sentence];
  const len = offsets[m.sentence + 1] - start;
  const out: number[] = [];
  for (let j = Math.max(0, m.position - m.window); j <= Math.min(len - 1, m.position + m.window); j++) {
    if (j !== m.position) out.push(ids[start + j]);
  }
  return out;
}

/** Move to the next centre that has at least one context word (wrapping around the corpus). */
function advanceCentre(m: StepModel): void {
  const sentences = m.corpus.offsets.length - 1;
  for (;;) {
    m.position++;
    const len = m.corpus.offsets[m.sentence + 1] - m.corpus.offsets[m.sentence];
    if (m.position >= len) {
      m.sentence = (m.sentence + 1) % sentences;
      m.position = -1;
      continue;
    }
    m.window = m.config.window - m.rng.nextInt(m.config.window);
    m.slot = 0;
    if (contextsAt(m).length > 0) return;
  }
}

/** Pick the next example and compute the forward pass and the gradients. Weights are not changed. */
export function nextExample(m: StepModel): Example {
  const { dim, model, objective, negative } = m.config;
  if (m.position < 0 || model === 'cbow' || m.slot >= contextsAt(m).length) advanceCentre(m);
  const contexts = contextsAt(m);
  const centre = m.corpus.ids[m.corpus.offsets[m.sentence] + m.position];
  const inputIds = model === 'skipgram' ? [contexts[m.slot++]] : contexts;
  const v = m.words.length;
  let outputIds: number[];
  let labels: Float64Array;
  if (objective === 'negative') {
    outputIds = [centre];
    for (let k = 0; k < negative; k++) {
      let w = m.sampler.sample(m.rng);
      for (let t = 0; t < MAX_NOISE_REDRAWS && w === centre; t++) w = m.sampler.sample(m.rng);
      outputIds.push(w);
    }
    labels = negativeSamplingLabels(negative);
  } else {
    outputIds = Array.from({ length: v }, (_, i) => i);
    labels = new Float64Array(v);
    labels[centre] = 1;
  }
  const outputs = new Float64Array(outputIds.length * dim);
  outputIds.forEach((id, j) => outputs.set(m.wOut.subarray(id * dim, (id + 1) * dim), j * dim));
  const inputs = new Float64Array(inputIds.length * dim);
  inputIds.forEach((id, j) => inputs.set(m.wIn.subarray(id * dim, (id + 1) * dim), j * dim));
  const h = new Float64Array(dim);
  for (let j = 0; j < inputIds.length; j++) for (let d = 0; d < dim; d++) h[d] += inputs[j * dim + d] / inputIds.length;
  const scores = new Float64Array(outputIds.length);
  for (let j = 0; j < outputIds.length; j++) for (let d = 0; d < dim; d++) scores[j] += h[d] * outputs[j * dim + d];
  const gradH = new Float64Array(dim);
  const gradOutputs = new Float64Array(outputIds.length * dim);
  const gradInput = new Float64Array(dim);
  let loss: number;
  let predictions: Float64Array;
  if (objective === 'negative') {
    predictions = scores.map((s) => 1 / (1 + Math.exp(-s)));
    if (model === 'skipgram') {
      loss = skipGramLoss(h, outputs, labels, dim, gradH, gradOutputs);
      gradInput.set(gradH);
    } else {
      const gradContexts = new Float64Array(inputIds.length * dim);
      loss = cbowLoss(inputs, inputIds.length, outputs, labels, dim, gradContexts, gradOutputs);
      gradInput.set(gradContexts.subarray(0, dim));
      for (let d = 0; d < dim; d++) gradH[d] = gradInput[d] * inputIds.length;
    }
  } else {
    predictions = softmax(scores);
    loss = -Math.log(Math.max(predictions[centre], Number.MIN_VALUE));
    for (let j = 0; j < outputIds.length; j++) {
      const g = predictions[j] - labels[j]; // dL/dscore_j
      for (let d = 0; d < dim; d++) {
        gradH[d] += g * outputs[j * dim + d];
        gradOutputs[j * dim + d] = g * h[d];
      }
    }
    for (let d = 0; d < dim; d++) gradInput[d] = gradH[d] / inputIds.length;
  }
  return { centre, sentence: m.sentence, position: m.position, contexts, inputIds, h, outputIds, labels, scores, predictions, loss, gradH, gradOutputs, gradInput };
}

/** Apply the example's gradients with learning rate alpha; returns the rows that changed. */
export function applyUpdate(m: StepModel, ex: Example): { inputRows: number[]; outputRows: number[] } {
  const { dim, alpha } = m.config;
  // Gradients of a repeated noise word add up, as in the sum over j of the loss.
  ex.outputIds.forEach((id, j) => {
    for (let d = 0; d < dim; d++) m.wOut[id * dim + d] -= alpha * ex.gradOutputs[j * dim + d];
  });
  for (const id of ex.inputIds) for (let d = 0; d < dim; d++) m.wIn[id * dim + d] -= alpha * ex.gradInput[d];
  m.steps++;
  m.recentLoss.push(ex.loss);
  if (m.recentLoss.length > RECENT_LOSSES) m.recentLoss.shift();
  return { inputRows: [...new Set(ex.inputIds)], outputRows: [...new Set(ex.outputIds)] };
}

/**
 * Weights beyond this size mean the updates are overshooting. Measured over 20,000 updates on both toy corpora, both
 * models and both objectives at learning rates 0.05-0.5, the largest weight stayed at or below 11.4; at rates 1 and 2
 * the weights pass 1,000 within tens to hundreds of updates and then run to 1e+226, Infinity or NaN. 50 leaves room
 * above every sane run and stops an exploding one while its last sane state is still worth going back to.
 */
export const EXPLOSION_LIMIT = 50;

/** The largest absolute weight of both matrices (Infinity or NaN when one is not finite). */
export function largestWeight(m: StepModel): number {
  let max = 0;
  for (const arr of [m.wIn, m.wOut]) {
    for (const v of arr) {
      if (!Number.isFinite(v)) return v;
      const a = Math.abs(v);
      if (a > max) max = a;
    }
  }
  return max;
}

/** True when the weights or the loss blew up (non-finite, or beyond EXPLOSION_LIMIT): the learning rate is too high. */
export function hasDiverged(m: StepModel, ex: Example | null): boolean {
  if (ex && !Number.isFinite(ex.loss)) return true;
  const w = largestWeight(m);
  return !(w <= EXPLOSION_LIMIT);
}

/** Everything an update changes, so the view can go back to the last state before the weights blew up. */
export interface StepState {
  wIn: Float64Array;
  wOut: Float64Array;
  sentence: number;
  position: number;
  slot: number;
  window: number;
  steps: number;
  recentLoss: number[];
}

export function saveStepState(m: StepModel): StepState {
  return {
    wIn: Float64Array.from(m.wIn),
    wOut: Float64Array.from(m.wOut),
    sentence: m.sentence,
    position: m.position,
    slot: m.slot,
    window: m.window,
    steps: m.steps,
    recentLoss: [...m.recentLoss],
  };
}

export function restoreStepState(m: StepModel, s: StepState): void {
  m.wIn.set(s.wIn);
  m.wOut.set(s.wOut);
  m.sentence = s.sentence;
  m.position = s.position;
  m.slot = s.slot;
  m.window = s.window;
  m.steps = s.steps;
  m.recentLoss = [...s.recentLoss];
}

/** Examples averaged in the running loss. */
export const RECENT_LOSSES = 100;

export function meanRecentLoss(m: StepModel): number {
  return m.recentLoss.length ? m.recentLoss.reduce((a, b) => a + b, 0) / m.recentLoss.length : NaN;
}

/** Loss of an example recomputed from the current weights (for finite-difference checks). */
export function exampleLoss(m: StepModel, ex: Pick<Example, 'inputIds' | 'outputIds' | 'labels' | 'centre'>): number {
  const { dim, objective } = m.config;
  const h = new Float64Array(dim);
  for (const id of ex.inputIds) for (let d = 0; d < dim; d++) h[d] += m.wIn[id * dim + d] / ex.inputIds.length;
  const scores = ex.outputIds.map((id) => {
    let s = 0;
    for (let d = 0; d < dim; d++) s += h[d] * m.wOut[id * dim + d];
    return s;
  });
  if (objective === 'softmax') return -Math.log(softmax(Float64Array.from(scores))[ex.centre]);
  return scores.reduce((loss, s, j) => loss + (ex.labels[j] === 1 ? Math.log1p(Math.exp(-s)) : Math.log1p(Math.exp(s))), 0);
}

export function softmax(scores: Float64Array): Float64Array {
  let max = -Infinity;
  for (const s of scores) if (s > max) max = s;
  const out = scores.map((s) => Math.exp(s - max));
  const sum = out.reduce((a, b) => a + b, 0);
  return out.map((e) => e / sum);
}

/** The words of the example's sentence, for display. */
export function sentenceWords(m: StepModel, sentence: number): string[] {
  const { ids, offsets } = m.corpus;
  return Array.from(ids.subarray(offsets[sentence], offsets[sentence + 1]), (id) => m.words[id]);
}
