// Widget name -> component (each loaded on demand, so a lesson only fetches the widgets it shows) and a title.
import { lazy, type ComponentType } from 'react';
import type { WidgetProps } from './types';
import { playgroundWidget } from './PlaygroundWidget';
import type { LESSON_WIDGET_NAMES, PLAYGROUND_WIDGET_NAMES } from './widgetNames';

export interface WidgetEntry {
  title: string;
  component: ComponentType<WidgetProps>;
}

type Name = (typeof LESSON_WIDGET_NAMES)[number] | (typeof PLAYGROUND_WIDGET_NAMES)[number];

export const WIDGETS: Record<Name, WidgetEntry> & Record<string, WidgetEntry | undefined> = {
  autoencoder: { title: 'Train a 2-D bottleneck', component: lazy(() => import('./AutoencoderWidget')) },
  'context-window': { title: 'Context windows and training pairs', component: lazy(() => import('./ContextWindowWidget')) },
  'softmax-cost': { title: 'Softmax versus negative sampling', component: lazy(() => import('./SoftmaxCostWidget')) },
  cosine: { title: 'Cosine similarity, step by step', component: lazy(() => import('./CosineWidget')) },
  'tsne-runs': { title: 't-SNE runs side by side, and PCA', component: lazy(() => import('./TsneRunsWidget')) },
  subword: { title: 'Character n-grams (fastText)', component: lazy(() => import('./SubwordWidget')) },
  merges: { title: 'BPE and WordPiece, merge by merge', component: lazy(() => import('./MergeStepperWidget')) },
  lookup: { title: 'The embedding layer is a lookup table', component: lazy(() => import('./LookupWidget')) },
  'loss-compare': { title: 'Cross-entropy versus contrastive losses', component: lazy(() => import('./LossCompareWidget')) },
  padding: { title: 'Batches, padding and bucketing', component: lazy(() => import('./PaddingWidget')) },
  finetune: { title: 'Fine-tune on a domain text', component: lazy(() => import('./FineTuneWidget')) },
  'domain-shift': { title: 'One word, two corpora', component: lazy(() => import('./DomainShiftWidget')) },
  'semantic-search': { title: 'Semantic search with mean word vectors', component: lazy(() => import('./SemanticSearchWidget')) },
  recommend: { title: 'Recommend from sessions (item2vec)', component: lazy(() => import('./RecommendWidget')) },
  probe: { title: 'A part-of-speech probe, with its control task', component: lazy(() => import('./ProbeWidget')) },
  objectives: { title: 'What you did this week', component: lazy(() => import('./ObjectivesWidget')) },
  'image-text': { title: 'Pictures and captions in one space', component: lazy(() => import('./ImageTextWidget')) },
  'compare-spaces': { title: 'Two corpora against two seeds', component: lazy(() => import('./CompareSpacesWidget')) },
  'transfer-curve': { title: 'The transfer curve', component: lazy(() => import('./TransferCurveWidget')) },
  contextual: { title: 'One word, a vector per sentence', component: lazy(() => import('./ContextualWidget')) },
  analogy: { title: 'Analogies', component: playgroundWidget('analogy') },
  similarity: { title: 'Similarity and neighbours', component: playgroundWidget('similarity') },
  arithmetic: { title: 'Vector arithmetic', component: playgroundWidget('arithmetic') },
  axes: { title: 'Semantic axes', component: playgroundWidget('axes') },
  evaluation: { title: 'Evaluate the vectors', component: playgroundWidget('evaluation') },
  bias: { title: 'Measuring bias', component: playgroundWidget('bias') },
  search: { title: 'Search 500 Brown documents: keywords against word vectors', component: playgroundWidget('search') },
};
