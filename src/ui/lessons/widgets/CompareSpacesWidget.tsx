// Lesson 07's measured domain shift: the Compare spaces playground in the lesson (Brown against SOTU, each with its
// second training seed as the noise baseline; or two vectors files of the student's own).
import { ComparePlayground } from '../../playgrounds/ComparePlayground';
import type { WidgetProps } from './types';

export default function CompareSpacesWidget(_props: WidgetProps) {
  return <ComparePlayground />;
}
