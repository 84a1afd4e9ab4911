// The Playgrounds page: one tab per playground at #/playgrounds/<name>, its inputs in the query string
// (#/playgrounds/analogy?a=man&b=king&c=woman), plus the vectors picker at #/playgrounds/vectors.
import { replaceParams, useRoute } from '../../state/route';
import { ActiveVectorsSelect } from './ActiveVectorsSelect';
import { AnalogyPlayground, analogyPropsFromParams } from './AnalogyPlayground';
import { ArithmeticPlayground, arithmeticPropsFromParams } from './ArithmeticPlayground';
import { AxesPlayground, axesPropsFromParams } from './AxesPlayground';
import { ComparePlayground, comparePropsFromParams } from './ComparePlayground';
import { ContextPlayground, contextPropsFromParams } from './ContextPlayground';
import { BiasPlayground, biasPropsFromParams } from './BiasPlayground';
import { EvaluationPlayground, evaluationPropsFromParams } from './EvaluationPlayground';
import { SearchPlayground, searchPropsFromParams } from './SearchPlayground';
import { ScorecardPlayground } from './ScorecardPlayground';
import { SimilarityPlayground, similarityPropsFromParams } from './SimilarityPlayground';
import { UnseenWordsPlayground, unseenWordsPropsFromParams } from './UnseenWordsPlayground';
import { TransferPlayground, transferPropsFromParams } from './TransferPlayground';
import { VectorsPicker } from './VectorsPicker';
import { ImageTextPlayground, imageTextPropsFromParams } from './ImageTextPlayground';

export const PLAYGROUNDS = [
  { id: 'analogy', label: 'Analogy', blurb: 'a is to b as c is to ?, with 3CosAdd and 3CosMul, drawn in 2-D.' },
  { id: 'similarity', label: 'Similarity', blurb: 'Cosine of two words, nearest neighbours, odd one out, a walk between words.' },
  { id: 'arithmetic', label: 'Arithmetic', blurb: 'Free expressions such as king - man + woman or 0.5*good + 0.5*bad.' },
  { id: 'axes', label: 'Semantic axes', blurb: 'Words projected on he − she, good − bad, rich − poor…' },
  { id: 'evaluation', label: 'Evaluation', blurb: 'Analogy accuracy per section and similarity Spearman on benchmark sets.' },
  { id: 'bias', label: 'Bias', blurb: 'WEAT, a gender direction, and hard debiasing before and after.' },
  { id: 'search', label: 'Search', blurb: 'Search 500 Brown documents: BM25 keywords against averaged and SIF word vectors.' },
  { id: 'compare', label: 'Compare spaces', blurb: 'Map one space onto another (Procrustes), retrieve held-out words, and find words that moved beyond noise.' },
  { id: 'scorecard', label: 'Scorecard', blurb: 'Every benchmark at once, intrinsic and extrinsic, with baselines and noise; where they rank vector sets differently.' },
  { id: 'transfer', label: 'Transfer curve', blurb: 'Genre accuracy against labelled documents from random, frozen and fine-tuned vectors, over seeds.' },
  { id: 'unseen', label: 'Unseen words', blurb: 'fastText builds a vector for any word from its n-grams: misspellings, rare words.' },
  { id: 'imagetext', label: 'Images and captions', blurb: 'A picture encoder and a caption encoder trained into one space: retrieval both ways, held-out pairs, training.' },
  { id: 'context', label: 'Words in context', blurb: 'One word, one vector per sentence: a small transformer, its guesses for hidden words and its attention.' },
  { id: 'vectors', label: 'Vectors', blurb: 'Choose the shipped vectors, the lab\'s, or load your own file.' },
] as const;

export default function PlaygroundsPage() {
  const route = useRoute();
  const name = route.rest[0] ?? '';
  const params = route.params;
  const onParamsChange = (p: Record<string, string>) => {
    const next = new URLSearchParams(p);
    const present = new URLSearchParams(window.location.hash.split('?')[1] ?? '').get('present');
    if (present) next.set('present', present);
    replaceParams(next);
  };
  // A new key on real navigation (hashchange) resets the inputs to what the link says.
  const key = `${name}?${params.toString()}`;
  let body;
  switch (name) {
    case 'analogy':
      body = <AnalogyPlayground key={key} {...analogyPropsFromParams(params)} onParamsChange={onParamsChange} />;
      break;
    case 'similarity':
      body = <SimilarityPlayground key={key} {...similarityPropsFromParams(params)} onParamsChange={onParamsChange} />;
      break;
    case 'arithmetic':
      body = <ArithmeticPlayground key={key} {...arithmeticPropsFromParams(params)} onParamsChange={onParamsChange} />;
      break;
    case 'axes':
      body = <AxesPlayground key={key} {...axesPropsFromParams(params)} onParamsChange={onParamsChange} />;
      break;
    case 'evaluation':
      body = <EvaluationPlayground key={key} {...evaluationPropsFromParams(params)} onParamsChange={onParamsChange} />;
      break;
    case 'bias':
      body = <BiasPlayground key={key} {...biasPropsFromParams(params)} onParamsChange={onParamsChange} />;
      break;
    case 'search':
      body = <SearchPlayground key={key} {...searchPropsFromParams(params)} onParamsChange={onParamsChange} />;
      break;
    case 'compare':
      body = <ComparePlayground key={key} {...comparePropsFromParams(params)} onParamsChange={onParamsChange} />;
      break;
    case 'scorecard':
      body = <ScorecardPlayground />;
      break;
    case 'transfer':
      body = <TransferPlayground key={key} {...transferPropsFromParams(params)} onParamsChange={onParamsChange} />;
      break;
    case 'unseen':
      body = <UnseenWordsPlayground key={key} {...unseenWordsPropsFromParams(params)} onParamsChange={onParamsChange} />;
      break;
    case 'imagetext':
      body = <ImageTextPlayground key={key} {...imageTextPropsFromParams(params)} onParamsChange={onParamsChange} />;
      break;
    case 'context':
      body = <ContextPlayground key={key} {...contextPropsFromParams(params)} onParamsChange={onParamsChange} />;
      break;
    case 'vectors':
      body = <VectorsPicker />;
      break;
    default:
      body = (
        <>
          <p className="lead">Take the vectors apart. Each playground has its own link, so a question can be shared as a URL.</p>
          <ul className="home-cards">
            {PLAYGROUNDS.map((p) => (
              <li key={p.id}>
                <a href={`#/playgrounds/${p.id}`}>
                  <strong>{p.label}</strong>
                  <span>{p.blurb}</span>
                </a>
              </li>
            ))}
          </ul>
          {name !== '' && (
            <p role="alert">
              There is no playground called "{name}". Choose one above.
            </p>
          )}
        </>
      );
  }
  return (
    <div className="playgrounds-page">
      <div className="playgrounds-head">
        <h1>Playgrounds</h1>
        <ActiveVectorsSelect />
      </div>
      <nav aria-label="Playgrounds" className="tabs">
        <ul>
          {PLAYGROUNDS.map((p) => (
            <li key={p.id}>
              <a href={`#/playgrounds/${p.id}`} aria-current={name === p.id ? 'page' : undefined}>
                {p.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {body}
    </div>
  );
}
