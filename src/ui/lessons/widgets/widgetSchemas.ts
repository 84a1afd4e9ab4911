// What each lesson widget accepts in its directive: attribute names, their types and allowed values. The lesson
// parser checks every directive against this table, so a misspelt key or a bad value is an error with file and
// line when the lessons are built (and in the unit test that parses every lesson), never a silent fallback.
// Pure data and functions: no React, so the parser and its tests can use it in Node.
import { AE_MODES } from '../../../core/lessonModels/autoencoder';
import { WEAT_PRESETS } from '../../../core/vectors/bias';
import { MAX_TSNE_RUNS, TSNE_PERPLEXITIES, TSNE_RUNS_PATTERN } from './tsneRunSpecs';

/** The shipped sets in public/vectors/index.json (a unit test keeps this list and that file in step). */
export const SHIPPED_VECTOR_IDS = ['brown-sotu-sg100', 'brown-sg100', 'sotu-sg100', 'brown-sg100-seed2', 'sotu-sg100-seed2', 'brown-cbow100', 'brown-glove100'] as const;
export type ShippedVectorId = (typeof SHIPPED_VECTOR_IDS)[number];
/** `vectors="lab"`: whatever vectors are active (the lab's model, or a set picked in the Playgrounds). */
export const LAB_VECTORS = 'lab';
export const VECTOR_CHOICES: readonly string[] = [...SHIPPED_VECTOR_IDS, LAB_VECTORS];

export type AttrType =
  | { kind: 'word' }
  | { kind: 'text' }
  | { kind: 'words' }
  | { kind: 'int'; min: number; max: number }
  | { kind: 'number'; min: number; max: number }
  | { kind: 'bool' }
  | { kind: 'enum'; values: readonly string[] }
  /** Free text of a fixed shape (a list of seed:perplexity pairs); `want` says the shape in the error message. */
  | { kind: 'pattern'; re: RegExp; want: string };

export interface AttrSpec {
  type: AttrType;
  required?: boolean;
  /** One line for the error message and for instructors reading the table. */
  help: string;
}

export type WidgetSchema = Record<string, AttrSpec>;

const word = (help: string): AttrSpec => ({ type: { kind: 'word' }, help });
const text = (help: string): AttrSpec => ({ type: { kind: 'text' }, help });
const words = (help: string): AttrSpec => ({ type: { kind: 'words' }, help });
const int = (min: number, max: number, help: string): AttrSpec => ({ type: { kind: 'int', min, max }, help });
const bool = (help: string): AttrSpec => ({ type: { kind: 'bool' }, help });
const oneOf = (values: readonly string[], help: string): AttrSpec => ({ type: { kind: 'enum', values }, help });

/** Every widget that queries word vectors must say which: a shipped set, or "lab" for the active vectors. */
const VECTORS: AttrSpec = { type: { kind: 'enum', values: VECTOR_CHOICES }, required: true, help: 'which vectors the widget shows' };
const SEED = int(0, 2 ** 31 - 1, 'random seed');
const TOPN = int(1, 50, 'how many answers to list');
const METHODS = ['3cosadd', '3cosmul'] as const;

export const WIDGET_SCHEMAS: Record<string, WidgetSchema> = {
  autoencoder: { mode: oneOf(AE_MODES, 'input and target of the toy network'), steps: int(1, 100_000, 'training steps per run'), seed: SEED },
  'context-window': {
    sentence: text('the sentence to pair up'),
    window: int(1, 10, 'words on each side'),
    model: oneOf(['skipgram', 'cbow'], 'which training pairs to show'),
    centre: int(0, 100, 'position of the centre word'),
  },
  'softmax-cost': {
    vectors: VECTORS,
    centre: word('input word'),
    context: word('true context word'),
    logV: { type: { kind: 'number', min: 3, max: 7 }, help: 'log10 of the vocabulary size' },
    k: int(1, 30, 'negative samples'),
    seed: SEED,
  },
  cosine: { vectors: VECTORS, a: word('first word'), b: word('second word'), c: word('third word') },
  'tsne-runs': {
    vectors: VECTORS,
    runs: { type: { kind: 'pattern', re: TSNE_RUNS_PATTERN, want: `up to ${MAX_TSNE_RUNS} seed:perplexity pairs, comma-separated (perplexity one of ${TSNE_PERPLEXITIES.join(', ')})` }, help: 'the t-SNE runs shown side by side' },
    lr: int(10, 1000, 't-SNE learning rate of every run'),
    labels: bool('write the words on the maps'),
  },
  // The subword widget always runs the shipped fastText model (public/vectors/brown-ft.elft), not a word-vector set.
  // The contextual widget always runs the shipped masked-language model (public/models/mlm-brown-sotu.elcm).
  contextual: { word: word('word to follow through the sentences'), sentences: text('sentences separated by " | "'), masked: text('a sentence with [MASK] for the guessing tool') },
  subword: { word: word('word to build from its n-grams'), other: word('word to compare with') },
  merges: {
    scheme: oneOf(['bpe', 'wordpiece'], 'which merge rule to start with'),
    corpus: oneOf(['brown', 'toy-fruit'], 'corpus the vocabulary is learned on'),
    words: words('words whose split is shown'),
  },
  lookup: { vectors: VECTORS, words: words('rows to look up'), dims: int(1, 20, 'columns shown'), pick: word('the row picked (one of words)') },
  'loss-compare': {
    vectors: VECTORS,
    centre: word('input word'),
    candidates: words('candidate output words'),
    partner: int(0, 20, 'position of the true partner among the candidates'),
    scale: int(1, 20, 'cosine times this is the score'),
    margin: { type: { kind: 'number', min: 0, max: 1 }, help: 'margin of the hinge loss' },
  },
  padding: {
    sentences: text('the sentences to batch, separated by " | "'),
    batch: int(1, 8, 'sentences per batch'),
    bucket: bool('sort by length before batching'),
  },
  // The fine-tuning widget continues the one shipped model whose output vectors ship too (brown-sg100-output.elv).
  finetune: { vectors: oneOf(['brown-sg100'], 'the model continued: only brown-sg100 ships its output vectors'), word: word('word whose neighbours are watched') },
  'domain-shift': { word: word('word to compare across the two shipped sets') },
  'compare-spaces': {
    a: oneOf(SHIPPED_VECTOR_IDS, 'space A'),
    b: oneOf(SHIPPED_VECTOR_IDS, 'space B'),
    a2: oneOf(SHIPPED_VECTOR_IDS, 'space A trained with another seed (the noise baseline)'),
    b2: oneOf(SHIPPED_VECTOR_IDS, 'space B trained with another seed'),
  },
  'transfer-curve': {
    // Not "vectors": that key pins the page's active vectors; these are only the classifier's starting point.
    pretrained: oneOf(['brown-sotu-sg100', 'sotu-sg100'], 'pre-trained vectors of the two pre-trained arms'),
    sizes: text('numbers of labelled documents, comma-separated'),
    seeds: int(1, 10, 'seeds per size'),
  },
  'semantic-search': { vectors: VECTORS, query: text('search query') },
  // Item vectors learned by item2vec on generated sessions (src/core/recommend), not a word-vector set.
  recommend: {
    sessions: oneOf(['500', '2000', '8000'], 'sessions in each generated log'),
    seeds: oneOf(['1', '3', '5'], 'seeds trained (the spread is over them)'),
    history: words('films already in the history, e.g. scifi-budget-1'),
  },
  probe: { vectors: VECTORS, words: int(100, 20_000, 'most frequent tagged words to probe'), seeds: int(1, 10, 'seeds (splits) to run') },
  objectives: {},
  // The image-text widget runs the shipped image-text model (public/models/imagetext-shapes.eldm), not word vectors.
  'image-text': { query: text('caption whose closest pictures are listed first') },
  analogy: {
    vectors: VECTORS,
    a: word('a in a : b :: c : ?'),
    b: word('b'),
    c: word('c'),
    method: oneOf(METHODS, 'analogy method'),
    keepQuery: bool('keep the query words among the answers'),
    topn: TOPN,
  },
  similarity: {
    vectors: VECTORS,
    x: word('first word of a pair'),
    y: word('second word of a pair'),
    word: word('word whose neighbours are listed'),
    list: text('words for odd-one-out'),
    from: word('start of a walk'),
    to: word('end of a walk'),
  },
  arithmetic: { vectors: VECTORS, expr: text('expression such as king - man + woman'), exclude: bool('leave the query words out'), unit: bool('use unit vectors'), topn: TOPN },
  axes: { vectors: VECTORS, x: text('x axis, e.g. good - bad'), y: text('y axis'), words: text('words to place') },
  evaluation: { vectors: VECTORS, method: oneOf(METHODS, 'analogy method') },
  search: { vectors: VECTORS, q: text('search query') },
  bias: { vectors: VECTORS, preset: oneOf(WEAT_PRESETS.map((p) => p.id), 'WEAT test'), seed: SEED },
};

/** The lookup widget's rows when its directive names none. */
export const LOOKUP_DEFAULT_WORDS: readonly string[] = ['cat', 'dog', 'tea', 'coffee', 'king', 'queen'];

/** A comma-separated list attribute as its words ("cat, dog" -> ["cat", "dog"]); `fallback` when it is absent. */
export function wordList(v: string | undefined, fallback: readonly string[]): string[] {
  return v ? v.split(',').map((s) => s.trim()).filter(Boolean) : [...fallback];
}

/** Checks that tie one attribute to another (each value may be fine alone and wrong together). */
const CROSS_CHECKS: Record<string, (attrs: Record<string, string>) => string[]> = {
  lookup: (attrs) => {
    if (attrs.pick === undefined) return [];
    const rows = wordList(attrs.words, LOOKUP_DEFAULT_WORDS);
    return rows.includes(attrs.pick) ? [] : [`widget "lookup": pick="${attrs.pick}" should be one of its words (${rows.join(', ')})`];
  },
};

/** A word typed by people: letters (any script), digits, apostrophes and dashes, no spaces. */
const WORD = /^[\p{L}\p{N}][\p{L}\p{N}'’-]*$/u;

function checkValue(t: AttrType, v: string): string | null {
  switch (t.kind) {
    case 'word':
      return WORD.test(v) ? null : 'a single word (letters, digits, apostrophes or dashes)';
    case 'text':
      return v.trim() ? null : 'some text';
    case 'words':
      return v.split(',').every((w) => WORD.test(w.trim())) ? null : 'a comma-separated list of words';
    case 'int': {
      const n = Number(v);
      return /^-?\d+$/.test(v.trim()) && n >= t.min && n <= t.max ? null : `a whole number from ${t.min} to ${t.max}`;
    }
    case 'number': {
      const n = Number(v);
      return v.trim() !== '' && Number.isFinite(n) && n >= t.min && n <= t.max ? null : `a number from ${t.min} to ${t.max}`;
    }
    case 'bool':
      return v === 'true' || v === 'false' ? null : 'true or false';
    case 'enum':
      return t.values.includes(v) ? null : `one of ${t.values.map((x) => `"${x}"`).join(', ')}`;
    case 'pattern':
      return t.re.test(v) ? null : t.want;
  }
}

/** Problems with one directive's attributes (empty when it is fine); messages name the attribute and the fix. */
export function validateWidgetAttrs(name: string, attrs: Record<string, string>): string[] {
  const schema = WIDGET_SCHEMAS[name];
  if (!schema) return [];
  const problems: string[] = [];
  const keys = Object.keys(schema);
  for (const [k, v] of Object.entries(attrs)) {
    const spec = schema[k];
    if (!spec) {
      const known = keys.length ? `it takes ${keys.join(', ')}` : 'it takes no attributes';
      problems.push(`widget "${name}" has no attribute "${k}" (${known})`);
      continue;
    }
    const want = checkValue(spec.type, v);
    if (want) problems.push(`widget "${name}": ${k}="${v}" should be ${want} (${spec.help})`);
  }
  for (const [k, spec] of Object.entries(schema)) {
    if (spec.required && attrs[k] === undefined) {
      const choices = spec.type.kind === 'enum' ? `: one of ${spec.type.values.map((x) => `"${x}"`).join(', ')}` : '';
      problems.push(`widget "${name}" needs ${k}="..." (${spec.help}${choices})`);
    }
  }
  if (problems.length === 0) problems.push(...(CROSS_CHECKS[name]?.(attrs) ?? []));
  return problems;
}
