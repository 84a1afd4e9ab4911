// What went wrong and what to do: divergence (with the suggested learning rate, one click to apply), an engine that
// failed and what replaced it, a crashed worker, a file that is not text. Plus notes on ignored link values.
import { applySuggestedAlpha } from '../../state/labController';
import { useLabStore } from '../../state/labStore';

const TITLES = {
  divergence: 'Training diverged',
  backend: 'Engine problem',
  input: 'This text cannot be used',
  corpus: 'The corpus could not be read',
  crash: 'The training worker crashed',
  query: 'Search',
  info: 'Note',
} as const;

export function NoticeList() {
  const notices = useLabStore((s) => s.notices);
  const urlNotes = useLabStore((s) => s.urlNotes);
  const dismiss = useLabStore((s) => s.dismissNotice);
  const set = useLabStore((s) => s.set);
  return (
    <div className="notices">
      {urlNotes.length > 0 && (
        <div className="notice note" role="note" aria-label="Link settings">
          <ul>
            {urlNotes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
          <button type="button" onClick={() => set({ urlNotes: [] })}>
            Dismiss
          </button>
        </div>
      )}
      {notices.map((n) => (
        <div key={n.id} className={`notice ${n.kind}`} role={n.kind === 'info' ? 'status' : 'alert'}>
          <strong>{TITLES[n.kind]}: </strong>
          <span>{n.message}</span>
          {n.kind === 'divergence' && (
            <p>
              The learning rate is too large for these settings: the updates overshoot and the weights grow without bound.
              {n.suggestedAlpha !== undefined && ` Try ${n.suggestedAlpha.toPrecision(3)}.`}
            </p>
          )}
          <div className="button-row">
            {n.kind === 'divergence' && n.suggestedAlpha !== undefined && (
              <button type="button" className="primary" onClick={() => applySuggestedAlpha(n.suggestedAlpha!)}>
                Use learning rate {n.suggestedAlpha.toPrecision(3)} and start again
              </button>
            )}
            <button type="button" onClick={() => dismiss(n.id)} aria-label={`Dismiss: ${TITLES[n.kind]}`}>
              Dismiss
            </button>
          </div>
        </div>
      ))}
    </div>
  );
}
