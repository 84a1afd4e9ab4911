// Is this file a text we can train on? Used by the page before it accepts a file (so that a broken file changes
// nothing) and by the trainer worker when it decodes the whole text. Pure: no DOM (it lives in the core so that the
// worker can use it without importing the state layer).

/** Larger texts would not fit comfortably in a tab's memory once tokenized (a token array is ~10x the text). */
export const MAX_TEXT_BYTES = 200 * 1024 * 1024;
/** Bytes inspected up front: enough to catch binary formats (their headers hold NUL bytes) without reading it all. */
export const SNIFF_BYTES = 1 << 20;

export class TextInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TextInputError';
  }
}

function mb(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** Throws a TextInputError naming the file and the problem when the size alone rules it out. */
export function checkTextSize(name: string, size: number): void {
  if (size === 0) throw new TextInputError(`${name} is empty: choose a .txt file with some sentences in it.`);
  if (size > MAX_TEXT_BYTES) {
    throw new TextInputError(`${name} is ${mb(size)}; the lab reads texts up to ${mb(MAX_TEXT_BYTES)}. Use a part of it, or the command line (npm run cli -- train) for larger corpora.`);
  }
}

/**
 * Throws a TextInputError when `bytes` (the whole file or its first part) is not UTF-8 text: NUL bytes (binary
 * formats, UTF-16) or byte sequences that are not UTF-8. `complete` = the bytes are the whole file, so a sequence cut
 * at the end is an error too.
 */
export function checkTextBytes(name: string, bytes: Uint8Array, complete: boolean): void {
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    throw new TextInputError(`${name} is not a text file: it holds binary bytes (a zero byte at offset ${nul}). Save it as plain UTF-8 text (.txt).`);
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: !complete });
  } catch {
    const at = firstInvalidUtf8(bytes);
    throw new TextInputError(`${name} is not UTF-8 text (invalid byte at offset ${at}${lineNote(bytes, at)}). Save it as UTF-8 plain text.`);
  }
}

/** Decode a whole file, with the same messages. */
export function decodeText(name: string, bytes: Uint8Array): string {
  checkTextSize(name, bytes.length);
  checkTextBytes(name, bytes, true);
  const text = new TextDecoder('utf-8').decode(bytes);
  if (text.trim().length === 0) throw new TextInputError(`${name} holds only white space: there are no words to learn from.`);
  return text;
}

function lineNote(bytes: Uint8Array, at: number): string {
  let line = 1;
  for (let i = 0; i < at && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return `, line ${line}`;
}

/** Offset of the first byte that breaks UTF-8 (lead/continuation structure only: enough to point the user at it). */
function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    const need = c < 0x80 ? 0 : c >= 0xc2 && c < 0xe0 ? 1 : c >= 0xe0 && c < 0xf0 ? 2 : c >= 0xf0 && c < 0xf5 ? 3 : -1;
    if (need < 0) return i;
    for (let j = 1; j <= need; j++) {
      if (i + j >= b.length) return i;
      if ((b[i + j]! & 0xc0) !== 0x80) return i;
    }
    i += need + 1;
  }
  return Math.max(0, b.length - 1);
}
