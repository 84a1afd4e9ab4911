// The lessons' "image-text" widget: the Images and captions playground inside a lesson step, starting from the
// directive's caption; the caption typed is reported so the step's link reopens it.
import { ImageTextPlayground } from '../../playgrounds/ImageTextPlayground';
import type { WidgetProps } from './types';

export default function ImageTextWidget({ attrs, onState }: WidgetProps) {
  return <ImageTextPlayground q={attrs.query} onParamsChange={(p) => onState?.({ query: p.q ?? '' })} />;
}
