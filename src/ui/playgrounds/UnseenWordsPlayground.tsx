// The "Unseen words" playground: any word, seen or not, through the shipped fastText model: its n-grams, each
// one's share of the vector, its neighbours, and a second word beside it. The inputs live in the link
// (#/playgrounds/unseen?word=recieve&other=receive).
import { SubwordExplorer } from '../lessons/widgets/SubwordWidget';
import type { ParamsChange } from './usePlaygroundParams';

export interface UnseenWordsProps {
  word?: string;
  other?: string;
  onParamsChange?: ParamsChange;
}

export function unseenWordsPropsFromParams(p: URLSearchParams): UnseenWordsProps {
  return { word: p.get('word') ?? undefined, other: p.get('other') ?? undefined };
}

export function UnseenWordsPlayground({ word = 'recieve', other = 'receive', onParamsChange }: UnseenWordsProps) {
  return (
    <section aria-label="Unseen words">
      <p className="lead">
        fastText builds a word's vector from its character n-grams, so a word it never saw (a misspelling, a rare
        derivation) still gets one. Type any word, and a second one to compare it with.
      </p>
      <SubwordExplorer word={word} other={other} onChange={(w, o) => onParamsChange?.({ word: w, other: o })} />
    </section>
  );
}
