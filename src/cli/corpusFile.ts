// Finds the text a `--corpus` value names (a bundled corpus, built on first use, or a file of the user's) and reads
// it as a stream of blocks of whole lines: memory holds one block, never the file, so a corpus of any size trains
// (a 601 MB file read whole would pass V8's limit on string length). Every block is checked as it is read: the first
// megabyte with the full text check (compressed, UTF-16, binary...), the rest for zero bytes and invalid UTF-8,
// with the file offset and line of the first bad byte.
import { existsSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { BUNDLED_CORPORA, corpusPath, ensureCorpora } from '../../scripts/buildCorpora';
import {
  checkTextBytes,
  firstInvalidUtf8,
  invalidUtf8Error,
  SNIFF_BYTES,
  TextInputError,
  zeroByteError,
} from '../core/text/textCheck';
import { CliError } from './errors';
import { userPath } from './paths';

export interface CorpusSource {
  /** What the user asked for: "brown", or the resolved file path. */
  name: string;
  path: string;
  bytes: number;
}

/** The file a --corpus value names, checked to exist (a bundled corpus is built here if needed); nothing is read. */
export function resolveCorpus(value: string, log: (line: string) => void): CorpusSource {
  const bundled = corpusPath(value);
  // A file of the user's wins over a bundled name, so `--corpus brown` in a folder with a file "brown" is theirs.
  const own = userPath(value);
  if (bundled && !(existsSync(own) && statSync(own).isFile())) {
    if (!existsSync(bundled)) log(`building the bundled corpus "${value}" (once)...`);
    ensureCorpora([value], { log });
    return { name: value, path: bundled, bytes: statSync(bundled).size };
  }
  if (!existsSync(own)) {
    throw new CliError(`corpus not found: ${own} (bundled corpora: ${BUNDLED_CORPORA.join(', ')})`);
  }
  const st = statSync(own);
  if (!st.isFile()) throw new CliError(`corpus ${own} is a directory; give a plain-text file`);
  return { name: own, path: own, bytes: st.size };
}

/** Bytes read from the file at a time: large enough for fast reads, small enough that a block's tokens stay small. */
export const READ_BYTES = 1 << 20;
/**
 * A line longer than this is cut at its last space (or, failing that, at a character boundary): a file with no line
 * breaks at all must still stream. Sentences are cut at 10,000 tokens anyway, far below this.
 */
export const MAX_LINE_BYTES = 64 << 20;

const NEWLINE = 0x0a;
const SPACE = 0x20;

/** Where to end a block in `bytes`: after the last line break, else (for a very long line) a space or a character boundary. */
function blockEnd(bytes: Uint8Array, atEof: boolean): number {
  if (atEof) return bytes.length;
  const nl = bytes.lastIndexOf(NEWLINE);
  if (nl >= 0) return nl + 1;
  if (bytes.length < MAX_LINE_BYTES) return 0;
  const sp = bytes.lastIndexOf(SPACE);
  if (sp >= 0) return sp + 1;
  let end = bytes.length;
  // Step back over continuation bytes (10xxxxxx) to the start of a character.
  while (end > 0 && (bytes[end - 1]! & 0xc0) === 0x80) end--;
  return Math.max(1, end - 1);
}

function countLines(bytes: Uint8Array, end = bytes.length): number {
  let n = 0;
  for (let i = bytes.indexOf(NEWLINE); i >= 0 && i < end; i = bytes.indexOf(NEWLINE, i + 1)) n++;
  return n;
}

export interface ReadOptions {
  /** Called after each block with the bytes read so far (for progress lines). */
  onBytes?: (bytesRead: number) => void;
  /** Asked before each read: true stops the pass (Ctrl-C). */
  stopped?: () => boolean;
  /** Applied to each block's text before it is used (e.g. splitting Chinese characters). */
  transform?: (text: string) => string;
}

/**
 * The text of a file as blocks of whole lines, checked as they are read. Throws CliError naming the file (and the
 * offset and line) when the bytes are not UTF-8 text.
 */
export async function* readTextBlocks(source: CorpusSource, o: ReadOptions = {}): AsyncGenerator<string> {
  const name = source.name;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const file = await open(source.path, 'r');
  try {
    const size = (await file.stat()).size;
    const buf = new Uint8Array(READ_BYTES);
    let carry: Uint8Array = new Uint8Array(0);
    let fileOffset = 0; // file offset of carry[0]
    let linesBefore = 0;
    let position = 0;
    let first = true;
    for (;;) {
      if (o.stopped?.()) return;
      const { bytesRead } = await file.read(buf, 0, buf.length, position);
      position += bytesRead;
      const atEof = bytesRead === 0;
      const bytes: Uint8Array = carry.length === 0 ? buf.subarray(0, bytesRead) : concat(carry, buf.subarray(0, bytesRead));
      if (first) {
        first = false;
        // The full check on the head of the file (or all of it when it is small).
        const head = bytes.subarray(0, Math.min(bytes.length, SNIFF_BYTES));
        try {
          checkTextBytes(name, head, { complete: head.length === bytes.length && position >= size });
        } catch (err) {
          throw toCliError(err);
        }
      }
      const end = blockEnd(bytes, atEof);
      if (end > 0) {
        const block = bytes.subarray(0, end);
        const zero = block.indexOf(0);
        if (zero >= 0) throw toCliError(zeroByteError(name, fileOffset + zero, linesBefore + countLines(block, zero) + 1));
        let text: string;
        try {
          text = decoder.decode(block);
        } catch {
          const bad = Math.max(0, firstInvalidUtf8(block, true));
          throw toCliError(invalidUtf8Error(name, block[bad]!, fileOffset + bad, linesBefore + countLines(block, bad) + 1));
        }
        linesBefore += countLines(block);
        fileOffset += end;
        o.onBytes?.(fileOffset);
        yield o.transform ? o.transform(text) : text;
      }
      // Copy the rest: `buf` is overwritten by the next read.
      carry = bytes.subarray(end).slice();
      if (atEof) return;
    }
  } finally {
    await file.close();
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

function toCliError(err: unknown): unknown {
  return err instanceof TextInputError ? new CliError(err.message) : err;
}
