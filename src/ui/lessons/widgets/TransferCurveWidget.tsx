// Lesson 06's transfer curve: the Transfer curve playground in the lesson, started from the directive's pretrained set,
// sizes and seeds (a short run by default, so a class can wait for it).
import { TransferPlayground } from '../../playgrounds/TransferPlayground';
import type { WidgetProps } from './types';

export default function TransferCurveWidget({ attrs }: WidgetProps) {
  return <TransferPlayground vectors={attrs.pretrained ? `${attrs.pretrained}.elv` : undefined} sizes={attrs.sizes} seeds={attrs.seeds} />;
}
