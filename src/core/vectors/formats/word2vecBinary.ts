// word2vec binary (word2vec.c, GoogleNews-vectors-negative300.bin): an ASCII "count dim\n" header, then per word
// the word's UTF-8 bytes, a space, dim little-endian float32 numbers and (from word2vec.c, not gensim) a newline.
// Streaming: only one partial row is carried between chunks; rows are copied straight into the Float32Array.
import type { KeyedVectors } from '../keyedVectors';
import { checkShape, MAX_WORD_BYTES, VectorFormatError } from './errors';
import { concatBytes } from './lines';
import { RowStore } from './rowStore';
import type { ReadResult } from './types';

const SPACE = 0x20;
const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;
/** "3000000 300" is 11 bytes; anything much longer before the first newline is not a header. */
const MAX_HEADER_BYTES = 64;
const HEADER = /^(\d+) (\d+)\s*$/;
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

export async function readWord2VecBinary(
  chunks: AsyncIterable<Uint8Array>,
  o: { fileName?: string; maxWords: number; onInfo?: (m: string) => void },
): Promise<ReadResult> {
  const { fileName, maxWords } = o;
  const wordDecoder = new TextDecoder('utf-8'); // not fatal: GoogleNews has a few words with broken UTF-8
  let pending: Uint8Array = new Uint8Array(0);
  let consumed = 0; // bytes before `pending`
  let store: RowStore | null = null;
  let declared = 0;
  let rowsSeen = 0;
  let brokenWords = 0;
  let truncated = false;
  const fail = (detail: string, line?: number): never => {
    throw new VectorFormatError(detail, { fileName, line });
  };

  const parseHeader = (buf: Uint8Array): number => {
    const end = buf.indexOf(NEWLINE);
    if (end < 0) {
      if (buf.length > MAX_HEADER_BYTES) fail('expected a header "<word count> <dimension>" on the first line', 1);
      return 0;
    }
    const text = new TextDecoder('utf-8').decode(buf.subarray(0, end));
    const m = HEADER.exec(text.trim());
    if (m === null) fail(`expected a header "<word count> <dimension>", found ${JSON.stringify(text.slice(0, 60))}`, 1);
    declared = Number(m![1]);
    const dim = Number(m![2]);
    checkShape(declared, dim, { fileName, line: 1 }, maxWords);
    store = new RowStore(dim, declared, maxWords);
    return end + 1;
  };

  // Parses as many whole rows as buf holds from pos; returns the new position, or -1 when reading should stop.
  const parseRows = (buf: Uint8Array, pos: number): number => {
    const s = store!;
    const rowBytes = s.dim * 4;
    while (pos < buf.length) {
      if (rowsSeen >= declared) {
        for (let k = pos; k < buf.length; k++) {
          const b = buf[k]!;
          if (b !== NEWLINE && b !== CARRIAGE_RETURN && b !== SPACE) {
            fail(`data continues after the ${declared} words the header announced (byte ${consumed + k}): the size does not match the header`);
          }
        }
        return buf.length;
      }
      if (buf[pos] === NEWLINE) {
        pos++;
        continue;
      }
      const space = buf.indexOf(SPACE, pos);
      const wordLength = (space < 0 ? buf.length : space) - pos;
      if (wordLength > MAX_WORD_BYTES) {
        fail(`word ${rowsSeen + 1} (byte ${consumed + pos}): no space within ${MAX_WORD_BYTES} bytes; not a word2vec binary file, or its header is wrong`);
      }
      if (space < 0 || space + 1 + rowBytes > buf.length) return pos; // wait for more bytes
      if (wordLength === 0) fail(`word ${rowsSeen + 1} (byte ${consumed + pos}) is empty`);
      const word = wordDecoder.decode(buf.subarray(pos, space));
      if (word.includes('\ufffd')) brokenWords++;
      const offset = s.nextOffset({ fileName });
      const src = buf.subarray(space + 1, space + 1 + rowBytes);
      if (LITTLE_ENDIAN) new Uint8Array(s.data.buffer, s.data.byteOffset + offset * 4, rowBytes).set(src);
      else {
        const view = new DataView(src.buffer, src.byteOffset, rowBytes);
        for (let k = 0; k < s.dim; k++) s.data[offset + k] = view.getFloat32(k * 4, true);
      }
      for (let k = 0; k < s.dim; k++) {
        const v = s.data[offset + k]!;
        if (v !== v || v === Infinity || v === -Infinity) {
          fail(`word ${rowsSeen + 1} ("${word}"): value ${k + 1} of ${s.dim} is ${v}; vectors must be finite numbers`);
        }
      }
      s.commit(word);
      rowsSeen++;
      pos = space + 1 + rowBytes;
      if (s.full && rowsSeen < declared) {
        truncated = true;
        return -1;
      }
    }
    return pos;
  };

  for await (const chunk of chunks) {
    const buf = pending.length > 0 ? concatBytes([pending, chunk]) : chunk;
    let pos = 0;
    if (store === null) {
      pos = parseHeader(buf);
      if (store === null) {
        pending = buf.slice();
        continue;
      }
    }
    const next = parseRows(buf, pos);
    if (next < 0) break;
    consumed += next;
    pending = buf.slice(next);
  }

  const done = store as RowStore | null;
  if (done === null) {
    if (consumed + pending.length === 0) fail('the file is empty');
    fail('expected a header "<word count> <dimension>" followed by a newline', 1);
  }
  if (!truncated && rowsSeen < declared) {
    const partial = pending.some((b) => b !== NEWLINE && b !== CARRIAGE_RETURN && b !== SPACE);
    fail(
      `the header announced ${declared} words of ${done!.dim} numbers but the file ends ${partial ? 'inside' : 'before'} word ${rowsSeen + 1} (byte ${consumed + pending.length}): is it truncated?`,
    );
  }
  if (brokenWords > 0) {
    o.onInfo?.(`${brokenWords} word${brokenWords === 1 ? '' : 's'} had invalid UTF-8 bytes, shown as \ufffd`);
  }
  return { kv: done!.finish(), format: 'word2vec-binary', duplicates: done!.duplicates, duplicateWords: done!.duplicateWords, truncated, declaredCount: declared };
}

/** word2vec.c's layout: header line, then "word " + float32 LE x dim + "\n" per word. */
export function writeWord2VecBinary(kv: KeyedVectors): Uint8Array {
  const encoder = new TextEncoder();
  const header = encoder.encode(`${kv.size} ${kv.dim}\n`);
  const encoded = kv.words.map((w, i) => {
    if (w === '' || /[ \n]/.test(w)) throw new Error(`word ${i + 1} (${JSON.stringify(w)}) cannot be written as word2vec binary: it is empty or holds a space or newline`);
    return encoder.encode(w);
  });
  const rowBytes = kv.dim * 4;
  const total = header.length + encoded.reduce((s, w) => s + w.length + 2 + rowBytes, 0);
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  out.set(header, 0);
  let at = header.length;
  encoded.forEach((w, i) => {
    out.set(w, at);
    at += w.length;
    out[at++] = SPACE;
    for (let k = 0; k < kv.dim; k++, at += 4) view.setFloat32(at, kv.vectors[i * kv.dim + k]!, true);
    out[at++] = NEWLINE;
  });
  return out;
}
