// Checks an --out path before any work is done: the extension names a format we write, the folder exists, and a file
// can really be created there. A run that trains for minutes and then cannot save is the worst way to learn of a typo.
import { statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { CliError, UsageError } from './errors';
import { outputExtension, type OutputExtension } from './vectorsFile';

const REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'the disk quota is used up',
};

/** Returns the extension (the format) when the path can be written; throws a one-line error naming the path when not. */
export function checkOutputTarget(path: string, command: string): OutputExtension {
  const ext = outputExtension(path, command);
  checkWritable(path);
  return ext;
}

/** The same check for a model's own file format (a contextual model's .elcm): that extension, a writable place. */
export function checkModelTarget(path: string, extension: string, command: string): void {
  if (extname(path).toLowerCase() !== extension) {
    throw new UsageError(`--out ${basename(path)}: this model is saved in its own format; give a file name ending in ${extension}`, command);
  }
  checkWritable(path);
}

function checkWritable(path: string): void {
  const folder = dirname(path);
  let folderStat;
  try {
    folderStat = statSync(folder);
  } catch {
    throw new CliError(`--out ${path}: the folder ${folder} does not exist (create it first)`);
  }
  if (!folderStat.isDirectory()) throw new CliError(`--out ${path}: ${folder} is a file, not a folder`);
  try {
    if (statSync(path).isDirectory()) throw new CliError(`--out ${path} is a folder; give a file name inside it`);
  } catch (err) {
    if (err instanceof CliError) throw err;
    // Not there yet: the usual case.
  }
  // Permission bits do not tell the whole story (read-only mounts, root, ACLs, quotas): create a file and remove it.
  const probe = join(folder, `.${basename(path)}.${process.pid}.write-check`);
  try {
    writeFileSync(probe, '');
  } catch (err) {
    const code = (err as { code?: string }).code ?? '';
    throw new CliError(`--out ${path}: cannot write in the folder ${folder}: ${REASONS[code] ?? code}`);
  }
  unlinkSync(probe);
}
