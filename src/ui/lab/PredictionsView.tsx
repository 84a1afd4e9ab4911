// A contextual model's live view in the lab: a few sentences of the corpus with one word hidden, and the model's
// top guesses for it, refreshed as it trains. Such a model has no single vector per word, so the map above stays
// empty; the note says where its vectors can be explored.
import { useLabStore } from '../../state/labStore';

export function PredictionsView() {
  const rows = useLabStore((s) => s.predictions);
  if (!rows) return null;
  return (
    <section className="predictions-view" aria-label="Live guesses for hidden words">
      <h2 className="small-heading">What the model guesses</h2>
      <p className="muted small">
        One word of each sentence is hidden; the model's three likeliest words for it, with their probabilities. A
        contextual model gives a word a new vector in every sentence, so it has none to draw on the map: explore them in
        Playgrounds → <a href="#/playgrounds/context">Words in context</a>.
      </p>
      <table aria-label="Live guesses">
        <thead>
          <tr>
            <th scope="col">Sentence</th>
            <th scope="col">Hidden word</th>
            <th scope="col">Guesses</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>
              <td>{r.words.map((w, j) => (j === r.position ? '___' : w)).join(' ')}</td>
              <td>{r.words[r.position]}</td>
              <td>{r.guesses.map((g) => `${g.token} ${(100 * g.p).toFixed(0)}%`).join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
