// Finds the text a `--corpus` value names: a bundled corpus (built on first use) or a file of the user's.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { BUNDLED_CORPORA, corpusPath, ensureCorpora } from '../../scripts/buildCorpora';
import { CliError } from './errors';
import { userPath } from './paths';

export interface CorpusSource {
  /** What the user asked for: "brown", or the resolved file path. */
  name: string;
  path: string;
}

export interface CorpusText extends CorpusSource {
  text: string;
}

export function loadCorpusText(value: string, log: (line: string) => void): CorpusText {
  const source = resolveCorpus(value, log);
  return { ...source, text: readFileSync(source.path, 'utf8') };
}

/** The file a --corpus value names, checked to exist (a bundled corpus is built here if needed); nothing is read. */
export function resolveCorpus(value: string, log: (line: string) => void): CorpusSource {
  const bundled = corpusPath(value);
  // A file of the user's wins over a bundled name, so `--corpus brown` in a folder with a file "brown" is theirs.
  const own = userPath(value);
  if (bundled && !(existsSync(own) && statSync(own).isFile())) {
    if (!existsSync(bundled)) log(`building the bundled corpus "${value}" (once)...`);
    ensureCorpora([value], { log });
    return { name: value, path: bundled };
  }
  if (!existsSync(own)) {
    throw new CliError(`corpus not found: ${own} (bundled corpora: ${BUNDLED_CORPORA.join(', ')})`);
  }
  if (!statSync(own).isFile()) throw new CliError(`corpus ${own} is a directory; give a plain-text file`);
  return { name: own, path: own };
}
