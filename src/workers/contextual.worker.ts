// The contextual model in a worker, so the page never waits on tfjs: it loads the shipped weights once and answers
// the "Words in context" playground (src/ui/playgrounds/ContextPlayground.tsx) through comlink. Inference runs on
// the tfjs cpu backend: a handful of short sentences takes tens of milliseconds, and it needs no extra download.
import { expose } from 'comlink';
import { loadMlmModel, type MlmModel } from '../core/models/contextual/mlmModel';
import { sentenceTokens } from '../core/models/contextual/mlmTokenizer';
import { activateTfjsBackend } from '../core/train/tfjsBackend';
import { DEFAULT_TOKENIZE, tokenize } from '../core/text/tokenize';
import type { AttentionMaps, MaskedGuesses } from '../core/models/types';

export const SHIPPED_MODEL_PATH = 'models/mlm-brown-sotu.elcm';
/** Nearest words listed per occurrence. */
const NEIGHBOURS = 5;

export interface Occurrence {
  /** 1-based, as the student numbers the lines. */
  sentence: number;
  text: string;
  tokens: string[];
  position: number;
  vector: Float32Array;
  neighbours: { token: string; cosine: number }[];
}

export interface OccurrencesResult {
  word: string;
  inVocabulary: boolean;
  /** The model's context-free vector of the word (its token embedding row). */
  staticVector: Float32Array;
  staticNeighbours: { token: string; cosine: number }[];
  occurrences: Occurrence[];
  /** Sentences that could not be used, with the reason. */
  problems: string[];
}

let model: MlmModel | null = null;

function need(): MlmModel {
  if (!model) throw new Error('The contextual model is not loaded yet.');
  return model;
}

function checkLength(m: MlmModel, tokens: string[], which: string): void {
  if (tokens.length === 0) throw new Error(`${which} has no words.`);
  if (tokens.length > m.maxLen) throw new Error(`${which} has ${tokens.length} words; the model reads at most ${m.maxLen}.`);
}

const api = {
  async load(baseUrl: string): Promise<{ words: number; dim: number; layers: number; heads: number; maxLen: number; meta: Record<string, unknown> }> {
    if (!model) {
      await activateTfjsBackend('cpu');
      const url = new URL(SHIPPED_MODEL_PATH, baseUrl).href;
      const r = await fetch(url);
      if (!r.ok) throw new Error(`Could not read the contextual model (${SHIPPED_MODEL_PATH}): the server answered ${r.status}.`);
      model = loadMlmModel(new Uint8Array(await r.arrayBuffer()), SHIPPED_MODEL_PATH);
    }
    const s = model.shape;
    return { words: s.vocab, dim: s.dim, layers: s.layers, heads: s.heads, maxLen: s.maxLen, meta: model.meta };
  },

  async occurrences(lines: string[], wordText: string): Promise<OccurrencesResult> {
    const m = need();
    const words = tokenize(wordText, DEFAULT_TOKENIZE);
    if (words.length !== 1) throw new Error(`Type one word to follow (not ${words.length === 0 ? 'none' : `"${wordText}"`}).`);
    const word = words[0]!;
    const problems: string[] = [];
    const kept: { sentence: number; text: string; tokens: string[]; position: number }[] = [];
    lines.forEach((text, i) => {
      if (text.trim() === '') return;
      const tokens = sentenceTokens(text);
      const position = tokens.indexOf(word);
      if (position < 0) problems.push(`Sentence ${i + 1} does not contain “${word}”.`);
      else if (tokens.length > m.maxLen) problems.push(`Sentence ${i + 1} has ${tokens.length} words; the model reads at most ${m.maxLen}.`);
      else kept.push({ sentence: i + 1, text, tokens, position });
    });
    const vectors = kept.length > 0 ? await m.encode(kept.map((k) => k.tokens)) : [];
    const d = m.dim;
    const exclude = new Set([word]);
    const occurrences = kept.map((k, i) => {
      const vector = vectors[i]!.slice(k.position * d, (k.position + 1) * d);
      return { ...k, vector, neighbours: m.nearestTokens(vector, NEIGHBOURS, exclude) };
    });
    const staticVector = m.tokenVector(word);
    return { word, inVocabulary: m.tokenizer.has(word), staticVector, staticNeighbours: m.nearestTokens(staticVector, NEIGHBOURS, exclude), occurrences, problems };
  },

  /** The vector of the word at `position` in each tokenised sentence (the sense game's corpus occurrences). */
  async vectorsAt(items: { tokens: string[]; position: number }[]): Promise<Float32Array[]> {
    const m = need();
    items.forEach((it, i) => checkLength(m, it.tokens, `Occurrence ${i + 1}`));
    const all = await m.encode(items.map((it) => it.tokens));
    const d = m.dim;
    return items.map((it, i) => all[i]!.slice(it.position * d, (it.position + 1) * d));
  },

  async predict(text: string, k: number): Promise<{ tokens: string[]; masks: MaskedGuesses[] }> {
    const m = need();
    const tokens = sentenceTokens(text);
    checkLength(m, tokens, 'The sentence');
    return { tokens, masks: await m.predictMasked(tokens, k) };
  },

  async attention(text: string): Promise<AttentionMaps> {
    const m = need();
    const tokens = sentenceTokens(text);
    checkLength(m, tokens, 'The sentence');
    return m.attention(tokens);
  },
};

export type ContextualApi = typeof api;

expose(api);
