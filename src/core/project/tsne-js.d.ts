// tsne-js 1.0.3 ships no types. Only what tsneJsEngine.ts touches is declared, private members included, since its
// warm start has to reach into them (see docs/measurements.md, "t-SNE and plotting").
declare module 'tsne-js' {
  interface NdArray {
    data: Float64Array;
    shape: number[];
    size: number;
  }
  export default class TSNE {
    constructor(config?: { dim?: number; perplexity?: number; earlyExaggeration?: number; learningRate?: number; nIter?: number; metric?: string });
    init(opts: { data: number[][]; type?: 'dense' | 'sparse' }): void;
    inputData: NdArray;
    outputEmbedding: NdArray;
    P: NdArray;
    alpha: number;
    learningRate: number;
    _gradDesc(iter: number, nIter: number, momentum: number, minGradNorm?: number, minErrorDiff?: number): [number, number];
  }
}
declare module 'tsne-js/dist/pairwise-distances' {
  const pairwiseDistances: (data: unknown, metric: string) => { data: Float64Array; shape: number[] };
  export default pairwiseDistances;
}
declare module 'tsne-js/dist/joint-probabilities' {
  const jointProbabilities: (distances: unknown, perplexity: number) => { data: Float64Array; shape: number[]; size: number };
  export default jointProbabilities;
}
