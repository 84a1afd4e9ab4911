// Shared parsing for the text formats (word2vec text, fastText .vec, GloVe, projector TSV): splitting a row into
// fields, reading numbers strictly (no NaN, no Infinity, no "12abc"), and writing float32 numbers with the fewest
// digits that read back to the same float32.
import { VectorFormatError } from './errors';

export interface Where {
  fileName?: string;
  line?: number;
}

const isBlank = (code: number): boolean => code === 32 || code === 9; // space, tab

/**
 * Fields separated by spaces or tabs; word2vec.c leaves a trailing space, which is dropped. Only ASCII blanks are
 * trimmed: fastText's crawl vectors have words made of other Unicode spaces (U+00A0, U+3000), which String.trim
 * would erase.
 */
export function splitFields(line: string): string[] {
  let start = 0;
  let end = line.length;
  while (start < end && isBlank(line.charCodeAt(start))) start++;
  while (end > start && isBlank(line.charCodeAt(end - 1))) end--;
  const trimmed = start === 0 && end === line.length ? line : line.slice(start, end);
  if (trimmed === '') return [];
  // The fast path covers single spaces; tabs or runs of spaces take the regular expression.
  if (trimmed.includes('\t') || trimmed.includes('  ')) return trimmed.split(/[ \t]+/);
  return trimmed.split(' ');
}

function describe(token: string): string {
  return token.length > 20 ? `"${token.slice(0, 20)}..."` : `"${token}"`;
}

/** Parses one number strictly; the message names the value's position among `total`. */
export function parseNumber(token: string, position: number, total: number, where: Where): number {
  const x = +token;
  // Finite (x - x is NaN for NaN and the infinities), and written as a decimal: Number('') is 0 and
  // Number('0x1f') is 31, neither written by any vectors tool, so a number must end in a digit or "." and must not
  // have a radix letter (x, b, o) second. Character codes instead of a regular expression: this runs per number.
  if (x - x === 0) {
    const last = token.charCodeAt(token.length - 1);
    if ((last >= 48 && last <= 57) || last === 46) {
      const second = token.charCodeAt(1) | 0x20; // lower-cased
      if (second !== 120 && second !== 98 && second !== 111) return x;
    }
  }
  if (/^[+-]?(nan|inf|infinity)$/i.test(token)) {
    throw new VectorFormatError(`value ${position} of ${total} is ${token}; vectors must be finite numbers`, where);
  }
  throw new VectorFormatError(`${describe(token)} is not a number (value ${position} of ${total})`, where);
}

/** Reads fields[start..] (exactly dim of them) into target at offset. */
export function parseNumbersInto(
  fields: readonly string[],
  start: number,
  dim: number,
  target: Float32Array,
  offset: number,
  where: Where,
  what = 'after the word',
): void {
  const found = fields.length - start;
  if (found !== dim) throw new VectorFormatError(`expected ${dim} numbers ${what}, found ${found}`, where);
  for (let k = 0; k < dim; k++) {
    const v = parseNumber(fields[start + k]!, k + 1, dim, where);
    const f = Math.fround(v);
    // A double that is finite can still overflow float32 (1e39).
    if (f === Infinity || f === -Infinity) {
      throw new VectorFormatError(`value ${k + 1} of ${dim} (${fields[start + k]}) is too large for float32`, where);
    }
    target[offset + k] = f;
  }
}

function looksNumeric(token: string): boolean {
  const x = Number(token);
  return token !== '' && x === x;
}

/**
 * Splits a "word v1 ... vdim" row. GloVe's 840B set has words with spaces ("at the"), so extra leading fields
 * join into the word, unless they are numbers, which means the row simply has too many numbers.
 */
export function splitWordRow(fields: readonly string[], dim: number, where: Where): { word: string; start: number } {
  const extra = fields.length - 1 - dim;
  if (extra > 0) {
    for (let k = 1; k <= extra; k++) {
      if (looksNumeric(fields[k]!)) {
        throw new VectorFormatError(`expected ${dim} numbers after the word, found ${fields.length - 1}`, where);
      }
    }
    return { word: fields.slice(0, extra + 1).join(' '), start: extra + 1 };
  }
  return { word: fields[0]!, start: 1 };
}

/** Shortest decimal text that reads back as exactly the same float32 (at most 9 significant digits). */
export function formatFloat32(v: number): string {
  if (v === 0) return Object.is(v, -0) ? '-0' : '0';
  for (let p = 6; p < 9; p++) {
    const d = Number(v.toPrecision(p));
    if (Math.fround(d) === v) return String(d);
  }
  return String(Number(v.toPrecision(9)));
}

/** One row's numbers joined by `sep`. */
export function formatRow(vectors: Float32Array, offset: number, dim: number, sep: string): string {
  const parts = new Array<string>(dim);
  for (let k = 0; k < dim; k++) parts[k] = formatFloat32(vectors[offset + k]!);
  return parts.join(sep);
}

/** Words become fields of a text file: they cannot hold the separators themselves. */
export function checkWordForText(word: string, index: number, forbidden: RegExp, format: string): void {
  if (word === '' || forbidden.test(word)) {
    throw new Error(`word ${index + 1} (${JSON.stringify(word)}) cannot be written as ${format}: it is empty or holds a separator`);
  }
}
