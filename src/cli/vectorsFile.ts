// Vectors files on disk: the format follows the file name's extension, for writing and for reading.
//   .txt  word2vec text          .bin  word2vec binary       .vec  fastText's .vec (the word2vec text layout)
//   .tsv  TensorFlow Embedding Projector pair: NAME.tsv (numbers) + NAME.metadata.tsv (words)
//   .elv  the lab's compact format (int8 rows + per-row scale, with the training settings as metadata)
// Files are written to a temporary name and renamed, so an interrupted run never leaves half a file behind.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import type { KeyedVectors } from '../core/vectors/keyedVectors';
import {
  readProjectorTsv,
  readVectors,
  writeCompact,
  writeProjectorTsv,
  writeWord2VecBinary,
  writeWord2VecText,
} from '../core/vectors/formats';
import { CliError, UsageError } from './errors';

export const OUTPUT_EXTENSIONS = ['.txt', '.bin', '.vec', '.tsv', '.elv'] as const;
export type OutputExtension = (typeof OUTPUT_EXTENSIONS)[number];

const FORMAT_NAMES: Record<OutputExtension, string> = {
  '.txt': 'word2vec text',
  '.bin': 'word2vec binary',
  '.vec': 'fastText .vec (word2vec text)',
  '.tsv': 'Embedding Projector TSV pair',
  '.elv': 'compact .elv',
};

/** Checks an output name before any work is done, so a typo costs nothing. */
export function outputExtension(path: string, command: string): OutputExtension {
  const ext = extname(path).toLowerCase();
  if ((OUTPUT_EXTENSIONS as readonly string[]).includes(ext)) return ext as OutputExtension;
  throw new UsageError(
    `--out ${basename(path)}: the extension picks the format; use one of ${OUTPUT_EXTENSIONS.join(', ')}`,
    command,
  );
}

export function formatName(ext: OutputExtension): string {
  return FORMAT_NAMES[ext];
}

/** NAME.tsv -> NAME.metadata.tsv */
export function metadataPathFor(vectorsTsv: string): string {
  return join(dirname(vectorsTsv), basename(vectorsTsv, extname(vectorsTsv)) + '.metadata.tsv');
}

function writeAtomically(path: string, data: string | Uint8Array): void {
  const tmp = `${path}.${process.pid}.partial`;
  writeFileSync(tmp, data);
  renameSync(tmp, path);
}

/** Writes the vectors; returns the paths written. */
export function writeVectorsFile(kv: KeyedVectors, path: string, meta: Record<string, unknown>): string[] {
  const ext = outputExtension(path, 'train');
  switch (ext) {
    case '.txt':
    case '.vec':
      writeAtomically(path, writeWord2VecText(kv));
      return [path];
    case '.bin':
      writeAtomically(path, writeWord2VecBinary(kv));
      return [path];
    case '.elv':
      writeAtomically(path, writeCompact(kv, meta));
      return [path];
    case '.tsv': {
      const { vectors, metadata } = writeProjectorTsv(kv);
      const metaPath = metadataPathFor(path);
      writeAtomically(path, vectors);
      writeAtomically(metaPath, metadata);
      return [path, metaPath];
    }
  }
}

/** The words file that goes with a projector vectors file, if one is next to it. */
function findMetadata(path: string): string | undefined {
  const stem = basename(path, extname(path));
  const dir = dirname(path);
  const candidates = [metadataPathFor(path), join(dir, `${stem}-metadata.tsv`)];
  // The projector's own example pair is vectors.tsv + metadata.tsv.
  if (stem.endsWith('vectors')) candidates.push(join(dir, stem.slice(0, -'vectors'.length) + 'metadata.tsv'));
  return candidates.find((c) => c !== path && existsSync(c));
}

/** Reads any supported vectors file. Format errors keep the reader's "file, line N: ..." message. */
export async function readVectorsFile(
  path: string,
  o: { maxWords?: number; onInfo?: (message: string) => void } = {},
): Promise<KeyedVectors> {
  const bytes = new Uint8Array(readFileSync(path));
  const fileName = basename(path);
  if (extname(path).toLowerCase() === '.tsv') {
    const metaPath = findMetadata(path);
    if (!metaPath) {
      throw new CliError(
        `${fileName}: a projector .tsv holds only numbers; put the words next to it as ${basename(metadataPathFor(path))}`,
      );
    }
    const result = await readProjectorTsv(bytes, new Uint8Array(readFileSync(metaPath)), {
      fileName,
      metadataFileName: basename(metaPath),
      maxWords: o.maxWords,
      onInfo: o.onInfo,
    });
    return result.kv;
  }
  return readVectors(bytes, { format: 'auto', fileName, maxWords: o.maxWords, onInfo: o.onInfo });
}
