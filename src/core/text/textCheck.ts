// Is this file a text we can train on? One check for the page (before it accepts a file, so a broken file changes
// nothing), the trainer worker (when it decodes the whole text) and the command line (before and while it reads a
// corpus). It names what the bytes are when they are not UTF-8 text: empty, compressed, UTF-16, Latin-1, binary or
// random, with the file name, and the byte offset and line where one place is at fault. Pure: no DOM, no Node.

/** Larger texts would not fit comfortably in a tab's memory once tokenized (a token array is ~10x the text). */
export const MAX_TEXT_BYTES = 200 * 1024 * 1024;
/** Bytes inspected up front: enough to catch binary formats (their headers hold NUL bytes) without reading it all. */
export const SNIFF_BYTES = 1 << 20;
/**
 * Control bytes (other than tab, line feed, carriage return, form feed and escape) are rare in real text; above this
 * share of the inspected bytes the file is a binary format even without a zero byte.
 */
export const MAX_CONTROL_SHARE = 0.005;
/**
 * In a text that is not UTF-8 because it is Latin-1 or Windows-1252, bytes >= 0x80 are accented letters between
 * ASCII words: a few percent. In random or encrypted data about half the bytes are. Between: call it not text.
 */
export const MAX_LATIN1_HIGH_SHARE = 0.3;
/** Share of one byte parity that must be zero to call BOM-less bytes UTF-16 (ASCII-range UTF-16 has ~100%). */
const UTF16_ZERO_SHARE = 0.3;
/** Fewer bytes than this without a byte-order mark are not called UTF-16. */
const UTF16_MIN_BYTES = 16;
/** Average characters per token above which a text has (almost) no spaces between words. English averages ~4.5. */
export const NO_SPACES_MEAN_TOKEN_CHARS = 12;
/** The same for Chinese and Japanese, whose words are one to two characters: longer runs are unsegmented clauses. */
export const NO_SPACES_MEAN_CJK_TOKEN_CHARS = 4;

export class TextInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TextInputError';
  }
}

function mb(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** Throws a TextInputError naming the file and the problem when the size alone rules it out (the page's limit). */
export function checkTextSize(name: string, size: number, maxBytes: number = MAX_TEXT_BYTES): void {
  if (size === 0) throw new TextInputError(`${name} is empty: choose a .txt file with some sentences in it.`);
  if (size > maxBytes) {
    throw new TextInputError(
      `${name} is ${mb(size)}; the lab reads texts up to ${mb(maxBytes)}. Use a part of it, or the command line (npm run cli -- train) for larger corpora.`,
    );
  }
}

interface Signature {
  bytes: readonly number[];
  what: string;
  advice: string;
}

const UNPACK = 'unpack it first (e.g. with unzip, bunzip2, unxz, unzstd or 7z) and give the text inside';
// Magic numbers at offset 0 of formats people mistake for text files.
const SIGNATURES: readonly Signature[] = [
  { bytes: [0x1f, 0x8b], what: 'gzip-compressed', advice: 'unpack it first (gunzip) and give the text inside' },
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: 'a zip archive (or a .docx/.odt document)', advice: `${UNPACK}; save documents as plain text (.txt)` },
  { bytes: [0x42, 0x5a, 0x68], what: 'bzip2-compressed', advice: UNPACK },
  { bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], what: 'xz-compressed', advice: UNPACK },
  { bytes: [0x28, 0xb5, 0x2f, 0xfd], what: 'zstd-compressed', advice: UNPACK },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], what: 'a 7-Zip archive', advice: UNPACK },
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], what: 'a PDF document', advice: 'copy its text into a plain .txt file' },
];

function startsWith(bytes: Uint8Array, sig: readonly number[]): boolean {
  if (bytes.length < sig.length) return false;
  return sig.every((b, i) => bytes[i] === b);
}

/** 'le' or 'be' when the bytes look like UTF-16 (a byte-order mark, or zero bytes on one parity); else null. */
export function detectUtf16(bytes: Uint8Array): 'le' | 'be' | null {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return 'le';
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return 'be';
  const n = bytes.length - (bytes.length % 2);
  // Too few bytes to tell a pattern from chance (a 4-byte binary header can have one zero in the "right" place).
  if (n < UTF16_MIN_BYTES) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  // Latin-script UTF-16: the high byte of nearly every unit is zero, the low byte almost never.
  if (oddZero / pairs > UTF16_ZERO_SHARE && evenZero / pairs < UTF16_ZERO_SHARE / 10) return 'le';
  if (evenZero / pairs > UTF16_ZERO_SHARE && oddZero / pairs < UTF16_ZERO_SHARE / 10) return 'be';
  // CJK UTF-16 has few zero bytes: those of its line feeds and ASCII spaces, all on one parity. Require that, and
  // a clean decoding to mostly letters, spaces and punctuation (ASCII or Latin-1 text pairs up into CJK too, but
  // has no zero bytes at all).
  const oneParity = (oddZero > 0 && evenZero === 0) || (evenZero > 0 && oddZero === 0);
  if (!oneParity) return null;
  for (const order of oddZero > 0 ? (['le'] as const) : (['be'] as const)) {
    const text = decodeUtf16Strict(bytes.subarray(0, n), order);
    if (text !== null && looksLikeWriting(text)) return order;
  }
  return null;
}

function decodeUtf16Strict(bytes: Uint8Array, order: 'le' | 'be'): string | null {
  try {
    return new TextDecoder(order === 'le' ? 'utf-16le' : 'utf-16be', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

// Share of characters that must be letters, digits, marks, punctuation or spaces to call a decoding "writing".
const WRITING_SHARE = 0.95;
const WRITING_RE = /[\p{L}\p{N}\p{M}\p{P}\s]/u;

function looksLikeWriting(text: string): boolean {
  let good = 0;
  let total = 0;
  for (const ch of text) {
    total++;
    if (WRITING_RE.test(ch)) good++;
  }
  return total > 0 && good / total >= WRITING_SHARE;
}

function isControlByte(b: number): boolean {
  // Tab, line feed, vertical tab, form feed, carriage return and escape (terminal colours in logs) are allowed.
  return (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0b && b !== 0x0c && b !== 0x0d && b !== 0x1b) || b === 0x7f;
}

/** 1-based line of a byte offset: newlines before it + 1 (plus `linesBefore` for a chunk in the middle of a file). */
export function lineAt(bytes: Uint8Array, offset: number, linesBefore = 0): number {
  let line = linesBefore + 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** Offset of the first byte that breaks UTF-8 (lead/continuation structure), or -1 when there is none. */
export function firstInvalidUtf8(b: Uint8Array, complete = true): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    const need = c < 0x80 ? 0 : c >= 0xc2 && c < 0xe0 ? 1 : c >= 0xe0 && c < 0xf0 ? 2 : c >= 0xf0 && c < 0xf5 ? 3 : -1;
    if (need < 0) return i;
    for (let j = 1; j <= need; j++) {
      if (i + j >= b.length) return complete ? i : -1;
      const next = b[i + j]!;
      if ((next & 0xc0) !== 0x80) return i;
      // The second byte's narrower ranges rule out overlong forms, UTF-16 surrogates and code points past U+10FFFF.
      if (j === 1 && ((c === 0xe0 && next < 0xa0) || (c === 0xed && next > 0x9f) || (c === 0xf0 && next < 0x90) || (c === 0xf4 && next > 0x8f))) {
        return i;
      }
    }
    i += need + 1;
  }
  return -1;
}

const WINDOWS_1252 = new TextDecoder('windows-1252');

/** "byte 0xE9 (é in Latin-1)". */
function describeByte(b: number): string {
  const hex = `0x${b.toString(16).toUpperCase().padStart(2, '0')}`;
  const ch = WINDOWS_1252.decode(new Uint8Array([b]));
  return /\p{L}|\p{P}|\p{S}/u.test(ch) ? `byte ${hex} (“${ch}” in Latin-1/Windows-1252)` : `byte ${hex}`;
}

export interface ByteCheckOptions {
  /** The bytes are the whole file (a sequence cut at the end is then an error, and empty means empty). */
  complete: boolean;
  /** Where `bytes` starts in the file (for a chunk in the middle of a file): offsets and lines are reported in file terms. */
  offset?: number;
  linesBefore?: number;
}

/**
 * Throws a TextInputError when `bytes` (the whole file, its first part, or one chunk) is not UTF-8 text, saying what
 * it is instead. `complete` = the bytes are the whole file.
 */
export function checkTextBytes(name: string, bytes: Uint8Array, complete: boolean | ByteCheckOptions): void {
  const o: ByteCheckOptions = typeof complete === 'boolean' ? { complete } : complete;
  const base = o.offset ?? 0;
  const atFileStart = base === 0;
  if (o.complete && atFileStart && bytes.length === 0) {
    throw new TextInputError(`${name} is empty: choose a .txt file with some sentences in it.`);
  }
  if (atFileStart) {
    for (const sig of SIGNATURES) {
      if (startsWith(bytes, sig.bytes)) throw new TextInputError(`${name} is ${sig.what}, not plain text: ${sig.advice}.`);
    }
    const utf16 = detectUtf16(bytes);
    if (utf16) {
      const label = utf16 === 'le' ? 'UTF-16LE' : 'UTF-16BE';
      throw new TextInputError(
        `${name} is UTF-16 text (${utf16 === 'le' ? 'little' : 'big'}-endian), not UTF-8: save it as UTF-8 ` +
          `(e.g. iconv -f ${label} -t UTF-8 ${name} > utf8.txt, or "UTF-8" in your editor's Save As).`,
      );
    }
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) throw zeroByteError(name, base + nul, lineAt(bytes, nul, o.linesBefore));
  let control = 0;
  let high = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (isControlByte(b)) control++;
    else if (b >= 0x80) high++;
  }
  const bad = firstInvalidUtf8(bytes, o.complete);
  if (bytes.length > 0 && (control / bytes.length > MAX_CONTROL_SHARE || (bad >= 0 && high / bytes.length > MAX_LATIN1_HIGH_SHARE))) {
    throw new TextInputError(
      `${name} is not a text file: ${control > 0 ? `${control} control byte(s)` : `${high} bytes outside ASCII`} in the first ` +
        `${bytes.length.toLocaleString('en-US')} bytes look like binary, compressed or random data. Give a plain UTF-8 text (.txt).`,
    );
  }
  if (bad >= 0) throw invalidUtf8Error(name, bytes[bad]!, base + bad, lineAt(bytes, bad, o.linesBefore));
}

/** The message for a byte that breaks UTF-8 in an otherwise textual file: most often Latin-1 or Windows-1252. */
export function invalidUtf8Error(name: string, byte: number, offset: number, line: number): TextInputError {
  return new TextInputError(
    `${name} is not UTF-8 text (invalid byte at offset ${offset}, line ${line}: ${describeByte(byte)}). ` +
      `It is probably Latin-1 or Windows-1252: save it as UTF-8 (e.g. iconv -f WINDOWS-1252 -t UTF-8 ${name} > utf8.txt).`,
  );
}

/** The message for a zero byte found in the middle of a file (after its first part looked like text). */
export function zeroByteError(name: string, offset: number, line: number): TextInputError {
  return new TextInputError(
    `${name} is not a text file: it holds binary bytes (a zero byte at offset ${offset}, line ${line}). Save it as plain UTF-8 text (.txt).`,
  );
}

/** Decode a whole file, with the same messages. */
export function decodeText(name: string, bytes: Uint8Array): string {
  checkTextSize(name, bytes.length);
  checkTextBytes(name, bytes, true);
  const text = new TextDecoder('utf-8').decode(bytes);
  if (text.trim().length === 0) throw new TextInputError(`${name} holds only white space: there are no words to learn from.`);
  return text;
}

// Scripts written without spaces between words, where a character (not a run of them) is a useful unit.
const CHARACTER_SCRIPTS_RE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const CHARACTER_SCRIPTS_GLOBAL_RE = /([\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}])/gu;
const TOKEN_RE = /[\p{L}\p{N}\p{M}]+/gu;
/** Characters of a text sampled for the spacing check: a page or two says enough. */
const SPACING_SAMPLE_CHARS = 100_000;

export interface SpacingReport {
  /** Mean characters per token (runs of letters and digits). */
  meanTokenChars: number;
  /** True when words are (nearly) never separated by spaces. */
  noSpaces: boolean;
  /** True when the long runs are Chinese or Japanese characters, which can be split one per token. */
  canSplitCharacters: boolean;
}

/** Measures whether a text separates its words with spaces (looks at the first part of a long text). */
export function spacingOf(text: string): SpacingReport {
  const sample = text.length > SPACING_SAMPLE_CHARS ? text.slice(0, SPACING_SAMPLE_CHARS) : text;
  let tokens = 0;
  let chars = 0;
  let cjk = 0;
  for (const m of sample.matchAll(TOKEN_RE)) {
    tokens++;
    for (const ch of m[0]) {
      chars++;
      if (CHARACTER_SCRIPTS_RE.test(ch)) cjk++;
    }
  }
  const meanTokenChars = tokens > 0 ? chars / tokens : 0;
  const mostlyCjk = cjk / Math.max(1, chars) > 0.5;
  const noSpaces = meanTokenChars > (mostlyCjk ? NO_SPACES_MEAN_CJK_TOKEN_CHARS : NO_SPACES_MEAN_TOKEN_CHARS);
  return { meanTokenChars, noSpaces, canSplitCharacters: noSpaces && mostlyCjk };
}

/** The warning to show for a text without spaces, or null when its words are separated. */
export function spacingWarning(name: string, report: SpacingReport, splitOption: string): string | null {
  if (!report.noSpaces) return null;
  const mean = report.meanTokenChars.toFixed(0);
  const base =
    `${name} has almost no spaces between words (a "word" here is ${mean} characters on average): ` +
    `the vocabulary would be whole clauses, each seen once, and little would be learned.`;
  return report.canSplitCharacters
    ? `${base} For Chinese or Japanese, ${splitOption} treats each character as a word; a word segmenter (jieba, MeCab) does better.`
    : `${base} Split the text into words first (a word segmenter for its language).`;
}

/** Puts spaces around every Chinese or Japanese character, so the tokenizer sees one character per token. */
export function splitCharacters(text: string): string {
  return text.replace(CHARACTER_SCRIPTS_GLOBAL_RE, ' $1 ');
}
