// What the playgrounds offer to the rest of the app (lessons embed these; see helpers/CONTRACTS.md).
export { AnalogyPlayground, type AnalogyProps } from './AnalogyPlayground';
export { SimilarityPlayground, type SimilarityProps } from './SimilarityPlayground';
export { ArithmeticPlayground, type ArithmeticProps } from './ArithmeticPlayground';
export { AxesPlayground, type AxesProps } from './AxesPlayground';
export { EvaluationPlayground, type EvaluationProps } from './EvaluationPlayground';
export { BiasPlayground, type BiasProps } from './BiasPlayground';
export { SearchPlayground, type SearchProps } from './SearchPlayground';
export { VectorsPicker } from './VectorsPicker';
export { useActiveVectors, ensureShippedVectors, loadShipped, loadFromFiles, loadFromUrl } from './shippedVectors';
export { WordInput } from './WordInput';
export { ResultsTable } from './ResultsTable';
export { ImageTextPlayground, type ImageTextProps } from './ImageTextPlayground';
export { ContextPlayground, type ContextProps } from './ContextPlayground';
