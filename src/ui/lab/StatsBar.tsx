// The status line ("Reading brown.txt… 45%", "Training epoch 2 of 5 on the CPU engine") and the live numbers.
// The numbers change ~25 times a second: they are written straight into the DOM from a transient store
// subscription, so React does not re-render on every tick.
import { useEffect, useRef } from 'react';
import { useLabStore, type LabState } from '../../state/labStore';
import { PAIR_NEIGHBOURS } from '../../workers/pairsReadout';

interface Stat {
  label: string;
  /** Text of the number only (tests and screen readers read it as a number). */
  text: (s: LabState) => string;
  unit?: string;
}

const DASH = '—';
/** The speed row's label for word-counting models; others name their own unit (see ProgressMsg.unit). */
const SPEED_LABEL = 'Words per second';
const STATS: Stat[] = [
  { label: 'Current loss', text: (s) => (s.progress && Number.isFinite(s.progress.loss) ? s.progress.loss.toFixed(4) : DASH) },
  { label: SPEED_LABEL, text: (s) => (s.progress && s.progress.wordsPerSec > 0 ? String(Math.round(s.progress.wordsPerSec)) : DASH) },
  { label: 'Epoch', text: (s) => (s.progress ? `${Math.min(s.progress.epoch + 1, s.progress.epochs)} of ${s.progress.epochs}` : DASH) },
  { label: 'Progress', text: (s) => (s.progress && s.progress.wordsTotal > 0 ? ((100 * s.progress.wordsDone) / s.progress.wordsTotal).toFixed(2) : DASH), unit: '%' },
  { label: 'Current learning rate', text: (s) => (s.progress ? s.progress.lr.toPrecision(3) : DASH) },
  { label: 'Example pairs near each other', text: (s) => (s.pairs && s.pairs.total > 0 ? `${s.pairs.hits} of ${s.pairs.total} (chance ≤ ${s.pairs.baseline.toFixed(2)})` : DASH) },
];

/** The pairs readout's explanation: which pairs, what "near" means, and chance level. */
function pairsNote(s: LabState): string {
  const p = s.pairs;
  if (!p) return '';
  if (p.total === 0) return 'None of the syllabus example pairs is in this vocabulary.';
  const near = p.near.length ? `Near now: ${p.near.join(', ')}.` : 'None near yet.';
  return `Syllabus pairs (king–queen, paris–france, good–better…) where one word is among the other’s ${PAIR_NEIGHBOURS} nearest neighbours; random vectors would place at most ${p.baseline.toFixed(2)} of ${p.total}. ${near}`;
}

export function StatsBar() {
  const statusText = useLabStore((s) => s.statusText);
  const fraction = useLabStore((s) => s.statusFraction);
  const phase = useLabStore((s) => s.phase);
  // What the speed counts (corpus tokens, GloVe's co-occurrence cells): changes once per run, not per tick.
  const unit = useLabStore((s) => s.progress?.unit ?? 'words');
  const speedLabel = `${unit[0]!.toUpperCase()}${unit.slice(1)} per second`;
  const refs = useRef<(HTMLOutputElement | null)[]>([]);
  const bar = useRef<HTMLProgressElement | null>(null);
  const section = useRef<HTMLElement | null>(null);
  const note = useRef<HTMLParagraphElement | null>(null);

  useEffect(() => {
    const write = (s: LabState) => {
      STATS.forEach((st, i) => {
        const el = refs.current[i];
        const t = st.text(s);
        if (el && el.textContent !== t) el.textContent = t;
      });
      if (bar.current) bar.current.value = s.progress && s.progress.wordsTotal > 0 ? s.progress.wordsDone / s.progress.wordsTotal : 0;
      // The raw counts, for anyone checking the words/s figure against words done over time (the browser tests do).
      section.current?.setAttribute('data-words-done', String(s.progress?.wordsDone ?? 0));
      section.current?.setAttribute('data-words-total', String(s.progress?.wordsTotal ?? 0));
      const n = pairsNote(s);
      if (note.current && note.current.textContent !== n) note.current.textContent = n;
    };
    write(useLabStore.getState());
    return useLabStore.subscribe((s, prev) => {
      if (s.progress !== prev.progress || s.pairs !== prev.pairs) write(s);
    });
  }, []);

  const preparing = fraction !== null && phase !== 'training';
  return (
    <section ref={section} className="stats-bar" aria-label="Training status">
      <p className="status-line" role="status" aria-live="polite">
        {statusText}
      </p>
      {preparing ? (
        <progress className="status-progress" max={1} value={fraction ?? 0} aria-label="Preparation progress" />
      ) : (
        <progress className="status-progress" max={1} ref={bar} aria-label="Training progress" />
      )}
      <dl className="stats">
        {STATS.map((st, i) => {
          const label = st.label === SPEED_LABEL ? speedLabel : st.label;
          return (
          <div key={st.label}>
            <dt>{st.unit ? `${label} (${st.unit})` : label}</dt>
            <dd>
              <output aria-label={label} aria-live="off" ref={(el) => void (refs.current[i] = el)}>
                {DASH}
              </output>
            </dd>
          </div>
          );
        })}
      </dl>
      <p ref={note} className="pairs-note small muted" />
    </section>
  );
}
