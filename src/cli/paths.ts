// Where files are: the project's own folders, and the user's paths. `npm run cli` runs in the project root, not in
// the folder the user typed the command in; npm keeps that folder in INIT_CWD, so relative paths resolve from there.
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DEFAULT_ANALOGIES = join(PROJECT_ROOT, 'data', 'eval', 'analogies.txt');
export const DEFAULT_SIMILARITY = join(PROJECT_ROOT, 'data', 'eval', 'similarity.txt');

/** A path as the user meant it: relative to the folder where they ran the command. */
export function userPath(p: string): string {
  if (isAbsolute(p)) return p;
  return resolve(process.env.INIT_CWD ?? process.cwd(), p);
}
