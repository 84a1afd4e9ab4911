// One training example laid out as the forward and backward pass: the sentence and window, the hidden vector h,
// each output word's score, prediction, label and error, the loss, and the gradients that the update will apply.
import type { Example, StepModel } from './stepModel';
import { sentenceWords } from './stepModel';

function vec(v: Float64Array): string {
  return '[' + Array.from(v, (x) => x.toFixed(3)).join(', ') + ']';
}

export function ExampleView({ model, example, applied }: { model: StepModel; example: Example; applied: boolean }) {
  const { words } = model;
  const sentence = sentenceWords(model, example.sentence);
  const skipgram = model.config.model === 'skipgram';
  const negative = model.config.objective === 'negative';
  const inputs = example.inputIds.map((i) => words[i]).join(', ');
  // Show only the top rows of a softmax over the whole vocabulary: the target and the highest predictions.
  const rows = example.outputIds.map((id, j) => ({ id, j }));
  const shown = negative ? rows : [...rows].sort((a, b) => example.predictions[b.j] - example.predictions[a.j]).slice(0, 8);
  if (!negative && !shown.some((r) => r.id === example.centre)) shown.push(rows[example.centre]);
  return (
    <div className="stepper-example">
      <p>
        Sentence:{' '}
        {sentence.map((w, i) => (
          <span key={i} className={i === example.position ? 'stepper-centre' : Math.abs(i - example.position) <= model.window ? 'stepper-context' : undefined}>
            {w}{' '}
          </span>
        ))}
      </p>
      <p>
        {skipgram ? (
          <>Input word <strong>{inputs}</strong> (a context word) predicts the centre word <strong>{words[example.centre]}</strong>.</>
        ) : (
          <>The mean of the context words <strong>{inputs}</strong> predicts the centre word <strong>{words[example.centre]}</strong>.</>
        )}{' '}
        <span className="muted">Window this time: {model.window} on each side.</span>
      </p>
      <p className="stepper-mono">h = {skipgram ? `W_in[${inputs}]` : `mean of W_in rows`} = {vec(example.h)}</p>
      <table className="stepper-table">
        <caption>
          {negative
            ? `Prediction: sigmoid(h · u) for the target and ${model.config.negative} sampled noise words`
            : `Prediction: softmax over all ${words.length} words (the ${shown.length} most likely shown)`}
        </caption>
        <thead>
          <tr>
            <th scope="col">Output word</th>
            <th scope="col">Label</th>
            <th scope="col">Score h · u</th>
            <th scope="col">{negative ? 'sigmoid' : 'softmax'}</th>
            <th scope="col">Error (prediction − label)</th>
          </tr>
        </thead>
        <tbody>
          {shown.map(({ id, j }) => (
            <tr key={`${j}-${id}`}>
              <th scope="row">{words[id]}</th>
              <td>{example.labels[j] === 1 ? '1 (target)' : '0'}</td>
              <td>{example.scores[j].toFixed(3)}</td>
              <td>{example.predictions[j].toFixed(3)}</td>
              <td>{(example.predictions[j] - example.labels[j]).toFixed(3)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        Loss: <strong aria-label="Example loss">{example.loss.toFixed(4)}</strong>{' '}
        <span className="muted">{negative ? '(− log σ(target score) − Σ log σ(− noise score))' : '(− log softmax of the target)'}</span>
      </p>
      <p className="stepper-mono">∂L/∂h = Σ error · u = {vec(example.gradH)}</p>
      <p className="stepper-mono">
        Update: each input row −= {model.config.alpha} × {skipgram ? '∂L/∂h' : `∂L/∂h / ${example.inputIds.length}`}; each output row u −= {model.config.alpha} × error · h.
      </p>
      <p aria-live="polite">{applied ? 'Update applied: the changed rows are outlined.' : 'Not applied yet: press "Apply update".'}</p>
    </div>
  );
}
