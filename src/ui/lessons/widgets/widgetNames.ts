// Every widget name a lesson may use in ::name{...}. Kept apart from the registry so the parser (and its tests)
// can validate directives without loading React components.
export const LESSON_WIDGET_NAMES = [
  'autoencoder',
  'context-window',
  'softmax-cost',
  'cosine',
  'tsne-runs',
  'subword',
  'merges',
  'lookup',
  'loss-compare',
  'padding',
  'finetune',
  'domain-shift',
  'semantic-search',
  'recommend',
  'probe',
  'objectives',
  'image-text',
  'compare-spaces',
  'transfer-curve',
  'contextual',
] as const;

export const PLAYGROUND_WIDGET_NAMES = ['analogy', 'similarity', 'arithmetic', 'axes', 'evaluation', 'bias', 'search'] as const;

export const WIDGET_NAMES: readonly string[] = [...LESSON_WIDGET_NAMES, ...PLAYGROUND_WIDGET_NAMES];
