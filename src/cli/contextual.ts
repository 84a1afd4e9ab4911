// `contextual`: the vector of one word in each sentence of a file, from the contextual model (the shipped weights
// unless --weights names a .elcm file), one JSON line per sentence:
//   {"sentence": 1, "line": 1, "word": "bank", "position": 1, "vector": [...]}
// `--static VECTORS` prints that vectors file's vector of the word instead (the same on every line), so the two
// kinds of vector can be compared with the same tools. Every sentence is checked before anything is printed: a
// sentence without the word, or longer than the model reads, stops the run with "FILE:LINE: ..." and nothing half
// printed.
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { loadMlmModel, type MlmModel } from '../core/models/contextual/mlmModel';
import { sentenceTokens } from '../core/models/contextual/mlmTokenizer';
import { activateTfjsBackend } from '../core/train/tfjsBackend';
import { DEFAULT_TOKENIZE, tokenize } from '../core/text/tokenize';
import { parseCommand, type CommandSpec } from './args';
import { CliError, UsageError } from './errors';
import { PROJECT_ROOT, userPath } from './paths';
import { readVectorsFile } from './vectorsFile';

export const SHIPPED_WEIGHTS = join(PROJECT_ROOT, 'public', 'models', 'mlm-brown-sotu.elcm');
/** Significant digits printed per vector component: float32 holds about 7; 6 keep lines short and lose nothing a
 *  cosine would notice. */
const DIGITS = 6;

export const CONTEXTUAL_SPEC: CommandSpec = {
  name: 'contextual',
  summary: 'Print the vector of a word in each sentence of a file, from the contextual model (or a static vectors file).',
  usage: 'npm run cli -- contextual --word WORD --sentences FILE [--weights FILE.elcm] [--static VECTORS]',
  options: [
    { name: 'word', kind: 'string', valueName: 'WORD', required: true, help: 'the word to look up in every sentence (compared lower-cased, as the lab tokenizes)' },
    { name: 'sentences', kind: 'string', valueName: 'FILE', required: true, help: 'a text file with one sentence a line (blank lines are skipped)' },
    { name: 'weights', kind: 'string', valueName: 'FILE', help: 'a contextual model file (.elcm) from `train --model mlm --out`; default: the shipped public/models/mlm-brown-sotu.elcm' },
    { name: 'static', kind: 'string', valueName: 'VECTORS', help: 'print this vectors file’s vector of the word instead (.txt .bin .vec .elv ...)' },
  ],
  examples: [
    'npm run cli -- contextual --word bank --sentences bank.txt',
    'npm run cli -- contextual --word bank --sentences bank.txt --static public/vectors/brown-sotu-sg100.elv',
  ],
};

export interface ContextualLine {
  sentence: number;
  line: number;
  word: string;
  /** 0-based index of the word's first occurrence among the sentence's tokens. */
  position: number;
  vector: number[];
}

interface Sentence {
  line: number;
  tokens: string[];
  position: number;
}

/** The file's sentences with the word's position in each; the first problem is an error naming file and line. */
export function readSentences(text: string, fileName: string, word: string, maxLen?: number): Sentence[] {
  const out: Sentence[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    if (raw.trim() === '') return;
    const tokens = sentenceTokens(raw);
    const position = tokens.indexOf(word);
    const n = out.length + 1;
    if (position < 0) throw new CliError(`${fileName}:${i + 1}: sentence ${n} does not contain the word "${word}"`);
    if (maxLen !== undefined && tokens.length > maxLen) throw new CliError(`${fileName}:${i + 1}: sentence ${n} has ${tokens.length} words; the model reads at most ${maxLen}`);
    out.push({ line: i + 1, tokens, position });
  });
  if (out.length === 0) throw new CliError(`${fileName} has no sentences (it is empty or blank)`);
  return out;
}

const round = (x: number): number => Number(x.toPrecision(DIGITS));

export async function runContextual(argv: readonly string[]): Promise<ContextualLine[] | 'help'> {
  const o = parseCommand(CONTEXTUAL_SPEC, argv);
  if (o.help) return 'help';
  const words = tokenize(String(o.word), DEFAULT_TOKENIZE);
  if (words.length !== 1) throw new UsageError(`--word "${String(o.word)}" must be one word (it reads as ${words.length})`, 'contextual');
  const word = words[0]!;
  const sentencesPath = userPath(o.sentences as string);
  if (!existsSync(sentencesPath)) throw new CliError(`--sentences ${o.sentences as string}: no such file`);
  const text = readFileSync(sentencesPath, 'utf8');
  const fileName = basename(sentencesPath);

  if (typeof o.static === 'string') {
    if (o.weights !== undefined) throw new UsageError('--static and --weights exclude each other: one prints static vectors, the other contextual ones', 'contextual');
    const sentences = readSentences(text, fileName, word);
    const kv = await readVectorsFile(userPath(o.static));
    if (!kv.has(word)) throw new CliError(`${basename(o.static)} has no vector for "${word}"`);
    const vector = Array.from(kv.vector(word), round);
    return sentences.map((s, i) => ({ sentence: i + 1, line: s.line, word, position: s.position, vector }));
  }

  const weightsPath = typeof o.weights === 'string' ? userPath(o.weights) : SHIPPED_WEIGHTS;
  if (!existsSync(weightsPath)) throw new CliError(`${weightsPath}: no such model file${o.weights === undefined ? ' (the shipped weights are built by scripts/buildShippedContextual.ts)' : ''}`);
  // The cpu backend: a file of sentences is encoded in a moment, and it gives the same numbers on every machine.
  await activateTfjsBackend('cpu');
  let model: MlmModel;
  try {
    model = loadMlmModel(new Uint8Array(readFileSync(weightsPath)), basename(weightsPath));
  } catch (e) {
    throw new CliError((e as Error).message);
  }
  const sentences = readSentences(text, fileName, word, model.maxLen);
  if (!model.tokenizer.has(word)) process.stderr.write(`note: "${word}" is not in the model's vocabulary: it is read as [UNK], so its vectors come from the context alone\n`);
  const vectors = await model.encode(sentences.map((s) => s.tokens));
  const d = model.dim;
  model.dispose();
  return sentences.map((s, i) => ({
    sentence: i + 1,
    line: s.line,
    word,
    position: s.position,
    vector: Array.from(vectors[i]!.subarray(s.position * d, (s.position + 1) * d), round),
  }));
}
