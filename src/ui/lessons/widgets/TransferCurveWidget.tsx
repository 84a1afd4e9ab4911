// Lesson 06's transfer curve: the Transfer curve playground in the lesson, started from the directive's pretrained set,
// sizes and seeds (a short run by default, so a class can wait for it).
import { TransferPlayground } from '../../playgrounds/TransferPlayground';
import type { WidgetProps } from './types';

export default function TransferCurveWidget({ attrs, onState }: WidgetProps) {
  // The playground reports its inputs under its own names; the link keeps them as this directive's attributes.
  const report = (p: Record<string, string>) =>
    onState?.({ ...(p.vectors ? { pretrained: p.vectors.replace(/\.elv$/, '') } : {}), ...(p.sizes ? { sizes: p.sizes } : {}), ...(p.seeds ? { seeds: p.seeds } : {}) });
  return <TransferPlayground vectors={attrs.pretrained ? `${attrs.pretrained}.elv` : undefined} sizes={attrs.sizes} seeds={attrs.seeds} onParamsChange={report} />;
}
