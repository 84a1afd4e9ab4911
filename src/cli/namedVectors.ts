// Vectors named on the command line: a shipped set by its id (`brown-sg100`, as listed in public/vectors/index.json)
// or any vectors file by path. The commands that compare or reuse vectors (transfer, align, search) accept both, so a
// student can start from the shipped sets and move to their own files without learning a second syntax.
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { KeyedVectors } from '../core/vectors/keyedVectors';
import { CliError } from './errors';
import { PROJECT_ROOT, userPath } from './paths';
import { readVectorsFile } from './vectorsFile';

export const SHIPPED_VECTORS_DIR = join(PROJECT_ROOT, 'public', 'vectors');
export const CORPORA_DIR = join(PROJECT_ROOT, 'public', 'corpora');

/** The ids of the shipped word-vector sets (the .elv files of public/vectors/). */
export function shippedVectorIds(): string[] {
  const indexPath = join(SHIPPED_VECTORS_DIR, 'index.json');
  if (!existsSync(indexPath)) return [];
  const index = JSON.parse(readFileSync(indexPath, 'utf8')) as { sets: { id: string; file: string }[] };
  return index.sets.filter((s) => s.file.endsWith('.elv')).map((s) => s.id);
}

/** The file behind a name: an existing path wins, then a shipped id (with or without .elv). */
export function resolveVectors(name: string): { path: string; label: string } {
  const asPath = userPath(name);
  if (existsSync(asPath)) return { path: asPath, label: name };
  const id = name.replace(/\.elv$/, '');
  const shipped = join(SHIPPED_VECTORS_DIR, `${id}.elv`);
  if (shippedVectorIds().includes(id) && existsSync(shipped)) return { path: shipped, label: id };
  throw new CliError(`no vectors file "${name}" (${asPath}) and no shipped set of that name; the shipped sets are: ${shippedVectorIds().join(', ')}`);
}

export async function loadNamedVectors(name: string, maxWords?: number): Promise<{ kv: KeyedVectors; label: string; path: string }> {
  const { path, label } = resolveVectors(name);
  const kv = await readVectorsFile(path, { maxWords, onInfo: (m) => process.stderr.write(`note: ${basename(path)}: ${m}\n`) });
  return { kv, label, path };
}

/** A bundled corpus file and its document index, with the fix when `npm run corpora` has not run. */
export function readBrownDocuments(): { text: string; indexText: string } {
  const corpus = join(CORPORA_DIR, 'brown.txt');
  const index = join(CORPORA_DIR, 'brown-docs.json');
  if (!existsSync(corpus) || !existsSync(index)) {
    throw new CliError(`${existsSync(corpus) ? index : corpus} is missing: run "npm run corpora" first (it writes the Brown corpus and its document index)`);
  }
  return { text: readFileSync(corpus, 'utf8'), indexText: readFileSync(index, 'utf8') };
}
