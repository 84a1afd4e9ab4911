// GloVe text: "word v1 ... vdim" rows with no header; the reader shares word2vec text's row parser.
import type { KeyedVectors } from '../keyedVectors';
import { formatWordRows } from './word2vecText';

export { readWordRows } from './word2vecText';

export function writeGloveText(kv: KeyedVectors): string {
  return formatWordRows(kv, 'GloVe text').map((l) => `${l}\n`).join('');
}
