// The playgrounds helper's components (src/ui/playgrounds/index.ts) inside a lesson. Directive attributes become
// their initial-input props ("true"/"false" -> booleans, numbers for topn). Looked up with import.meta.glob so a
// build without the playgrounds still renders the lesson with a clear message.
import { lazy, type ComponentType } from 'react';
import type { WidgetProps } from './types';

type PlaygroundModule = Record<string, ComponentType<Record<string, unknown>>>;
const modules = import.meta.glob<PlaygroundModule>('../../playgrounds/index.ts');

export const PLAYGROUND_COMPONENTS: Record<string, string> = {
  analogy: 'AnalogyPlayground',
  similarity: 'SimilarityPlayground',
  arithmetic: 'ArithmeticPlayground',
  axes: 'AxesPlayground',
  evaluation: 'EvaluationPlayground',
  bias: 'BiasPlayground',
  search: 'SearchPlayground',
};

const NUMERIC = new Set(['topn', 'seed']);

function toProps(attrs: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'vectors') continue; // chosen by the frame around the widget, not a playground input
    out[k] = v === 'true' ? true : v === 'false' ? false : NUMERIC.has(k) && Number.isFinite(Number(v)) ? Number(v) : v;
  }
  return out;
}

function Missing({ what }: { what: string }) {
  return <p role="alert">The {what} is not part of this build of the lab.</p>;
}

/** One lazily loaded lesson widget per playground name. */
export function playgroundWidget(name: string): ComponentType<WidgetProps> {
  const exportName = PLAYGROUND_COMPONENTS[name];
  return lazy(async () => {
    const load = Object.values(modules)[0];
    const mod = load ? await load() : null;
    const C = mod?.[exportName];
    if (!C) return { default: () => <Missing what={`${exportName} playground`} /> };
    return { default: ({ attrs, onState }: WidgetProps) => <C {...toProps(attrs)} onParamsChange={onState} /> };
  });
}
