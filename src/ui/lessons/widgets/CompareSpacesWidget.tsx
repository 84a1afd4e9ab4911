// Lesson 07's measured domain shift: the Compare spaces playground in the lesson (Brown against SOTU, each with its
// second training seed as the noise baseline; or two vectors files of the student's own). The four sets chosen go
// into the step's link, so a slide reopens the same comparison.
import { ComparePlayground } from '../../playgrounds/ComparePlayground';
import type { WidgetProps } from './types';

export default function CompareSpacesWidget({ attrs, onState }: WidgetProps) {
  return <ComparePlayground a={attrs.a} b={attrs.b} a2={attrs.a2} b2={attrs.b2} onParamsChange={onState} />;
}
