// A ranked list of words with scores, as a real table (screen readers announce rows and columns; tests read it).
import { fmt } from './words';

export interface ResultRow {
  word: string;
  score: number;
  /** Marks a row, e.g. "query word" when query words are kept. */
  note?: string;
}

export function ResultsTable(props: { caption: string; rows: ResultRow[]; scoreLabel?: string; digits?: number }) {
  if (props.rows.length === 0) return null;
  const hasNotes = props.rows.some((r) => r.note);
  return (
    <table className="results-table" aria-label={props.caption}>
      <caption>{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">#</th>
          <th scope="col">Word</th>
          <th scope="col">{props.scoreLabel ?? 'Cosine'}</th>
          {hasNotes && <th scope="col">Note</th>}
        </tr>
      </thead>
      <tbody>
        {props.rows.map((r, i) => (
          <tr key={`${r.word}-${i}`} data-word={r.word} data-score={r.score}>
            <td>{i + 1}</td>
            <td className="word">{r.word}</td>
            <td className="num">{fmt(r.score, props.digits ?? 3)}</td>
            {hasNotes && <td>{r.note ?? ''}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
