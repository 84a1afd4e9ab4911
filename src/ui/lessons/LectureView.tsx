// #/lessons/lecture/<n>: the lecture path (lessons/lecture-50min.txt) as slides: one lesson step per item, an agenda
// with minutes, the time each item starts, Previous / Next and the arrow keys. Speaker notes show in presenter view
// only; ?poll=1 turns self-checks into poll-and-reveal (answers hidden until the instructor reveals them).
import { useEffect, useRef } from 'react';
import { useRoute } from '../../state/route';
import { useUiStore } from '../../state/uiStore';
import { LECTURE, findLesson } from './lessonsSource';
import { LessonStepView } from './LessonMarkdown';
import { stepAfterKey } from './stepKeys';

export const LECTURE_ID = 'lecture';

function itemHref(n: number, poll: boolean): string {
  return `#/lessons/${LECTURE_ID}/${n + 1}${poll ? '?poll=1' : ''}`;
}

function isTyping(t: EventTarget | null): boolean {
  if (!(t instanceof HTMLElement)) return false;
  if (t.isContentEditable || t instanceof HTMLTextAreaElement || t instanceof HTMLSelectElement) return true;
  return t instanceof HTMLInputElement && !['radio', 'checkbox', 'button', 'submit'].includes(t.type);
}

export function LectureView({ item }: { item: string | undefined }) {
  const route = useRoute();
  const poll = route.params.get('poll') === '1';
  const presenter = useUiStore((s) => s.presenter) || route.params.get('present') === '1';
  const setPresenter = useUiStore((s) => s.setPresenter);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const count = LECTURE.items.length;
  const n = item && /^\d+$/.test(item) ? Number(item) - 1 : 0;

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey || isTyping(e.target)) return;
      if (e.target instanceof HTMLInputElement && e.target.type === 'radio') return;
      // Read the item from the URL at the key press (two presses in one task move twice), as the lessons do.
      const m = /#\/lessons\/lecture\/(\d+)/.exec(window.location.hash);
      const from = m ? Number(m[1]) - 1 : n;
      const to = stepAfterKey(e.key, from, count);
      if (to === undefined) return;
      window.location.hash = itemHref(to, poll);
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [n, count, poll]);

  useEffect(() => {
    headingRef.current?.focus({ preventScroll: true });
  }, [n]);

  if (LECTURE.problems.length > 0) {
    return (
      <div className="lesson-missing">
        <h1>The lecture path has problems</h1>
        {LECTURE.problems.map((p, i) => (
          <p key={i} role="alert">
            {p}
          </p>
        ))}
      </div>
    );
  }
  if (n < 0 || n >= count) {
    return (
      <div role="alert" className="lesson-missing">
        <h1>The lecture has no item {item}</h1>
        <p>
          It has {count} items. <a href={itemHref(0, poll)}>Start at item 1</a>.
        </p>
      </div>
    );
  }
  const it = LECTURE.items[n]!;
  const lesson = findLesson(it.lessonId)!;
  const step = lesson.steps[it.step]!;
  return (
    <div className="lesson-layout">
      <nav className="lesson-toc lecture-agenda" aria-label="Lecture agenda">
        <a href="#/lessons">← All lessons</a>
        <ol>
          {LECTURE.items.map((x, k) => {
            const l = findLesson(x.lessonId)!;
            return (
              <li key={k} aria-current={k === n ? 'step' : undefined}>
                <a href={itemHref(k, poll)} aria-current={k === n ? 'step' : undefined}>
                  {l.steps[x.step]!.title}
                </a>{' '}
                <span className="muted">{x.minutes} min</span>
              </li>
            );
          })}
        </ol>
        <p className="muted">{LECTURE.totalMinutes} minutes in all · edit lessons/lecture-50min.txt to change the path</p>
      </nav>
      <article className="lesson" aria-labelledby="lesson-step-title">
        <p className="lesson-kicker muted" aria-label="Lecture position">
          {LECTURE.title} · item {n + 1} of {count} · minutes {it.startsAt}–{it.startsAt + it.minutes} of {LECTURE.totalMinutes} ·
          from <a href={`#/lessons/${lesson.id}/${it.step + 1}`}>{lesson.title}</a>
        </p>
        <h1 id="lesson-step-title" ref={headingRef} tabIndex={-1}>
          {step.title}
        </h1>
        <div className="controls">
          {!presenter && (
            <button type="button" onClick={() => setPresenter(true)}>
              Presenter view (shows speaker notes)
            </button>
          )}
          <a className="button-link" href={`#/lessons/${LECTURE_ID}/${n + 1}${poll ? '' : '?poll=1'}`}>
            {poll ? 'Self-checks: answer and check' : 'Self-checks: poll the room, then reveal'}
          </a>
        </div>
        <LessonStepView lesson={lesson} step={it.step} />
        <nav className="lesson-nav" aria-label="Lecture navigation">
          <button type="button" disabled={n === 0} onClick={() => (window.location.hash = itemHref(n - 1, poll))}>
            ← Previous
          </button>
          <span className="muted">
            {n + 1} / {count}
          </span>
          <button type="button" className="primary" disabled={n === count - 1} onClick={() => (window.location.hash = itemHref(n + 1, poll))}>
            Next →
          </button>
        </nav>
      </article>
    </div>
  );
}
