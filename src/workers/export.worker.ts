// Writes vector files off the main thread. word2vec text of the lab's Brown model (14,000 words x 100 floats) is
// about 15 MB of text: building it on the page would stall the live map and the controls while training runs.
// Called through comlink (src/ui/lab/exportFiles.ts); each export gets a fresh worker, terminated when done.
import { expose } from 'comlink';
import { writeProjectorTsv, writeWord2VecText } from '../core/vectors/formats';
import { KeyedVectors } from '../core/vectors/keyedVectors';

export interface ExportedFile {
  name: string;
  blob: Blob;
}

const api = {
  word2vecText(base: string, words: string[], vectors: Float32Array, dim: number): ExportedFile[] {
    const kv = new KeyedVectors(words, vectors, dim);
    return [{ name: `${base}.txt`, blob: new Blob([writeWord2VecText(kv)], { type: 'text/plain;charset=utf-8' }) }];
  },
  projectorTsv(base: string, words: string[], vectors: Float32Array, dim: number): ExportedFile[] {
    const { vectors: rows, metadata } = writeProjectorTsv(new KeyedVectors(words, vectors, dim));
    return [
      { name: `${base}-vectors.tsv`, blob: new Blob([rows], { type: 'text/tab-separated-values' }) },
      { name: `${base}-metadata.tsv`, blob: new Blob([metadata], { type: 'text/tab-separated-values' }) },
    ];
  },
};

export type ExportApi = typeof api;

expose(api);
