// Vectors files on disk: the format follows the file name's extension, for writing and for reading.
//   .txt  word2vec text          .bin  word2vec binary       .vec  fastText's .vec (the word2vec text layout)
//   .tsv  TensorFlow Embedding Projector pair: NAME.tsv (numbers) + NAME.metadata.tsv (words)
//   .elv  the lab's compact format (int8 rows + per-row scale, with the training settings as metadata)
// Files are written to NAME.partial in the target folder, piece by piece, and renamed at the end: a stop (Ctrl-C)
// between pieces deletes the partial file, and a crash never leaves a half file under the real name.
import { createReadStream, existsSync, renameSync, rmSync } from 'node:fs';
import { open } from 'node:fs/promises';
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
import { CliError, InterruptedError, UsageError } from './errors';
import type { Interrupt } from './interrupt';

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

/** The name a file is written under until it is complete. */
export function partialPathFor(path: string): string {
  return `${path}.partial`;
}

/** Bytes handed to the file system per write: between two writes a stop request is honoured. */
export const WRITE_BYTES = 1 << 20;

/** The data in pieces of about WRITE_BYTES; a string is cut at line ends, so no character is split. */
function* piecesOf(data: string | Uint8Array): Generator<Uint8Array> {
  if (data instanceof Uint8Array) {
    for (let i = 0; i < data.length; i += WRITE_BYTES) yield data.subarray(i, i + WRITE_BYTES);
    return;
  }
  const encoder = new TextEncoder();
  for (let i = 0; i < data.length; ) {
    let end = Math.min(data.length, i + WRITE_BYTES);
    if (end < data.length) {
      const nl = data.indexOf('\n', end);
      end = nl < 0 ? data.length : nl + 1;
    }
    yield encoder.encode(data.slice(i, end));
    i = end;
  }
}

async function writePartial(path: string, data: string | Uint8Array, interrupt: Interrupt | undefined): Promise<string> {
  const partial = partialPathFor(path);
  interrupt?.track(partial);
  const file = await open(partial, 'w');
  try {
    for (const piece of piecesOf(data)) {
      if (interrupt?.requested()) throw new InterruptedError(`saving stopped; ${path} was not written`);
      await file.write(piece);
    }
  } catch (err) {
    await file.close();
    rmSync(partial, { force: true });
    interrupt?.untrack(partial);
    throw err;
  }
  await file.close();
  return partial;
}

/** What each extension writes: one or two files (path, contents). */
function filesFor(kv: KeyedVectors, path: string, meta: Record<string, unknown>): [string, string | Uint8Array][] {
  const ext = outputExtension(path, 'train');
  switch (ext) {
    case '.txt':
    case '.vec':
      return [[path, writeWord2VecText(kv)]];
    case '.bin':
      return [[path, writeWord2VecBinary(kv)]];
    case '.elv':
      return [[path, writeCompact(kv, meta)]];
    case '.tsv': {
      const { vectors, metadata } = writeProjectorTsv(kv);
      return [
        [path, vectors],
        [metadataPathFor(path), metadata],
      ];
    }
  }
}

/**
 * Writes the vectors (every file to NAME.partial first, all renamed once all are complete); returns the paths
 * written. A stop request between pieces removes the partial files and throws InterruptedError.
 */
export async function writeVectorsFile(
  kv: KeyedVectors,
  path: string,
  meta: Record<string, unknown>,
  interrupt?: Interrupt,
): Promise<string[]> {
  const files = filesFor(kv, path, meta);
  const done: string[] = [];
  try {
    for (const [target, data] of files) done.push(await writePartial(target, data, interrupt));
  } catch (err) {
    for (const p of done) rmSync(p, { force: true });
    throw err;
  }
  files.forEach(([target], i) => {
    renameSync(done[i]!, target);
    interrupt?.untrack(done[i]!);
  });
  return files.map(([target]) => target);
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

/** Bytes per read of a vectors file: big reads are faster; only one chunk and one partial row are held. */
const READ_CHUNK_BYTES = 1 << 20;

/** The file as a stream of chunks (never whole: vectors files of many gigabytes are common). */
function chunksOfFile(path: string): AsyncIterable<Uint8Array> {
  return createReadStream(path, { highWaterMark: READ_CHUNK_BYTES });
}

/**
 * Reads any supported vectors file as a stream: rows are parsed as they arrive and reading stops (the file is
 * closed) once maxWords rows are in, so `--max-words 1000` on a 6 GB file reads a few megabytes. Format errors keep
 * the reader's "file, line N: ..." message.
 */
export async function readVectorsFile(
  path: string,
  o: { maxWords?: number; onInfo?: (message: string) => void } = {},
): Promise<KeyedVectors> {
  const fileName = basename(path);
  if (extname(path).toLowerCase() === '.tsv') {
    const metaPath = findMetadata(path);
    if (!metaPath) {
      throw new CliError(
        `${fileName}: a projector .tsv holds only numbers; put the words next to it as ${basename(metadataPathFor(path))}`,
      );
    }
    const result = await readProjectorTsv(chunksOfFile(path), chunksOfFile(metaPath), {
      fileName,
      metadataFileName: basename(metaPath),
      maxWords: o.maxWords,
      onInfo: o.onInfo,
    });
    return result.kv;
  }
  return readVectors(chunksOfFile(path), { format: 'auto', fileName, maxWords: o.maxWords, onInfo: o.onInfo });
}
