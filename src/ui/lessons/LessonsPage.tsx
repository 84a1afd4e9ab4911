// #/lessons: the list with progress; #/lessons/<id>/<step>: one step of a lesson, with a table of contents,
// Previous / Next buttons and the arrow keys. Opening #/lessons/<id> resumes at the step last seen.
import { useEffect, useRef } from 'react';
import { navigate, useRoute } from '../../state/route';
import { LESSONS, findLesson } from './lessonsSource';
import { quizIds, type Lesson } from './lessonParser';
import { summarize, useLessonsStore } from './lessonsStore';
import { LessonStepView } from './LessonMarkdown';
import { currentStep, stepAfterKey } from './stepKeys';
import { LECTURE_ID, LectureView } from './LectureView';
import { LECTURE } from './lessonsSource';
import './lessons.css';

function stepHref(id: string, step: number): string {
  return `#/lessons/${encodeURIComponent(id)}/${step + 1}`;
}

function ProgressLine({ lesson }: { lesson: Lesson }) {
  const p = useLessonsStore((s) => s.progress[lesson.id]);
  const sum = summarize(p, lesson.steps.length, quizIds(lesson));
  return (
    <span className="lesson-progress" aria-label={`Progress of ${lesson.title}`}>
      {sum.seen} of {sum.stepCount} steps seen · {sum.correct} of {sum.quizCount} self-checks correct
      {sum.complete && <span className="ok"> · done ✓</span>}
    </span>
  );
}

function LessonList() {
  const problem = useLessonsStore((s) => s.storageProblem);
  const progress = useLessonsStore((s) => s.progress);
  return (
    <div className="lessons-list">
      <h1>Lessons</h1>
      <p className="lead">
        Week 6, from autoencoders to embeddings: one lesson per part of the syllabus. Each has short reading, something
        to try on real vectors and a self-check. Your progress stays in this browser.
      </p>
      {problem && <p role="alert">{problem}</p>}
      <ol className="lesson-cards">
        {LESSONS.map((l) => {
          const p = progress[l.id];
          return (
            <li key={l.id}>
              <a href={stepHref(l.id, p?.step ?? 0)}>
                <strong>{l.title}</strong>
              </a>
              <span className="muted">{l.section}</span>
              <ProgressLine lesson={l} />
              {l.issues.length > 0 && <span role="alert">This lesson file has {l.issues.length} problem(s): open it to see them.</span>}
            </li>
          );
        })}
      </ol>
      {LESSONS.length === 0 && <p role="alert">No lesson files were found in lessons/.</p>}
      {LECTURE.items.length > 0 && (
        <p>
          For instructors: <a href="#/lessons/lecture/1">{LECTURE.title}</a> ({LECTURE.items.length} steps,{' '}
          {LECTURE.totalMinutes} minutes, speaker notes in presenter view).
        </p>
      )}
    </div>
  );
}

function isTyping(t: EventTarget | null): boolean {
  if (!(t instanceof HTMLElement)) return false;
  if (t.isContentEditable) return true;
  if (t instanceof HTMLTextAreaElement || t instanceof HTMLSelectElement) return true;
  if (t instanceof HTMLInputElement) return !['radio', 'checkbox', 'button', 'submit'].includes(t.type);
  return false;
}

function LessonView({ lesson, step }: { lesson: Lesson; step: number }) {
  const visit = useLessonsStore((s) => s.visit);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const last = lesson.steps.length - 1;
  const idx = LESSONS.indexOf(lesson);
  const nextLesson = LESSONS[idx + 1];

  useEffect(() => {
    visit(lesson.id, step);
  }, [lesson.id, step, visit]);

  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    // Move focus to the new step's heading so keyboard and screen-reader users land on the new content.
    headingRef.current?.focus({ preventScroll: true });
    window.scrollTo({ top: 0 });
  }, [step]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey || isTyping(e.target)) return;
      // Radio groups use the arrow keys themselves.
      if (e.target instanceof HTMLInputElement && e.target.type === 'radio') return;
      const from = currentStep(window.location.hash, lesson.id, last + 1, step);
      const to = stepAfterKey(e.key, from, last + 1);
      if (to === undefined) return;
      navigate('lessons', [lesson.id, String(to + 1)]);
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [lesson.id, step, last]);

  const cur = lesson.steps[step];
  return (
    <div className="lesson-layout">
      <nav className="lesson-toc" aria-label="Steps of this lesson">
        <a href="#/lessons">← All lessons</a>
        <ol>
          {lesson.steps.map((s, i) => (
            <li key={i}>
              <a href={stepHref(lesson.id, i)} aria-current={i === step ? 'step' : undefined}>
                {s.title}
              </a>
            </li>
          ))}
        </ol>
        <ProgressLine lesson={lesson} />
      </nav>
      <article className="lesson" aria-labelledby="lesson-step-title">
        <p className="lesson-kicker muted">
          {lesson.title} · step {step + 1} of {lesson.steps.length}
        </p>
        <h1 id="lesson-step-title" ref={headingRef} tabIndex={-1}>
          {cur.title}
        </h1>
        {lesson.issues.map((iss, i) => (
          <div key={i} className="lesson-error" role="alert">
            {lesson.file}, line {iss.line}: {iss.message}
          </div>
        ))}
        <LessonStepView lesson={lesson} step={step} />
        <nav className="lesson-nav" aria-label="Step navigation">
          <button type="button" disabled={step === 0} onClick={() => navigate('lessons', [lesson.id, String(step)])}>
            ← Previous
          </button>
          <span className="muted">
            {step + 1} / {lesson.steps.length}
          </span>
          {step < last ? (
            <button type="button" className="primary" onClick={() => navigate('lessons', [lesson.id, String(step + 2)])}>
              Next →
            </button>
          ) : nextLesson ? (
            <a className="button-link primary" href={stepHref(nextLesson.id, 0)}>
              Next lesson: {nextLesson.title} →
            </a>
          ) : (
            <a className="button-link" href="#/lessons">
              Back to all lessons
            </a>
          )}
        </nav>
      </article>
    </div>
  );
}

export default function LessonsPage() {
  const route = useRoute();
  const progress = useLessonsStore((s) => s.progress);
  const [id, stepStr] = route.rest;
  const lesson = id ? findLesson(id) : undefined;
  const saved = lesson ? progress[lesson.id]?.step ?? 0 : 0;
  const needsRedirect = !!lesson && (stepStr === undefined || !/^\d+$/.test(stepStr));

  useEffect(() => {
    // #/lessons/<id> without a step: continue where the student left off (replace, so Back still works).
    if (needsRedirect && lesson) history.replaceState(null, '', stepHref(lesson.id, Math.min(saved, lesson.steps.length - 1)));
    if (needsRedirect) window.dispatchEvent(new HashChangeEvent('hashchange'));
  }, [needsRedirect, lesson, saved]);

  if (!id) return <LessonList />;
  if (id === LECTURE_ID) return <LectureView item={stepStr} />;
  if (!lesson) {
    return (
      <div role="alert" className="lesson-missing">
        <h1>No lesson called "{id}"</h1>
        <p>
          It may have been renamed. <a href="#/lessons">See all lessons</a>.
        </p>
      </div>
    );
  }
  if (needsRedirect) return <p role="status">Opening {lesson.title}…</p>;
  const n = Number(stepStr) - 1;
  if (n < 0 || n >= lesson.steps.length) {
    return (
      <div role="alert" className="lesson-missing">
        <h1>{lesson.title} has no step {stepStr}</h1>
        <p>
          It has {lesson.steps.length} steps. <a href={stepHref(lesson.id, 0)}>Start at step 1</a> or{' '}
          <a href={stepHref(lesson.id, Math.min(saved, lesson.steps.length - 1))}>continue where you left off</a>.
        </p>
      </div>
    );
  }
  return <LessonView key={lesson.id} lesson={lesson} step={n} />;
}
