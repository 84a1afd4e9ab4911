// The closing lesson: each learning objective of the week, the lessons that serve it, and what this student has
// done there (steps seen, self-checks answered correctly), read from the progress kept in this browser.
import { LESSONS } from '../lessonsSource';
import { quizIds } from '../lessonParser';
import { summarize, useLessonsStore } from '../lessonsStore';
import type { WidgetProps } from './types';

/** Every step of a lesson as a link, each marked when this student has opened it, so an objective leads to the very
 *  steps that served it. */
function StepLinks({ lesson, visited }: { lesson: (typeof LESSONS)[number]; visited: readonly number[] }) {
  const seen = new Set(visited);
  return (
    <ol className="objective-steps" aria-label={`Steps of ${lesson.title}`}>
      {lesson.steps.map((st, i) => (
        <li key={i} data-seen={seen.has(i) ? 'yes' : 'no'}>
          <a href={`#/lessons/${lesson.id}/${i + 1}`}>{st.title}</a>
          {seen.has(i) ? <span className="ok"> (seen)</span> : <span className="muted"> (not yet)</span>}
        </li>
      ))}
    </ol>
  );
}

export default function ObjectivesWidget({ lessonId }: WidgetProps) {
  const progress = useLessonsStore((s) => s.progress);
  const objectives = new Map<string, typeof LESSONS>();
  for (const l of LESSONS) {
    if (l.id === lessonId) continue;
    for (const o of l.objectives) objectives.set(o, [...(objectives.get(o) ?? []), l]);
  }
  if (objectives.size === 0) return <p role="alert">No lesson lists learning objectives in its front matter.</p>;
  let allChecks = 0;
  let done = 0;
  return (
    <div>
      {[...objectives.entries()].map(([objective, lessons]) => {
        const rows = lessons.map((l) => ({ l, s: summarize(progress[l.id], l.steps.length, quizIds(l)) }));
        const c = rows.reduce((a, r) => a + r.s.correct, 0);
        const t = rows.reduce((a, r) => a + r.s.quizCount, 0);
        allChecks += t;
        done += c;
        return (
          <section key={objective} aria-label={`Objective: ${objective}`}>
            <h4>{objective} <span className={c === t ? 'ok' : 'muted'}>({c} of {t} self-checks)</span></h4>
            <ul>
              {rows.map(({ l, s }) => (
                <li key={l.id}>
                  <a href={`#/lessons/${l.id}`}>{l.title}</a>: {s.seen} of {s.stepCount} steps seen, {s.correct} of {s.quizCount} self-checks correct
                  {s.complete && <span className="ok"> ✓</span>}
                  <StepLinks lesson={l} visited={progress[l.id]?.visited ?? []} />
                </li>
              ))}
            </ul>
          </section>
        );
      })}
      <p aria-label="Overall progress"><strong>{done} of {allChecks}</strong> self-checks answered correctly across the week.</p>
    </div>
  );
}
