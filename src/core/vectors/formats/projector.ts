// TensorFlow Embedding Projector files: vectors.tsv (tab-separated numbers, one row per point, no words) and
// metadata.tsv (one label per line when it has a single column, no header; with several columns the first line is
// a header and the labels come from a column named word/label/token/name, else the first column).
import type { KeyedVectors } from '../keyedVectors';
import { checkShape, VectorFormatError } from './errors';
import { chunksOf, forEachLine, type ByteInput, type ReadControl } from './lines';
import { namedDuplicates, RowStore } from './rowStore';
import { checkWordForText, formatRow, parseNumbersInto, splitFields } from './textRows';
import { checkMaxWords, type ReadResult } from './types';

export type TextInput = string | ByteInput;
const LABEL_COLUMNS = ['word', 'label', 'token', 'name'];

function toBytes(input: TextInput): ByteInput {
  return typeof input === 'string' ? new TextEncoder().encode(input) : input;
}

/** Labels from metadata.tsv, with the line each came from. */
async function readLabels(input: TextInput, fileName: string, control: ReadControl): Promise<{ labels: string[]; lines: number[] }> {
  const rows: { fields: string[]; line: number }[] = [];
  await forEachLine(chunksOf(toBytes(input), control), fileName, (line, lineNo) => {
    rows.push({ fields: line.split('\t'), line: lineNo });
  });
  while (rows.length > 0 && rows[rows.length - 1]!.fields.join('').trim() === '') rows.pop();
  if (rows.length === 0) throw new VectorFormatError('the file is empty', { fileName });
  const multiColumn = rows.some((r) => r.fields.length > 1);
  let column = 0;
  let body = rows;
  if (multiColumn) {
    const header = rows[0]!.fields.map((f) => f.trim().toLowerCase());
    const named = header.findIndex((h) => LABEL_COLUMNS.includes(h));
    column = named >= 0 ? named : 0;
    body = rows.slice(1);
  }
  const labels = body.map((r) => {
    const label = (r.fields[column] ?? '').trim();
    if (label === '') throw new VectorFormatError(`empty label in column ${column + 1}`, { fileName, line: r.line });
    return label;
  });
  return { labels, lines: body.map((r) => r.line) };
}

export async function readProjectorTsv(
  vectorsTsv: TextInput,
  metadataTsv?: TextInput,
  o: ReadControl & { maxWords?: number; metadataFileName?: string; onInfo?: (m: string) => void } = {},
): Promise<ReadResult> {
  const fileName = o.fileName ?? 'vectors.tsv';
  const metaName = o.metadataFileName ?? 'metadata.tsv';
  const maxWords = checkMaxWords(o.maxWords);
  const control: ReadControl = { signal: o.signal };
  const labels = metadataTsv === undefined ? null : (await readLabels(metadataTsv, metaName, control)).labels;
  let store: RowStore | null = null;
  let row = 0;
  let truncated = false;
  await forEachLine(chunksOf(toBytes(vectorsTsv), { ...control, onProgress: o.onProgress }), fileName, (line, lineNo) => {
    const fields = splitFields(line);
    if (fields.length === 0) return;
    const where = { fileName, line: lineNo };
    if (store === null) {
      checkShape(0, fields.length, where);
      store = new RowStore(fields.length, labels?.length ?? null, maxWords);
    }
    if (labels !== null && row >= labels.length) {
      throw new VectorFormatError(`more rows than the ${labels.length} labels in ${metaName}`, where);
    }
    const offset = store.nextOffset(where);
    parseNumbersInto(fields, 0, store.dim, store.data, offset, where, 'in this row as in the first');
    store.commit(labels === null ? String(row) : labels[row]!);
    row++;
    if (store.full) {
      truncated = labels === null || row < labels.length;
      return false;
    }
  });
  const done = store as RowStore | null;
  if (done === null) throw new VectorFormatError('the file is empty', { fileName });
  if (labels !== null && !truncated && row < labels.length) {
    throw new VectorFormatError(`${metaName} has ${labels.length} labels but ${fileName} has ${row} rows`, { fileName });
  }
  if (done.duplicates > 0) o.onInfo?.(`${done.duplicates} repeated labels were skipped (${namedDuplicates(done.duplicates, done.duplicateWords)}; the first row of each is kept)`);
  return { kv: done.finish(), format: 'projector-tsv', duplicates: done.duplicates, truncated };
}

export function writeProjectorTsv(kv: KeyedVectors): { vectors: string; metadata: string } {
  const vectors = new Array<string>(kv.size);
  const metadata = new Array<string>(kv.size);
  for (let i = 0; i < kv.size; i++) {
    checkWordForText(kv.words[i]!, i, /[\t\n\r]/, 'an Embedding Projector label');
    vectors[i] = `${formatRow(kv.vectors, i * kv.dim, kv.dim, '\t')}\n`;
    metadata[i] = `${kv.words[i]}\n`;
  }
  return { vectors: vectors.join(''), metadata: metadata.join('') };
}
