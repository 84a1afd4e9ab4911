// The "Unseen words" playground: any word, seen or not, through a fastText model (the shipped one, or one saved or
// loaded in the lab, with its n-gram table): its n-grams, each one's share of the vector, its neighbours, and a
// second word beside it. The inputs live in the link (#/playgrounds/unseen?word=recieve&other=receive).
import { useId, useState } from 'react';
import { useSubwordModelsStore } from '../../state/subwordModels';
import { SubwordExplorer } from '../lessons/widgets/SubwordWidget';
import type { ParamsChange } from './usePlaygroundParams';

type Source = 'lab' | 'shipped';

export interface UnseenWordsProps {
  word?: string;
  other?: string;
  onParamsChange?: ParamsChange;
}

export function unseenWordsPropsFromParams(p: URLSearchParams): UnseenWordsProps {
  return { word: p.get('word') ?? undefined, other: p.get('other') ?? undefined };
}

export function UnseenWordsPlayground({ word = 'recieve', other = 'receive', onParamsChange }: UnseenWordsProps) {
  // A fastText model saved or loaded in the lab is offered beside the shipped one, and used first: the student chose it.
  const lab = useSubwordModelsStore((s) => s.lab);
  const [source, setSource] = useState<Source>('lab');
  const selectId = useId();
  const useLab = lab !== null && source === 'lab';
  return (
    <section aria-label="Unseen words">
      <p className="lead">
        fastText builds a word's vector from its character n-grams, so a word it never saw (a misspelling, a rare
        derivation) still gets one. Type any word, and a second one to compare it with.
      </p>
      {lab && (
        <p className="controls">
          <label htmlFor={selectId}>fastText model </label>
          <select id={selectId} value={useLab ? 'lab' : 'shipped'} onChange={(e) => setSource(e.target.value as Source)}>
            <option value="lab">{lab.label} (from the lab)</option>
            <option value="shipped">Brown fastText (shipped)</option>
          </select>
        </p>
      )}
      <SubwordExplorer word={word} other={other} model={useLab ? lab : null} onChange={(w, o) => onParamsChange?.({ word: w, other: o })} />
    </section>
  );
}
