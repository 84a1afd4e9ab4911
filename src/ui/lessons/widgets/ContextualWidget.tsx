// The lesson face of the "Words in context" playground: the same shipped masked-language model, with the lesson's
// word, sentences (separated by " | " in the directive) and masked sentence as starting inputs.
import { ContextPlayground } from '../../playgrounds/ContextPlayground';
import type { WidgetProps } from './types';

/** Separates sentences inside the one-line `sentences` attribute. */
const SENTENCE_SEPARATOR = '|';

export default function ContextualWidget({ attrs, onState }: WidgetProps) {
  const sentences = attrs.sentences?.split(SENTENCE_SEPARATOR).map((s) => s.trim()).filter(Boolean).join('\n');
  return (
    <ContextPlayground
      word={attrs.word}
      sentences={sentences}
      masked={attrs.masked}
      onParamsChange={(p) => onState?.({ word: p.word ?? attrs.word ?? '', sentences: (p.s ?? sentences ?? '').split('\n').join(' | '), masked: p.mask ?? attrs.masked ?? '' })}
    />
  );
}
