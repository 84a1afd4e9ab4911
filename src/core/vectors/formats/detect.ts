// Format detection from the first bytes, with the file name as a hint only when the content cannot decide.
import { isCompact } from './compact';
import { VectorFormatError } from './errors';
import type { VectorFormat } from './types';

/** Enough to see a header and the first rows of any text format, or hundreds of float32 numbers of a binary one. */
export const DETECT_BYTES = 64 * 1024;
const HEADER = /^\s*\d+[ \t]+\d+\s*$/;
const NEWLINE = 0x0a;

/** Control bytes never found in a text vectors file but common inside float32 numbers. */
function hasControlBytes(bytes: Uint8Array): boolean {
  for (const b of bytes) {
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) || b === 0x7f) return true;
  }
  return false;
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    // stream: true tolerates a character cut at the end of the sample.
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}

export function detectFormat(head: Uint8Array, fileName?: string): VectorFormat {
  if (head.length === 0) throw new VectorFormatError('the file is empty', { fileName });
  if (isCompact(head)) return 'compact';
  const name = (fileName ?? '').toLowerCase();
  const end = head.indexOf(NEWLINE);
  const firstLineBytes = end < 0 ? head : head.subarray(0, end);
  const rest = end < 0 ? new Uint8Array(0) : head.subarray(end + 1);
  let firstLine: string;
  try {
    firstLine = new TextDecoder('utf-8', { fatal: true }).decode(firstLineBytes);
  } catch {
    throw new VectorFormatError('not valid UTF-8 text, and not a word2vec binary or compact file', { fileName, line: 1 });
  }
  if (HEADER.test(firstLine)) {
    if (rest.length === 0) return name.endsWith('.bin') ? 'word2vec-binary' : 'word2vec-text';
    if (hasControlBytes(rest) || !isUtf8(rest)) return 'word2vec-binary';
    return name.endsWith('.vec') ? 'fasttext-vec' : 'word2vec-text';
  }
  if (hasControlBytes(firstLineBytes)) {
    throw new VectorFormatError('binary data without a "<word count> <dimension>" header: not a vectors file this lab knows', {
      fileName,
      line: 1,
    });
  }
  const tabbed = firstLine.split('\t');
  if (tabbed.length > 1 && tabbed.every((f) => f.trim() !== '' && !Number.isNaN(Number(f)))) return 'projector-tsv';
  return 'glove';
}
